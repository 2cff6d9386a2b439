"""The terminal layer: the one place `prov` lays out and prints text for a person.

Every text view (trace, status, explain, check) is built from these pieces and printed
by `show`:

- `cell_width`, `fit`, `wrap`: display widths from wcwidth, so CJK and emoji take the two
  columns a terminal gives them; text is wrapped and cut to a width, never past it.
- `table`: aligned columns laid out by rich to fit a width (the last column cut with an
  ellipsis, or wrapped).
- `safe`: every string of a view with control and bidi characters shown escaped
  (provenance.escape.terminal), before anything measures or prints it.
- `Screen` / `screen`: the width, whether to colour (a TTY, no NO_COLOR, no --no-color,
  not TERM=dumb) and whether to page (a TTY and no --no-pager).
- `show`: print; on a colour terminal with rich (status words, headings, flags), through
  a pager when longer than the screen. Off a TTY it writes plain text and never imports
  rich, which keeps the cold start of `prov trace` fast.
- `json_text`: JSON for the terminal: like json.dumps, plus DEL, C1 and bidi controls,
  line separators and lone surrogates written as \\u escapes.

Case text reaches rich only as `Text` objects, never as markup: `[bold]` in a title is
printed as typed.
"""

from __future__ import annotations

import functools
import json
import re
from typing import TYPE_CHECKING, NamedTuple

from provenance.escape import BIDI_CONTROLS, terminal
from provenance.views.text.width import cell_width, is_narrow
from provenance.vocab import Status

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence
    from typing import TextIO

#: Width for output that is not a terminal (a pipe, a file) when COLUMNS is not set.
FILE_WIDTH = 100
#: Lines are never narrower than this: an indentation eats into it instead.
MIN_ROOM = 20
#: Columns for a table that may be as wide as its contents (`prov status --wide`).
UNLIMITED = 100_000


@functools.cache
def _spaces() -> re.Pattern[str]:
    """Return the pattern, compiled on first use (compiling costs start-up)."""
    return re.compile(r"(\s+)")


def _cut(text: str, room: int) -> tuple[str, str]:
    """Split `text` into a head of at most `room` columns and the rest."""
    used = 0
    for i, ch in enumerate(text):
        used += cell_width(ch)
        if used > room:
            return text[:i], text[i:]
    return text, ""


def _cut_plain(text: str, room: int) -> tuple[str, str]:
    """`_cut` for printable ASCII, one column a character."""
    room = max(room, 0)
    return text[:room], text[room:]


def fit(text: str, width: int) -> str:
    """Return `text` cut to `width` columns, an ellipsis marking the cut.

    >>> fit("Norinchukin sold US Treasuries", 16)
    'Norinchukin sol…'
    """
    if cell_width(text) <= width:
        return text
    return _cut(text, max(width - 1, 0))[0] + "…"


def pad(text: str, width: int) -> str:
    """Return `text` padded with spaces to `width` columns."""
    return text + " " * max(width - cell_width(text), 0)


def wrap(text: str, indent: str, width: int, first: str | None = None) -> list[str]:
    """Return `text` wrapped to `width` columns, continuation lines indented under
    `indent` plus two spaces; `first` replaces the indent of the first line (bullets,
    tree branches). Breaks at spaces and between CJK characters; a word longer than a
    line is split. No line is wider than `width` (a deep indent is shortened instead).
    """
    # Spaces opening the text are kept, as part of the first line's indent.
    opening = " " * (len(text) - len(text.lstrip()))
    lead = _shorten((indent if first is None else first) + opening, width)
    rest = _shorten(indent + "  ", width)
    lines: list[str] = []
    line, used, space = lead, cell_width(lead), 0
    empty = True
    # Words of printable one-column characters (ASCII, Latin, punctuation: the usual
    # case) are as wide as they are long.
    words = "".join(text.split())
    plain = words.isprintable() and (words.isascii() or is_narrow(words))
    measure, cut = (len, _cut_plain) if plain else (cell_width, _cut)
    for token in _spaces().split(text) if plain else _tokens(text):
        if not token:
            continue
        if token.isspace():  # a run of spaces is kept inside a line, one space for others
            space = 0 if empty else len(token) if not token.strip(" ") else 1
            continue
        w = measure(token)
        gap = space
        if used + gap + w > width and not empty:
            lines.append(line.rstrip())
            line, used, empty, gap = rest, cell_width(rest), True, 0
        while used + gap + w > width:  # a word longer than a line: split it
            head, token = cut(token, width - used - gap)
            lines.append(line + " " * gap + head)
            line, used, gap = rest, cell_width(rest), 0
            w = measure(token)
        line += " " * gap + token
        used += gap + w
        space, empty = 0, False
    lines.append(line.rstrip() if not empty else lead.rstrip() or lead)
    return lines


