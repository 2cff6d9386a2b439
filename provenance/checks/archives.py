"""Reading the archived texts of a case's sources: the one step of `prov check` that
touches the disk. Everything else in `provenance.checks` is a pure function of the case
and these texts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.casefile import LoadedCase


def read_archives(loaded: LoadedCase) -> dict[str, str]:
    """Return the archived text of every source that has one, by source id (undecodable
    bytes replaced, so a badly saved page is still checked)."""
    from provenance.casefile import archive_path

    texts = {}
    for source in loaded.case.sources:
        if source.archive:
            texts[source.id] = archive_path(loaded.root, source.archive).read_text(
                encoding="utf-8", errors="replace"
            )
    return texts
