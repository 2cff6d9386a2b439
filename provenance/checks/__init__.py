"""`prov check`: is the evidence sound? Quotes, quote drift, titles, figures, names,
chronology, structure, duplicate text.

One module per check, each a pure function of the validated case and the archived texts;
`registry` declares them (kind, heading, order) and runs them; `archives.read_archives`
is the one step that touches the disk. Each finding (`provenance.records.Finding`) has a
kind, a severity (`provenance.vocab.Severity`), the case file and line it concerns, a
one-line message and its evidence.

The entry points are re-exported here: `run_checks`, `summary`, `read_archives`.
"""

from __future__ import annotations

from provenance.checks.archives import read_archives
from provenance.checks.registry import run_checks, summary

__all__ = ["read_archives", "run_checks", "summary"]
