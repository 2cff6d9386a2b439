"""The direct PROV-JSON writer against its reference, the `prov` library (the same bytes,
the same document read back), on the seed case and on generated cases with hostile
text, dates and URLs in every field; and the JSON text orjson writes for the exports
against the `json` module's, NaN and Infinity refused."""

from __future__ import annotations

import copy
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson
import prov.model as pm
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.document import Document, build_document
from provenance.escape import safe_url
from provenance.export import ExportOptions, export, json_text
from provenance.export.prov import prov_json_library
from provenance.export.prov_json import prov_json
from provenance.export.prov_model import prov_document
from tests.test_analysis_properties import cases

EXAMPLES = int(os.environ.get("PROV_HYPOTHESIS_EXAMPLES", "40"))
HOSTILE = [
    'He said "sell" & <b>left</b>',
    "\x00\x01\x08\x0b\x1b[31m\x7f\x85\x9b\ufffe\uffff",
    "\u202eevil\u202c \u2066bidi\u2069 \u200f",
    "😀 𝕏 \U0010fffd non-BMP",
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
    "back\\slash \\u0041 \\N",
    "\u2028line\u2029para\r\n\t",
    "日本 農林中金 Ω",
    "1e-05 NaN Infinity null",
]
TEXT = st.sampled_from(HOSTILE) | st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), max_size=12
)
DATES = st.sampled_from(
    [
        None,
        "2025",
        "2025-04",
        "2025-04-09",
        "2025-04-08T23:30+09:00",
        "2025-04-09T14:30Z",
        "2025-04-09T14:30:15-05:00",
        "2025-04-09T14:30",
    ]
)
URLS = st.sampled_from(
    [
        None,
        "https://example.org/a?x=1&y=2#top",
        "http://example.org/路径?q=日本",
        "javascript:alert(1)",
        "JAVASCRIPT://x.org/%0aalert(1)",
        "data:text/html,<b>x</b>",
        "https://bank.com@evil.org/",
        "https://x.org/\u202eexe.txt",
    ]
)
FIGURES = st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from(
    [1e-7, 1.5e12, 1e300, -0.0, 2.0**70]
)


def text(draw: st.DrawFn) -> str:
    """Hostile text that is not empty once stripped (the case reader requires that)."""
    return "x" + draw(TEXT)


def _dress_actors(draw: st.DrawFn, data: dict[str, Any]) -> None:
    for actor in data["actors"]:
        actor.update(name=text(draw), role=text(draw), note=text(draw))
        aliases: list[Any] = [text(draw), {"name": text(draw), "error": True, "note": text(draw)}]
        actor["aliases"] = aliases + aliases[:1]  # a repeated alias is one value
        if draw(st.booleans()):
            actor["reliability"] = {"grade": "B", "by": text(draw), "reason": text(draw)}


def _dress_sources(draw: st.DrawFn, data: dict[str, Any]) -> None:
    ids = [a["id"] for a in data["actors"]]
    for i, source in enumerate(data["sources"]):
        source.update(title=text(draw), note=text(draw), date_note=text(draw))
        source.update(url=draw(URLS), date=draw(DATES), publisher=draw(st.sampled_from(ids)))
        source.update(author=draw(st.sampled_from(ids)), recorded=draw(st.booleans()))
        if i and draw(st.booleans()):
            source["revision_of"] = "src0"
        if i and draw(st.booleans()):
            source["rewrites"] = ["src0"]
        if draw(st.booleans()):
            source["capture"] = {"sha256": "ab" * 32, "date": "2025-05", "note": text(draw)}
    for key in ("author", "publisher", "url", "date"):  # absent fields too
        data["sources"][0].pop(key) if draw(st.booleans()) else None


