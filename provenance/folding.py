"""How text is folded for matching a user's term, and what in a case a term may match.

`normalize` folds case, accents, full-width forms, kana and traditional/simplified
Chinese; `term_keys` lists the (kind, id, field, text) a term is matched against. Term
resolution (provenance.views.find) and the stored term index (provenance.store, an
FTS5 table of the folded texts) both use these, so the two cannot disagree; this module
is part of the engine hash, so a stored index never outlives the folding that built it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from provenance.records import Document

__all__ = ["HAN", "UNSPACED", "Key", "normalize", "pattern", "term_keys"]

#: One thing a term may match: (kind, id, field, text).
Key = tuple[str, str, str, str]


# Combining accents (not the kana voicing marks, which change the word).
@functools.cache
def _accents() -> re.Pattern[str]:
    """Return the pattern, compiled on first use (compiling costs start-up)."""
    return re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Scripts written without spaces between words: a term matches anywhere inside a name.
UNSPACED = f"\u3040-\u30ff\uac00-\ud7a3{HAN}"


@functools.cache
def pattern(chars: str) -> re.Pattern[str]:
    # Compiled on first use: classes reaching past the BMP take milliseconds to compile,
    # and an ASCII term never needs them.
    return re.compile(f"[{chars}]")


_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


@functools.lru_cache(maxsize=1)
def _simplified() -> dict[int, str]:
    """Return the traditional -> simplified Chinese table, one character to one, from
    zhconv's MediaWiki conversion data (read as data: importing zhconv costs ~90 ms).
    Empty when zhconv is not installed: matching then only loses this folding."""
    import importlib.util
    import json
    from pathlib import Path

    spec = importlib.util.find_spec("zhconv")
    if spec is None or not spec.submodule_search_locations:
        return {}
    data = Path(spec.submodule_search_locations[0], "zhcdict.json").read_bytes()
    table: dict[str, str] = json.loads(data)["zh2Hans"]
    return {ord(k): v for k, v in table.items() if len(k) == 1 and len(v) == 1}


def normalize(text: str, han: bool = True) -> str:
    """Return `text` folded for matching: NFKC (full-width forms), case folded, accents
    removed, katakana as hiragana, traditional Chinese characters as simplified (unless
    `han` is false), and runs of punctuation or spaces turned into single spaces.

    >>> normalize("  Nórinchukin  BANK ")
    'norinchukin bank'
    >>> normalize("農林中金"), normalize("ＮＯＲＩＮ"), normalize("ノリン")
    ('农林中金', 'norin', 'のりん')
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():
        text = _accents().sub("", unicodedata.normalize("NFD", text))
        text = unicodedata.normalize("NFC", text).translate(_KATAKANA_TO_HIRAGANA)
        if han and pattern(HAN).search(text):
            text = text.translate(_simplified())
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def term_keys(doc: Document) -> Iterator[Key]:
    """Yield (kind, id, field, text) for everything a term may match: every actor's id,
    name and aliases (field "wrong name" for an alias marked an error), every source's
    id and title, every claim's id, wording (field "text") and tags, and every
    assertion's id."""
    case = doc["case"]
    for actor in case.get("actors", []):
        yield "actor", actor["id"], "id", actor["id"]
        yield "actor", actor["id"], "name", actor["name"]
        for alias in actor.get("aliases", []):
            # A wrong name still finds its actor, but is never suggested as a spelling.
            field = "wrong name" if alias.get("error") else "alias"
            yield "actor", actor["id"], field, alias["name"]
    for source in case.get("sources", []):
        yield "source", source["id"], "id", source["id"]
        yield "source", source["id"], "title", source["title"]
    for claim in case.get("claims", []):
        yield "claim", claim["id"], "id", claim["id"]
        yield "claim", claim["id"], "text", claim["text"]
        for tag in claim.get("tags", []):
            yield "claim", claim["id"], "tag", tag
    for assertion in case.get("assertions", []):
        yield "assertion", assertion["id"], "id", assertion["id"]
