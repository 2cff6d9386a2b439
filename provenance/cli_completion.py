"""Shell completion for `prov`: terms and claim ids from the current case (the case in
--case or PROV_CASE, else the seed case)."""

from __future__ import annotations

from pathlib import Path

import typer

from provenance.cli_common import STDIN


def _completion_words(ctx: typer.Context, kinds: tuple[str, ...]) -> list[str]:
    import os

    from provenance.document import load_document
    from provenance.paths import default_case_path

    given = ctx.params.get("case") or os.environ.get("PROV_CASE")
    if given == STDIN or str(given) == "-":
        return []
    doc = load_document(Path(given) if given else default_case_path())
    words: set[str] = set()
    case = doc["case"]
    for kind, section in (("claim", "claims"), ("actor", "actors"), ("source", "sources")):
        if kind in kinds:
            words.update(r["id"] for r in case.get(section, []))  # type: ignore[attr-defined]
    if "claim" in kinds and len(kinds) > 1:
        words.update(t for c in case.get("claims", []) for t in c.get("tags", []))
    return sorted(words)


def complete_terms(ctx: typer.Context, incomplete: str) -> list[str]:
    """Complete a term (`prov trace`, `render`): ids of claims, actors and sources, and
    claim tags, of the case in --case or PROV_CASE (else the seed case)."""
    return _complete(ctx, incomplete, ("claim", "actor", "source"))


def complete_claims(ctx: typer.Context, incomplete: str) -> list[str]:
    """Complete a claim id (`prov explain`) from the current case."""
    return _complete(ctx, incomplete, ("claim",))


def _complete(ctx: typer.Context, incomplete: str, kinds: tuple[str, ...]) -> list[str]:
    try:
        words = _completion_words(ctx, kinds)
    except Exception:  # completion must never print an error into the user's shell
        return []
    start = incomplete.casefold()
    return [w for w in words if w.casefold().startswith(start)]