def _dress_claims(draw: st.DrawFn, data: dict[str, Any]) -> None:
    for claim in data["claims"]:
        tags = [text(draw), text(draw)]
        claim.update(text=text(draw), note=text(draw), tags=tags + tags, about=draw(DATES))
        claim["future"] = draw(st.booleans())
        claim["quantity"] = {
            "subject": text(draw),
            "value": draw(FIGURES),
            "unit": text(draw),
            "qualifier": text(draw),
            "as_of": draw(DATES),
        }


def _dress_assertions(draw: st.DrawFn, data: dict[str, Any]) -> None:
    for a in data["assertions"]:
        a.update(quote=text(draw), named_as=text(draw), title=text(draw), note=text(draw))
        a.update(quote_language="ja", about=draw(DATES))
        a["read_in"] = "src0"
        a["speech_act"] = draw(st.sampled_from(["fact", "intent", "prediction"]))
        a["quote_mode"] = draw(st.sampled_from(["verbatim", "paraphrase", "translation"]))
        if draw(st.booleans()):
            a.update(self_interested=True, interest_note=text(draw))
        if draw(st.booleans()):
            a["attribution"] = {"challenge": "disputed", "sources": ["src0"], "note": text(draw)}


@st.composite
def hostile_cases(draw: st.DrawFn) -> dict[str, Any]:
    """A generated case (tests.test_analysis_properties.cases) with hostile text in every
    text field, dates of every precision, unsafe URLs, repeated tags and aliases,
    revisions, rewrites, captures, figures and attribution challenges."""
    data = draw(cases())
    data.update(title=text(draw), description=text(draw))
    data["review"] = {"author": text(draw), "url": draw(URLS), "date": "2025-06-01"}
    _dress_actors(draw, data)
    _dress_sources(draw, data)
    _dress_claims(draw, data)
    _dress_assertions(draw, data)
    return data


def write_json(folder: Path, data: dict[str, Any]) -> Path:
    """Write `data` as a JSON case file (any text survives, control characters too)."""
    path = folder / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def assert_same_as_the_library(doc: Document, options: ExportOptions) -> None:
    """The direct writer's PROV-JSON is the library's: read back by the library as the
    same document (and as the document in memory), byte for byte, strict JSON, and
    every URL in it http(s)."""
    direct = prov_json(doc, options)
    reference = prov_json_library(doc, options)
    read = pm.ProvDocument.deserialize(content=direct, format="json")
    assert read == pm.ProvDocument.deserialize(content=reference, format="json")
    assert read == prov_document(doc, options)
    assert direct == reference
    assert_strict(direct)


def assert_strict(direct: str) -> None:
    """`direct` is strict JSON in ASCII, and every URL in it is http(s)."""
    data = json.loads(direct, parse_constant=_no_constant)
    assert orjson.loads(direct) == data  # RFC 8259 strict: no lone surrogate escape
    assert direct.isascii()
    urls = _typed(data, "xsd:anyURI")
    assert all(safe_url(url) == url for url in urls)


def _typed(value: Any, datatype: str) -> list[str]:
    """Return every "$" of a {"$": ..., "type": datatype} value in PROV-JSON data."""
    if isinstance(value, list):
        return [found for item in value for found in _typed(item, datatype)]
    if not isinstance(value, dict):
        return []
    if value.get("type") == datatype:
        return [value["$"]]
    return [found for item in value.values() for found in _typed(item, datatype)]


