"""The one exception family of `prov`: library code raises, only the CLI prints."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with the user's input, located in a file when we know where.
    (Immutable and ordered by file, line and message. A NamedTuple rather than a
    dataclass: every command imports this, and a dataclass costs start-up time.)"""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        if not self.file:
            return self.message
        if self.line <= 0:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


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
