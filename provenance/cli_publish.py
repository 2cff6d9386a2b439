"""The commands that publish: `prov render`, `report`, `export` and `import`.

They are declared here and registered on the one `prov` app by `register_publishing`
(called from provenance.cli), so that each module of the command line stays small. Like
every command, each parses options, calls one library function, and writes its output
through provenance.cli_output.
"""

import os
from pathlib import Path
from typing import Annotated

import typer

from provenance.cli_common import CaseArgs, case_options, user_errors
from provenance.cli_completion import complete_terms
from provenance.cli_formats import EXPORT_FORMATS_HELP, IMPORT_FORMATS_HELP
from provenance.cli_output import write_files, write_output, write_text
from provenance.cli_select import command_name
from provenance.errors import ProvenanceError

DrawTerm = Annotated[
    str | None,
    typer.Argument(
        metavar="[TERM]",
        help="What to draw (as for 'prov trace'); omit with --all.",
        autocompletion=complete_terms,
    ),
]


@case_options(json=False)
def render(
    term: DrawTerm = None,
    draw_all: Annotated[bool, typer.Option("--all", help="Draw the whole case.")] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="File to write; '-' for stdout. Default: <term>.<format> here."
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
    with user_errors():
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
        _said(write_output(data, output or default_output(term, fmt)))


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
    with user_errors():
        from provenance.report.write import report_files

        files = report_files(
            opts.document(), term, fmt, output, url, os.environ.get("SOURCE_DATE_EPOCH")
        )
        for note in files.notes:
            typer.echo(f"prov: {note}", err=True)
        for target, data in files.files:
            _said(write_output(data, target))


@case_options(json=False)
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help=EXPORT_FORMATS_HELP,
        ),
    ],
    term: Annotated[
        str | None, typer.Argument(help="With claimreview: the claim(s) to review.")
    ] = None,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            help="File to write; '-' (default) for stdout; a FOLDER/ for one claimreview "
            "file per claim.",
        ),
    ] = "-",
    claim: Annotated[
        list[str] | None,
        typer.Option("--claim", help="claimreview: the id of a claim to review (repeatable)."),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(
            "--url",
            help="ClaimReview: the page publishing the review ('{claim}' is replaced by the "
            "claim's id; default: the case's review.url).",
        ),
    ] = None,
    *,
    opts: CaseArgs,
) -> None:
    """Export the case as W3C PROV, schema.org ClaimReview, GraphML, GEXF or JSON.

    Example: prov export --format claimreview --claim japan-sold -o review.jsonld
    """
    with user_errors():
        from provenance.export import export_case, export_folder

        if output.endswith(("/", os.sep)) or Path(output).is_dir():
            files = export_folder(opts.document(), fmt, term, url, claim)
            _said(write_files(files, Path(output)))
            return
        text = export_case(opts.document(), fmt, term, url, claim, one_file=output != "-")
        _said(write_text(text, output))


def import_(
    fmt: Annotated[
        str,
        typer.Argument(
            metavar="FORMAT",
            help=f"{IMPORT_FORMATS_HELP}; or spread: reposts and quotes into a case "
            "(CSV or JSON Lines: id, author, time, relays; url, text, platform), with --case.",
        ),
    ],
    path: Annotated[Path, typer.Argument(metavar="FILE", help="The document to read.")],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Case file to write; '-' (default) for stdout.")
    ] = "-",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    case: Annotated[
        Path | None,
        typer.Option(
            "--case",
            envvar="PROV_CASE",
            help="spread: the case the posts relay.",
            show_default=False,
        ),
    ] = None,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="spread: import the good rows, skip the bad ones.")
    ] = False,
) -> None:
    """Read a W3C PROV document (PROV-JSON, PROV-XML, PROV-N, PROV-O) into a case file,
    reporting what cannot be mapped; or spread data (who reposted whom, when) into a case.

    Example: prov import prov-xml case.provx -o imported/case.yaml

    Example: prov import spread reposts.csv --case my-case/
    """
    with user_errors():
        if fmt == "spread":
            _import_spread(path, case, skip_bad)
            return
        if case is not None or skip_bad:
            raise ProvenanceError("--case and --skip-bad are for 'prov import spread'")
        from provenance.imports import import_file

        imported = import_file(fmt, path)
        for line in imported.unmapped:
            typer.echo(f"prov: {line}", err=True)
        _said(write_text(imported.case_yaml, output, force=force))


def _import_spread(path: Path, case: Path | None, skip_bad: bool) -> None:
    if case is None:
        raise ProvenanceError("give --case: the case whose statements the posts relay")
    import datetime as dt

    from provenance.imports.spread import import_spread, write_import

    done = import_spread(path, case, skip_bad, today=dt.date.today().isoformat())
    write_import(done)
    for line in done.said:
        _said(line)


def register_publishing(app: typer.Typer) -> None:
    """Add the publishing commands to `app` (once), in the order `prov -h` lists them:
    after the views, before `schema`."""
    if any(c.callback is render for c in app.registered_commands):
        return
    app.command()(render)
    app.command()(report)
    app.command()(export)
    app.command("import")(import_)
    last = [c for c in app.registered_commands if command_name(c) == "schema"]
    app.registered_commands = [c for c in app.registered_commands if c not in last] + last


def _said(line: str | None) -> None:
    """Print where the output went, on stderr (nothing when it went to stdout)."""
    if line:
        typer.echo(f"prov: {line}", err=True)
