"""The `prov` command line: parse options, call the library, print. Nothing else.

Each command parses its options, calls one library function (a view of
provenance.views, a diagram, an export) and prints the result as JSON or text. The
options commands share are declared once, in provenance.cli_common: `case_options`
(`--case`, `--json`) and `output_options` (`--no-color`, `--no-pager`). Text goes out
through the terminal layer (provenance.views.text.terminal).

Every error a user can cause is a `ProvenanceError` (or a usage error) and is printed as
one line per problem on stderr with exit code 2; never a traceback. The exit codes are
in cli_common.EXIT_CODES.
"""

import os
from pathlib import Path
from typing import Annotated

import typer

from provenance import __version__
from provenance.cli_common import (
    EXIT_USER_ERROR,
    CaseArgs,
    OneLineErrors,
    Output,
    case_options,
    choose,
    complete_claims,
    complete_terms,
    output_options,
    pick_record,
    print_json,
    user_errors,
)
from provenance.cli_output import write_files, write_output, write_text
from provenance.errors import ProvenanceError
from provenance.export import registry as export_formats
from provenance.imports import registry as import_formats

app = typer.Typer(
    cls=OneLineErrors,
    name="prov",
    help="Trace who said what, from where, and whether anyone confirmed it.",
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@app.callback(epilog="Run 'prov COMMAND -h' for a command's options and an example.")
def _prov(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", is_eager=True, help="Show the versions of prov, its rules and Graphviz."
        ),
    ] = False,
) -> None:
    """Trace who said what, from where, and whether anyone confirmed it."""
    if version:
        from provenance.cli_common import engine_version, graphviz_in_use

        typer.echo(f"prov {__version__}")
        typer.echo(f"engine rules {engine_version()}")
        typer.echo(f"Graphviz: {graphviz_in_use()}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


# --- the views ---------------------------------------------------------------------------


@app.command()
@case_options()
@output_options()
def trace(
    term: Annotated[
        str,
        typer.Argument(
            metavar="TERM",
            help="A claim, actor or source: id, name, alias, "
            "tag or words of a claim; KIND:ID picks one.",
            autocompletion=complete_terms,
        ),
    ],
    *,
    opts: CaseArgs,
    out: Output,
) -> None:
    """Show the provenance of a claim, actor or source.

    Example: prov trace norinchukin
    """
    with user_errors():
        from provenance.views.trace import trace as run_trace

        doc = opts.document()
        result = run_trace(doc, term)
        if result["pick"] and opts.as_json:
            print_json(result)
            raise typer.Exit(EXIT_USER_ERROR)
        if result["pick"]:
            result = run_trace(doc, pick_record(doc, term))
    if opts.as_json:
        print_json(result)
        return
    from provenance.views.text.trace_text import format_trace

    shown = out.screen()
    out.show(format_trace(result, shown.width), shown)


@app.command()
@case_options()
@output_options()
def status(
    wide: Annotated[
        bool,
        typer.Option(
            "--wide", "-w", help="Every column and the whole reason, however long the line."
        ),
    ] = False,
    *,
    opts: CaseArgs,
    out: Output,
) -> None:
    """List every claim with its status, credibility grade and deciding reason.

    Example: prov status --wide
    """
    with user_errors():
        doc = opts.document()
    if opts.as_json:
        from provenance.views.status import status_report

        print_json(status_report(doc))
        return
    from provenance.views.text.status_text import status_text

    shown = out.screen()
    out.show(status_text(doc, shown.width, wide), shown)


@app.command()
@case_options()
@output_options()
def explain(
    claim: Annotated[
        str,
        typer.Argument(
            metavar="CLAIM",
            help="A claim: its id, or a tag, name or words of it (as for 'prov trace').",
            autocompletion=complete_claims,
        ),
    ],
    *,
    opts: CaseArgs,
    out: Output,
) -> None:
    """Print the whole rule trace for one claim: which rule fired on which assertions.

    Example: prov explain norinchukin
    """
    with user_errors():
        from provenance.views.explain import explain as run_explain
        from provenance.views.find import Ambiguous, resolve

        doc = opts.document()
        try:
            match = resolve(doc, claim, "claim", "explain")
        except Ambiguous as error:
            match = choose(claim, error.candidates, error)
        result = run_explain(doc, match.id)
    if opts.as_json:
        print_json(result)
        return
    from provenance.views.text.explain_text import format_explain

    shown = out.screen()
    out.show(format_explain(result, shown.width), shown)


@app.command()
@case_options()
@output_options()
def check(
    case_path: Annotated[
        Path | None, typer.Argument(metavar="[CASE]", help="Case file or folder (like --case).")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list where every quote was found.")
    ] = False,
    *,
    opts: CaseArgs,
    out: Output,
) -> None:
    """Check the evidence: quotes in their archived sources, quote drift, figure conflicts,
    wrong names, chronology and structure. Exit code 1 when there are errors.

    Example: prov check seeds/treasuries-2025
    """
    with user_errors():
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

        shown = out.screen()
        out.show(format_check(report["findings"], report["summary"], shown.width, verbose), shown)
    if report["summary"]["error"]:
        raise typer.Exit(1)


# --- diagrams, exports and imports -------------------------------------------------------

DrawTerm = Annotated[
    str | None,
    typer.Argument(
        metavar="[TERM]",
        help="What to draw (as for 'prov trace'); omit with --all.",
        autocompletion=complete_terms,
    ),
]


@app.command()
@case_options(json=False)
def render(
    term: DrawTerm = None,
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
    with user_errors():
        if (term is None) == (not draw_all):
            raise ProvenanceError("name what to draw (a TERM) or give --all, not both")
        import datetime as dt

        from provenance.render import RenderOptions, default_output, draw, generation_date
        from provenance.render.layout import choose_engine, describe_engine

        chosen = choose_engine(engine, fmt)  # before reading the case: options first
        doc = opts.document()
        generated = generation_date(doc, os.environ.get("SOURCE_DATE_EPOCH"), dt.date.today())
        options = RenderOptions(depth=depth, direction=direction)
        data = draw(doc, term, options, fmt, chosen, generated)
        target = output or default_output(term, fmt)
        if verbose and chosen != "none":
            typer.echo(f"prov: laid out by {describe_engine(chosen)}", err=True)
        _said(write_output(data, target))


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


@app.command("import")
def import_(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help=", ".join(import_formats.FORMATS))],
    path: Annotated[Path, typer.Argument(metavar="FILE", help="The document to read.")],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Case file to write; '-' (default) for stdout.")
    ] = "-",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Read a W3C PROV document (PROV-JSON, PROV-XML, PROV-N, PROV-O) into a case file;
    report what cannot be mapped.

    Example: prov import prov-xml case.provx -o imported/case.yaml
    """
    with user_errors():
        from provenance.imports import import_file

        imported = import_file(fmt, path)
        for line in imported.unmapped:
            typer.echo(f"prov: {line}", err=True)
        _said(write_text(imported.case_yaml, output, force=force))


@app.command()
def schema() -> None:
    """Print the JSON Schema of case files, for editors to autocomplete them.

    Example: prov schema > case.schema.json
    """
    from provenance.model import case_json_schema

    print_json(case_json_schema())


def _said(line: str | None) -> None:
    """Print where the output went, on stderr (nothing when it went to stdout)."""
    if line:
        typer.echo(f"prov: {line}", err=True)


def main() -> None:
    """Run the `prov` command line."""
    app(prog_name="prov")


if __name__ == "__main__":  # python -m provenance.cli (e.g. with -X importtime)
    main()
