"""The one exception family of `prov`: library code raises, only the CLI prints."""

from __future__ import annotations

from typing import NamedTuple

from provenance.escape import terminal


class Problem(NamedTuple):
    """One thing wrong with the user's input, located in a file when we know where.
    (Immutable and ordered by file, line and message. A NamedTuple rather than a
    dataclass: every command imports this, and a dataclass costs start-up time.)"""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        # Messages quote case text (ids, values, paths): control and bidi characters in
        # it are shown escaped, so a case cannot drive the terminal or break the line.
        message, file = terminal(self.message), terminal(self.file)
        if not file:
            return message
        if self.line <= 0:
            return f"{file}: {message}"
        return f"{file}:{self.line}: {message}"


class ProvenanceError(Exception):
    """Base of every error `prov` raises for a user's mistake; `problems` has one line each."""

    def __init__(self, problems: list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("", 0, problems)]
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class CaseError(ProvenanceError):
    """A case file cannot be read or is not valid."""


class LookupFailed(ProvenanceError):
    """A term, id or option names nothing that exists."""