def test_the_seed_case_is_written_as_the_library_writes_it(seed_doc: Document) -> None:
    assert_same_as_the_library(seed_doc, ExportOptions())
    assert_same_as_the_library(seed_doc, ExportOptions(as_of="2025-04-10"))
    assert export(seed_doc, "prov-json") == prov_json(seed_doc, ExportOptions())


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_cases())
def test_generated_hostile_cases_are_written_as_the_library_writes_them(
    data: dict[str, Any],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        doc = build_document(write_json(Path(folder), data))
    assert_same_as_the_library(doc, ExportOptions())


def test_relations_times_urls_and_text_the_seed_lacks(tmp_path: Path) -> None:
    """What the seed case has none of: revisions, rewrites, a time of day (prov:time and
    an xsd:dateTime in its parsed form), unsafe URLs, repeated values, text past U+FFFF."""
    data = {
        "title": "x😀",
        "actors": [{"id": "a", "name": "A", "kind": "person", "aliases": ["B", "B"]}],
        "sources": [
            {"id": "s", "title": "S", "kind": "article", "date": "2025-04-09T14:30Z"},
            {"id": "t", "title": "T", "kind": "article", "revision_of": "s", "rewrites": ["s"]},
            {"id": "u", "title": "U", "kind": "article", "url": "javascript:alert(1)"},
        ],
        "claims": [{"id": "c", "text": "C", "tags": ["k", "k", "l"]}],
        "assertions": [{"id": "x", "actor": "a", "claim": "c", "source": "t", "stance": "states"}],
    }
    doc = build_document(write_json(tmp_path, data))
    written = json.loads(prov_json(doc, ExportOptions()))
    generated = written["wasGeneratedBy"]
    assert {
        "prov:entity": "case:source-s",
        "prov:activity": "case:publication-s",
        "prov:time": "2025-04-09T14:30:00",
    } in generated.values()
    assert written["entity"]["case:source-s"]["pt:date"] == {
        "$": "2025-04-09T14:30:00+00:00",
        "type": "xsd:dateTime",
    }
    kinds = [r.get("prov:type", {}).get("$") for r in written["wasDerivedFrom"].values()]
    assert "prov:Revision" in kinds and "pt:Rewrite" in kinds
    assert "pt:url" not in written["entity"]["case:source-u"]
    assert written["entity"]["case:claim-c"]["pt:tag"] == ["k", "l"]
    assert written["agent"]["case:actor-a"]["pt:alias"] == "B"
    assert written["entity"]["case:case"]["pt:title"] == "x😀"
    assert_same_as_the_library(doc, ExportOptions())


# --- JSON text: orjson with the json module's bytes --------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=EXAMPLES * 10)
@given(JSON_VALUES, st.booleans(), st.booleans())
def test_json_text_is_the_json_modules(value: Any, sort_keys: bool, ascii: bool) -> None:
    expected = json.dumps(value, indent=2, sort_keys=sort_keys, ensure_ascii=ascii, allow_nan=False)
    assert json_text.dumps(value, sort_keys=sort_keys, ascii=ascii) == expected


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_every_json_writer_refuses_nan_and_infinity(seed_doc: Document, bad: float) -> None:
    """JSON has neither; orjson would write null. The analysed case refuses them; in
    PROV-JSON a figure is a typed string ("NaN" xsd:double), as the library writes it."""
    with pytest.raises(ValueError, match="not JSON compliant"):
        json_text.dumps({"a": [1, {"b": bad}]})
    doc = copy.deepcopy(seed_doc)
    claim = next(c for c in doc["case"]["claims"] if c.get("quantity"))
    claim["quantity"]["value"] = bad  # type: ignore[index]
    with pytest.raises(ValueError, match="not JSON compliant"):
        export(doc, "json")
    written = prov_json(doc, ExportOptions())
    assert written == prov_json_library(doc, ExportOptions())
    assert_strict(written)
    assert {"$": {math.inf: "INF", -math.inf: "-INF"}.get(bad, "NaN"), "type": "xsd:double"} in (
        json.loads(written)["entity"][f"case:claim-{claim['id']}"].values()
    )


def test_the_seed_analysed_case_takes_the_fast_path(seed_doc: Document) -> None:
    """The analysed seed case is plain JSON data: orjson writes it, not the fallback."""
    out = {"case": seed_doc["case"], "analysis": seed_doc["analysis"], "checks": seed_doc["checks"]}
    assert json_text._plain(out)
    assert not json_text._plain({"x": [1e-05]}) and not json_text._plain({"x": (1,)})
