"""The `prov` command line: parse options, call the library, print. Nothing else.

Each command parses its options, calls one library function (a view of
provenance.views, a diagram, an export) and prints the result as JSON or text. The
options every case-reading command shares (`--case`, `--json`) are declared once, in
provenance.cli_common (`case_options`).

Every error a user can cause is a `ProvenanceError` (or a usage error) and is printed as
one line per problem on stderr with exit code 2; never a traceback.
"""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from provenance.cli_common import (
    EXIT_USER_ERROR,
    CaseArgs,
    OneLineErrors,
    case_options,
    print_json,
    print_text,
    width,
)
from provenance.errors import ProvenanceError
from provenance.export import registry as export_formats
from provenance.imports import registry as import_formats

app = typer.Typer(
    cls=OneLineErrors,
    name="prov",
    help="Trace who said what, from where, and whether anyone confirmed it.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
)


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
        print_json(result)
        return
    from provenance.views.text.trace_text import format_trace

    print_text(format_trace(result, width()))


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

        print_json(status_report(doc))
        return
    from provenance.views.text.status_text import status_text

    print_text(status_text(doc, width(wrap_for_files=False)))


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
        print_json(result)
        return
    from provenance.views.text.explain_text import format_explain

    print_text(format_explain(result, width()))


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

        report = check_report(opts._replace(case=case_path or case).document())
    if opts.as_json:
        print_json(report)
    else:
        from provenance.views.text.check_text import format_check

        print_text(format_check(report["findings"], report["summary"], width(), verbose))
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
    detail: Annotated[
        str,
        typer.Option("--detail", help="report (report size, parallel relays collapsed) or full."),
    ] = "report",
    ids: Annotated[bool, typer.Option("--ids", help="Print record ids in the boxes.")] = False,
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
    """Draw the provenance of one claim (the one TERM names; for an actor or source, the
    claim it says most about) as SVG, DOT, PNG or PDF; --all draws the map of every claim.

    Example: prov render norinchukin -o graphs/norinchukin.svg
    """
    with _user_errors():
        if (term is None) == (not draw_all):
            raise ProvenanceError("name what to draw (a TERM) or give --all, not both")
        import datetime as dt

        from provenance.render import RenderOptions, default_output, draw, generation_date
        from provenance.render.dot import check_options
        from provenance.render.layout import choose_engine, describe_engine

        chosen = choose_engine(engine, fmt)  # before reading the case: options first
        options = RenderOptions(depth=depth, direction=direction, ids=ids, detail=detail)
        check_options(options)
        doc = opts.document()
        generated = generation_date(doc, os.environ.get("SOURCE_DATE_EPOCH"), dt.date.today())
        data = draw(doc, term, options, fmt, chosen, generated)
        if verbose and chosen != "none":
            typer.echo(f"prov: laid out by {describe_engine(chosen)}", err=True)
        _write_bytes(output or default_output(term, fmt), data)


@app.command()
@case_options(json=False)
def report(
    term: Annotated[str, typer.Argument(help="The claim to report on (as for 'prov render').")],
    output: Annotated[
        str,
        typer.Option("--output", "-o", help="File to write; '-' (default) for stdout (HTML only)."),
    ] = "-",
    fmt: Annotated[str, typer.Option("--format", "-f", help="html or md.")] = "html",
    url: Annotated[
        str | None,
        typer.Option(
            "--url",
            help="The page the report is published on, for its ClaimReview "
            "(default: the case's review.url).",
        ),
    ] = None,
    *,
    opts: CaseArgs,
) -> None:
    """Write the fact-check page of one claim: verdict, reasons, diagram, every quote,
    flags and findings, the review, and its ClaimReview (HTML, or Markdown with the SVG).

    Example: prov report norinchukin -o report.html
    """
    with _user_errors():
        from provenance.report.write import report_files

        files = report_files(
            opts.document(), term, fmt, output, url, os.environ.get("SOURCE_DATE_EPOCH")
        )
        for note in files.notes:
            typer.echo(f"prov: {note}", err=True)
        for target, data in files.files:
            _write_bytes(target, data)


def _write_bytes(target: str, data: bytes) -> None:
    """Write `data` to stdout ('-') or, whole, to a file (replacing it); say where."""
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
    *,
    opts: CaseArgs,
) -> None:
    """Export the case as W3C PROV, schema.org ClaimReview, GraphML, GEXF or JSON.

    Example: prov export --format prov-json -o case.provn.json
    """
    with _user_errors():
        from provenance.export import export_case

        text = export_case(opts.document(), fmt, term, url)
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

    print_json(case_json_schema())


def main() -> None:
    """Run the `prov` command line."""
    app(prog_name="prov")


if __name__ == "__main__":  # python -m provenance.cli (e.g. with -X importtime)
    main()
