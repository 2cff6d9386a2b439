"""The collector a check writes its findings into, each located in the case files.

A check receives a `Findings` bound to its own kind, so it cannot report a kind the
registry does not declare. `add` finds the file and line of the record (and field) the
finding concerns; `located` records a quote found in its source (severity `ok`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.records import Evidence, Finding
from provenance.vocab import Severity

if TYPE_CHECKING:
    from provenance.casefile import LoadedCase


class Findings:
    """Collects the findings of one check, located in the case files."""

    def __init__(
        self, loaded: LoadedCase, kind: str, authors: frozenset[str] = frozenset()
    ) -> None:
        self.loaded = loaded
        self.kind = kind
        self.authors = authors  # actors the spread data names as authors of posts
        self.findings: list[Finding] = []

    def add(
        self,
        severity: Severity,
        section: str,
        record_id: str,
        message: str,
        evidence: Evidence | None = None,
        field: str | None = None,
        also: list[str] | None = None,
    ) -> None:
        """Record a finding about record `record_id` of `section` ("assertions", ...), at
        the line of `field` when given; `also` lists further records as "kind:id"."""
        fields = (field,) if field else ()
        file, line = self.loaded.locator.where(section, record_id, *fields)
        subject = f"{section[:-1]}:{record_id}"
        self.findings.append(
            Finding(
                kind=self.kind,
                severity=severity.value,
                file=file,
                line=line,
                subject=subject,
                also=[s for s in also or [] if s != subject],
                message=message,
                evidence=evidence or {},
            )
        )

    def located(self, subject: str, message: str, evidence: Evidence) -> None:
        """Record that all is well with `subject` (severity `ok`): no file or line, since
        the evidence says where in the archived text it was found."""
        self.findings.append(
            Finding(
                kind=self.kind,
                severity=Severity.ok.value,
                file="",
                line=0,
                also=[],
                subject=subject,
                message=message,
                evidence=evidence,
            )
        )
