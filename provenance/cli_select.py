"""Which commands of the `prov` app typer builds for a command line: building a command
costs start-up (its options, read from its signature), and one run needs one command.
"""

from __future__ import annotations

import copy

import typer
from typer.models import CommandInfo


def only_the_command(app: typer.Typer, argv: list[str]) -> typer.Typer:
    """Return `app` with only the command `argv` names, when it names one exactly: typer
    builds the options of every registered command on every start (a millisecond or two
    of each run), and one command needs only its own. `prov`, `prov -h`, a misspelled
    command and shell completion (which passes no arguments) get every command.

    >>> app = typer.Typer()
    >>> _ = app.command()(lambda: None), app.command("trace")(lambda: None)
    >>> [c.name for c in only_the_command(app, ["trace", "x"]).registered_commands]
    ['trace']
    >>> len(only_the_command(app, ["trase"]).registered_commands)
    2
    """
    named = named_command(argv)
    wanted = [c for c in app.registered_commands if named and command_name(c) == named]
    if not wanted:
        return app
    lean = copy.copy(app)
    lean.registered_commands = wanted
    return lean


def named_command(argv: list[str]) -> str | None:
    """Return the command a command line names: its first word that is not an option.

    >>> named_command(["--version"]), named_command(["trace", "x", "--json"])
    (None, 'trace')
    """
    return next((arg for arg in argv if not arg.startswith("-")), None)


def command_name(command: CommandInfo) -> str:
    """Return the name typer gives a registered command (its function's, dashed)."""
    if command.name:
        return command.name
    function = command.callback.__name__ if command.callback else ""
    return function.lower().replace("_", "-")