def _tokens(text: str) -> Iterator[str]:
    """Yield the runs of spaces and the words of `text`, each wide (CJK, emoji)
    character a word by itself: a line may break before or after one."""
    for part in _spaces().split(text):
        if not part or part.isspace() or part.isascii() or is_narrow(part):
            if part:
                yield part
            continue
        word = ""
        for ch in part:
            if cell_width(ch) > 1:
                if word:
                    yield word
                word = ""
                yield ch
            else:
                word += ch
        if word:
            yield word


def _shorten(lead: str, width: int) -> str:
    """Return an indentation that leaves at least MIN_ROOM columns of `width`."""
    room = max(width - MIN_ROOM, 0)
    return lead if cell_width(lead) <= room else lead[len(lead) - room :]


class Column(NamedTuple):
    """A column of `table`: its heading, and whether it may be cut (`flex`: the last
    column, cut with an ellipsis or wrapped to what the width leaves)."""

    heading: str
    flex: bool = False
    right: bool = False


def table(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int) -> list[str]:
    """Return `rows` as aligned text lines no wider than `width`, headings first. Cells
    are case text already made safe (`safe`); rich lays them out, as plain text."""
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    natural = [
        max([cell_width(col.heading), *(cell_width(row[i]) for row in rows)])
        for i, col in enumerate(columns)
    ]
    fixed = sum(w + 2 for w, col in zip(natural, columns, strict=True) if not col.flex)
    room = max(width - fixed, MIN_ROOM // 2)
    grid = Table(box=None, padding=(0, 2, 0, 0), pad_edge=False, show_edge=False)
    for col in columns:
        grid.add_column(
            Text(col.heading),
            no_wrap=col.flex,
            overflow="ellipsis" if col.flex else "fold",
            justify="right" if col.right else "left",
            max_width=room if col.flex else None,
        )
    for row in rows:
        cells = [fit(c, room) if col.flex else c for c, col in zip(row, columns, strict=True)]
        grid.add_row(*(Text(cell) for cell in cells))
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        color_system=None,
        force_terminal=False,
        no_color=True,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    console.print(grid, crop=False)
    return [line.rstrip() for line in out.getvalue().splitlines()]


def safe(data: object) -> object:
    """Return `data` (JSON-like: dicts, lists, strings) with every string shown safe for a
    terminal (control, bidi and surrogate characters escaped). Keys are left alone."""
    if isinstance(data, str):
        return terminal(data)
    if isinstance(data, dict):
        return {key: safe(value) for key, value in data.items()}
    if isinstance(data, list):
        return [safe(value) for value in data]
    return data


@functools.cache
def _json_unsafe() -> re.Pattern[str]:
    """Return the pattern, compiled on first use (compiling costs start-up)."""
    return re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}\ud800-\udfff]")


def json_text(data: object) -> str:
    r"""Return `data` as the JSON `prov --json` prints: keys sorted, indented, non-ASCII
    kept, and no character that could drive a terminal (json.dumps escapes C0 itself).

    >>> json_text({"a": "x\x9b\u202ey"})
    '{\n  "a": "x\\u009b\\u202ey"\n}'
    """
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
    return _json_unsafe().sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --- the screen --------------------------------------------------------------------------


class Screen(NamedTuple):
    """How text is shown: its width, and whether to colour and to page it."""

    width: int = FILE_WIDTH
    color: bool = False
    pager: bool = False
    height: int = 24


