"""What an export writer may be asked besides the document: which claims (ClaimReview
reviews the claims a TERM names) and the page the reviews are published on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportOptions:
    """`claims`: the claims to write (None: all; only writers that select claims use
    it); `base_url`: the page publishing ClaimReviews (None: the case's review.url)."""

    claims: tuple[str, ...] | None = None
    base_url: str | None = None
