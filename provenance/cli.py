"""The `prov` command line: parse options, call the library, print. Nothing else.

Every error a user can cause is a `ProvenanceError` (or a usage error) and is printed as
one line per problem on stderr with exit code 2; never a traceback.
"""

import json
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

# typer ships its own copy of click; its exceptions are where usage errors come from.
from typer._click import exceptions as click_exceptions
from typer.core import TyperGroup

from provenance.errors import ProvenanceError
from provenance.export import registry as export_formats
from provenance.imports import registry as import_formats

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


def _document(case: Path | None) -> Any:
    from provenance.document import load_document

    return load_document(_case_path(case))


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


def _width(wrap_for_files: bool = True) -> int:
    """Return the width to lay text out in: the terminal's, or for a pipe or file 100
    when wrapping helps reading, else unlimited (a status table piped to grep)."""
    if sys.stdout.isatty():
        return min(shutil.get_terminal_size((100, 24)).columns, 120)
    return 100 if wrap_for_files else 100_000


@app.command()
def trace(
    term: Annotated[
        str,
        typer.Argument(
            help="A claim, actor or source: id, name, alias, "
            "tag or words of a claim; KIND:ID picks one."
        ),
    ],
    case: CaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show the provenance of a claim, actor or source.

    Example: prov trace norinchukin
    """
    with _user_errors():
        from provenance.trace import trace as run_trace

        result = run_trace(_document(case), term)
    if as_json:
        _print_json(result)
        return
    from provenance.text import format_trace

    sys.stdout.write(format_trace(result, _width()))


@app.command()
def status(case: CaseOption = None, as_json: JsonOption = False) -> None:
    """List every claim with its status, credibility grade and deciding reason.

    Example: prov status --json
    """
    with _user_errors():
        from provenance.status import case_notes, status_rows

        doc = _document(case)
        rows = status_rows(doc)
    if as_json:
        analysis = doc["analysis"]
        _print_json(
            {"claims": rows, "rules": analysis["rules"], "overrides": analysis["overrides"]}
        )
        return
    from provenance.text import format_status

    sys.stdout.write(format_status(rows, _width(wrap_for_files=False), case_notes(doc)))


@app.command()
def explain(
    claim: Annotated[str, typer.Argument(help="The id of a claim (see 'prov status').")],
    case: CaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Print the whole rule trace for one claim: which rule fired on which assertions.

    Example: prov explain norinchukin-sold
    """
    with _user_errors():
        from provenance.status import explain as run_explain

        result = run_explain(_document(case), claim)
    if as_json:
        _print_json(result)
        return
    from provenance.text import format_explain

    sys.stdout.write(format_explain(result, _width()))


@app.command()
def check(
    case_path: Annotated[
        Path | None, typer.Argument(metavar="[CASE]", help="Case file or folder (like --case).")
    ] = None,
    case: CaseOption = None,
    as_json: JsonOption = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list where every quote was found.")
    ] = False,
) -> None:
    """Check the evidence: quotes in their archived sources, quote drift, figure conflicts,
    wrong names, chronology and structure. Exit code 1 when there are errors.

    Example: prov check seeds/treasuries-2025
    """
    with _user_errors():
        from_env = case is not None and os.environ.get("PROV_CASE") == str(case)
        if case_path is not None and case is not None and case_path != case and not from_env:
            raise ProvenanceError("give the case once: as CASE or with --case, not both")
        from provenance.checks import summary

        findings = _document(case_path or case)["checks"]
    counts = summary(findings)
    if as_json:
        _print_json({"findings": findings, "summary": counts})
    else:
        from provenance.text import format_check

        sys.stdout.write(format_check(findings, counts, _width(), verbose))
    if counts["error"]:
        raise typer.Exit(1)


@app.command()
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
    case: CaseOption = None,
) -> None:
    """Draw the provenance of a claim, actor or source (or --all) as SVG, DOT, PNG or PDF.

    Example: prov render norinchukin -o graphs/norinchukin.svg
    """
    with _user_errors():
        if (term is None) == (not draw_all):
            raise ProvenanceError("name what to draw (a TERM) or give --all, not both")
        import datetime as dt

        from provenance.render import RenderOptions, default_output, draw, generation_date
        from provenance.render.layout import choose_engine, describe_engine

        chosen = choose_engine(engine, fmt)  # before reading the case: options first
        doc = _document(case)
        generated = generation_date(doc, os.environ.get("SOURCE_DATE_EPOCH"), dt.date.today())
        options = RenderOptions(depth=depth, direction=direction)
        data = draw(doc, term, options, fmt, chosen, generated)
        target = output or default_output(term, fmt)
        if verbose and chosen != "none":
            typer.echo(f"prov: laid out by {describe_engine(chosen)}", err=True)
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
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help=f"{export_formats.choices()}.",
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
    case: CaseOption = None,
) -> None:
    """Export the case as W3C PROV, schema.org ClaimReview, GraphML, GEXF or JSON.

    Example: prov export --format prov-json -o case.provn.json
    """
    with _user_errors():
        from provenance.export import export_case

        text = export_case(_document(case), fmt, term, url)
        _write_text(text, output, force=True)


@app.command("import")
def import_(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help=", ".join(import_formats.FORMATS))],
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
        from provenance.imports import import_file

        imported = import_file(fmt, path)
        for line in imported.unmapped:
            typer.echo(f"prov: {line}", err=True)
        _write_text(imported.case_yaml, output, force=force)


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