def screen(
    env: Mapping[str, str],
    tty: bool,
    size: tuple[int, int] = (80, 24),
    no_color: bool = False,
    no_pager: bool = False,
) -> Screen:
    """Return how to show text on an output that is a terminal (`tty`) of `size`
    (columns, lines) or not. COLUMNS sets the width (else the terminal's, at most 120, or
    FILE_WIDTH off a terminal); NO_COLOR (any value but empty), TERM=dumb or
    `no_color` switch colour off; paging needs a terminal and no `no_pager`."""
    columns = env.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        width = int(columns)
    else:
        width = min(size[0], 120) if tty else FILE_WIDTH
    dumb = env.get("TERM") == "dumb"
    color = tty and not no_color and not env.get("NO_COLOR") and not dumb
    return Screen(max(width, MIN_ROOM + 10), color, tty and not no_pager and not dumb, size[1])


STATUS_STYLE: dict[Status, str] = {
    Status.confirmed: "bold green",
    Status.corroborated: "green",
    Status.unconfirmed: "yellow",
    Status.disputed: "magenta",
    Status.refuted: "bold red",
    Status.retracted: "red",
    Status.unsupported: "dim",
}
"""The colour of each status word, on a colour terminal only."""


@functools.cache
def _highlights() -> tuple[tuple[re.Pattern[str], str | None], ...]:
    """Return what a colour terminal styles: (pattern, style); a style of None means
    the status word the pattern's group matched, in its STATUS_STYLE."""
    words = "|".join(s.value for s in Status)
    return (
        (re.compile(rf"\b(?:{words.upper()})\b"), None),
        (re.compile(rf"^\S+\s+({words})\b"), None),  # the STATUS column of `prov status`
        (re.compile(r"^(?:CLAIM|ACTOR|SOURCE|ASSERTION) [^:]*"), "bold"),
        (re.compile(r"^(?:CLAIM +STATUS)\b.*"), "bold"),
        (re.compile(r"\bFIRED\b"), "bold"),
        (re.compile(r"(?<=\s)! [\w-]+:|^! [\w-]+:"), "yellow"),
        (re.compile(r"^ {2}(error)\b"), "bold red"),
        (re.compile(r"^ {2}(warning)\b"), "yellow"),
    )


def _styled(line: str) -> object:
    """Return a rich Text of `line` with status words, headings and flags styled."""
    from rich.text import Text

    text = Text(line)
    for pattern, style in _highlights():
        for match in pattern.finditer(line):
            group = 1 if match.re.groups else 0
            word = match.group(group)
            chosen = style or STATUS_STYLE[Status(word.lower())]
            text.stylize(chosen, match.start(group), match.end(group))
    return text


def colored(text: str) -> str:
    """Return `text` with ANSI colour codes (what `show` prints on a colour terminal)."""
    import io

    from rich.console import Console

    out = io.StringIO()
    console = Console(
        file=out,
        force_terminal=True,
        color_system="standard",
        width=UNLIMITED,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    for line in text.splitlines():
        console.print(_styled(line), soft_wrap=True, crop=False)
    return out.getvalue()


def show(text: str, shown: Screen, out: TextIO, env: Mapping[str, str]) -> None:
    """Print `text` (a view's lines, each ending in a newline) to `out`: control
    characters escaped whatever the view did, coloured when `shown.color`, through the
    pager ($PAGER, else `less -FRX`) when `shown.pager` and longer than the screen."""
    text = terminal(text, keep="\n")
    if shown.color:
        text = colored(text)
    if shown.pager and text.count("\n") > shown.height - 1 and _page(text, env):
        return
    out.write(text)
    out.flush()


def _page(text: str, env: Mapping[str, str]) -> bool:
    """Send `text` through the pager; return False when there is none to run."""
    import shlex
    import subprocess

    command = shlex.split(env.get("PAGER", "less"))
    if not command or command[0] == "cat":
        return False
    try:
        subprocess.run(
            command,
            input=text.encode("utf-8", "replace"),
            env={**env, "LESS": env.get("LESS", "FRX")},
            check=False,
        )
    except OSError:
        return False
    return True
