"""What an export writer may be asked besides the document: which claims (ClaimReview
reviews the claims a TERM or `--claim` names), the page the reviews are published on,
and the date the case was analysed as of (recorded in PROV's analysis activity)."""

from __future__ import annotations

from typing import NamedTuple


class ExportOptions(NamedTuple):
    """`claims`: the claims to write (None: all; only writers that select claims use
    it); `base_url`: the page publishing ClaimReviews (None: the case's review.url; a
    `{claim}` in it is replaced by the claim's id); `as_of`: the date the analysis took
    the case as known by (None: everything in the case)."""

    claims: tuple[str, ...] | None = None
    base_url: str | None = None
    as_of: str | None = None
