"""What every `prov` command shares: one-line usage errors, the options of commands
that read a case (`--case`, `--json`) declared once, and how output is printed.

A command that reads a case is decorated with `case_options()` and receives the shared
options as one `CaseArgs`; `CaseArgs.document()` loads the analysed case they name.
"""

import functools
import inspect
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

# typer ships its own copy of click; its exceptions are where usage errors come from.
from typer._click import exceptions as click_exceptions
from typer.core import TyperGroup

if TYPE_CHECKING:
    from provenance.records import Document

EXIT_USER_ERROR = 2


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
            sys.exit(1)
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

    def document(self) -> "Document":
        """Return the analysed document of the case these options name (cut to the
        `--as-of` date when given)."""
        from provenance.document import load_document

        return load_document(case_path(self.case), self.as_of)


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


def print_json(data: object) -> None:
    """Print `data` as JSON: keys sorted, indented, non-ASCII kept, so output diffs."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


def print_text(text: str) -> None:
    """Print text a view rendered (it ends with its own newline)."""
    sys.stdout.write(text)


def width(wrap_for_files: bool = True) -> int:
    """Return the width to lay text out in: the terminal's, or for a pipe or file 100
    when wrapping helps reading, else unlimited (a status table piped to grep)."""
    if sys.stdout.isatty():
        return min(shutil.get_terminal_size((100, 24)).columns, 120)
    return 100 if wrap_for_files else 100_000
