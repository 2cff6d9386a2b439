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
import sys
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
    output_options,
    pick_record,
    print_json,
    user_errors,
)
from provenance.cli_completion import complete_claims, complete_terms
from provenance.cli_select import named_command, only_the_command
from provenance.errors import ProvenanceError

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

        doc, terms = opts.open()
        result = run_trace(doc, term, terms)
        if result["pick"] and opts.as_json:
            print_json(result)
            raise typer.Exit(EXIT_USER_ERROR)
        if result["pick"]:
            result = run_trace(doc, pick_record(doc, term, terms), terms)
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
        from provenance.views.status import READS

        doc = opts.document(READS)
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
        from provenance.views.explain import READS, not_yet
        from provenance.views.explain import explain as run_explain
        from provenance.views.find import Ambiguous, resolve

        doc, terms = opts.open(READS)
        not_yet(doc, claim)  # a claim an --as-of view left out: say so, suggest nothing
        try:
            match = resolve(doc, claim, "claim", "explain", terms)
        except Ambiguous as error:
            match = choose(doc, claim, error.candidates, error)
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
        from provenance.views.check import READS, check_report

        report = check_report(opts._replace(case=case_path or case).document(READS))
    if opts.as_json:
        print_json(report)
    else:
        from provenance.views.text.check_text import format_check

        shown = out.screen()
        out.show(format_check(report["findings"], report["summary"], shown.width, verbose), shown)
    if report["summary"]["error"]:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of case files, for editors to autocomplete them.

    Example: prov schema > case.schema.json
    """
    from provenance.model import case_json_schema

    print_json(case_json_schema())


#: The commands defined in this module; the publishing ones are added when needed.
VIEW_COMMANDS = ("trace", "status", "explain", "check", "schema")


def with_publishing() -> typer.Typer:
    """Return `app` with the publishing commands too (render, report, export, import,
    from provenance.cli_publish), added on first need: a view does not pay for
    importing them."""
    from provenance.cli_publish import register_publishing

    register_publishing(app)
    return app


def main() -> None:
    """Run the `prov` command line, building only the command it names (every command
    for `prov`, `prov -h`, a misspelled command and shell completion)."""
    argv = sys.argv[1:]
    if named_command(argv) not in VIEW_COMMANDS:
        with_publishing()
    only_the_command(app, argv)(prog_name="prov")


if __name__ == "__main__":  # python -m provenance.cli (e.g. with -X importtime)
    main()
