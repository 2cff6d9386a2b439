"""The SQLite store (provenance.store): the analysed document read back from it is the
document the analysis built, a view reading only its sections (`READS`) shows what it
shows from the whole document, and its FTS5 term index finds what a scan of the whole
case finds, on the seed and on generated cases, hostile ones among them."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance import document, store
from provenance.document import build_document, open_document
from provenance.errors import ProvenanceError
from provenance.folding import normalize, term_keys
from provenance.records import Document
from provenance.views import check, explain, status
from provenance.views.find import TermIndex, find, resolve
from provenance.views.trace import trace
from tests.conftest import SEED
from tests.fuzz_cases import TEXT, case_folders, write_folder
from tests.test_analysis_properties import cases

EXAMPLES = int(os.environ.get("PROV_HYPOTHESIS_EXAMPLES", "150")) // 5
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def outcome(call: Any, *args: Any) -> object:
    """Return what a view gives, or the error it raises, as comparable data."""
    try:
        return json.loads(json.dumps(call(*args)))
    except ProvenanceError as exc:
        return ("error", type(exc).__name__, str(exc))


def explained(doc: Document, term: str, index: TermIndex | None = None) -> object:
    """Return what `prov explain TERM` shows: the claim the term names, explained."""
    return explain.explain(doc, resolve(doc, term, "claim", "explain", index).id)


def terms_of(doc: Document, extra: list[str]) -> list[str]:
    """Return terms to look up in `doc`: every id and name, slices of them, and `extra`."""
    found = [value for _, _, _, value in term_keys(doc)]
    slices = [v[len(v) // 3 : len(v) // 3 + n] for v in found for n in (1, 2, 3, 5)]
    return sorted({*found[:40], *slices[:80], *extra})


def same_answers(path: Path, extra_terms: list[str]) -> None:
    """Assert the store and the in-memory analysis agree on `path`: the document, the
    status, check and trace views, and what each term names."""
    try:
        built = build_document(path)
    except ProvenanceError:
        with pytest.raises(ProvenanceError):
            open_document(path)
        return
    open_document(path)  # analysed and stored
    whole = open_document(path)
    assert whole.terms is not None, "the second open reads the store"
    assert json.dumps(whole.doc) == json.dumps(built)  # the same, key order too
    for view, reads in ((status.status_report, status.READS), (check.check_report, check.READS)):
        partial = open_document(path, sections=reads).doc
        assert outcome(view, partial) == outcome(view, built)
    for_explain = open_document(path, sections=explain.READS)
    for term in terms_of(built, extra_terms):
        assert outcome(trace, whole.doc, term, whole.terms) == outcome(trace, built, term)
        assert outcome(explained, for_explain.doc, term, for_explain.terms) == outcome(
            explained, built, term
        )
        assert outcome(find, whole.doc, term, whole.terms) == outcome(find, built, term)
        folded = normalize(term)
        held = whole.terms.containing(folded) if folded else None
        if held is not None:
            wanted = {k for k in term_keys(built) if folded in normalize(k[3])}
            assert wanted <= set(held), term  # the index never hides a key
    whole.terms.close()
    if for_explain.terms is not None:
        for_explain.terms.close()


def test_the_seed_from_the_store_is_the_seed_analysed() -> None:
    same_answers(SEED, ["norinchukin", "農林中金", "Gaspardino", "claim:japan-sold", "x", "zz"])


@SETTINGS
@given(data=cases(), extra=st.lists(TEXT, max_size=3))
def test_generated_cases_from_the_store_are_the_cases_analysed(
    data: dict[str, Any], extra: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        case = Path(folder, "case.json")
        case.write_text(json.dumps({"title": "Generated", **data}))
        same_answers(case, extra)


@SETTINGS
@given(files=case_folders(), extra=st.lists(TEXT, max_size=3))
def test_hostile_cases_from_the_store_are_the_cases_analysed(
    files: dict[str, str | bytes], extra: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        case = write_folder(Path(folder, "case"), files)
        same_answers(case.parent if case.name == "case.json" else case, extra)


def test_status_reads_only_its_sections(tmp_path: Path) -> None:
    open_document(SEED)
    partial = open_document(SEED, sections=status.READS).doc
    assert partial["case"]["claims"] and partial["analysis"]["claims"]
    assert partial["case"]["assertions"] == [] and partial["analysis"]["assertions"] == {}
    assert partial["checks"] == []


def test_a_store_replaced_meanwhile_keeps_answering_for_its_own_document() -> None:
    open_document(SEED)
    first = open_document(SEED)
    assert first.terms is not None
    before = first.terms.containing("norinchukin")
    file = document._cache_file(SEED)
    assert file is not None
    # Another run replaces the store, here with one holding no terms at all.
    replacement = file.with_suffix(".new")
    replacement.write_bytes(file.read_bytes())
    with contextlib.closing(sqlite3.connect(replacement)) as db:
        db.execute("DELETE FROM terms")
        db.commit()
    os.replace(replacement, file)
    assert first.terms.containing("norinchukin") == before != []
    second = open_document(SEED)
    assert second.terms is not None and second.terms.containing("norinchukin") == []
    first.terms.close()
    second.terms.close()


def test_short_and_quoted_terms_are_looked_up(tmp_path: Path) -> None:
    open_document(SEED)
    opened = open_document(SEED)
    assert opened.terms is not None
    for term in ['"', "'", "a", "no", '"norin', "*", "NEAR(", "-x", "a OR b"]:
        folded = normalize(term)
        held = opened.terms.containing(folded) if folded else []
        assert held is not None, term
        wanted = [k for k in term_keys(opened.doc) if folded and folded in normalize(k[3])]
        assert [k for k in held if k in wanted] == wanted
    opened.terms.close()


def test_a_store_that_cannot_be_written_costs_only_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setenv("PROV_CACHE_DIR", str(folder))
    try:
        opened = open_document(SEED)
    finally:
        folder.chmod(0o700)
    assert opened.terms is None or os.geteuid() == 0
    assert opened.doc == build_document(SEED)
    assert store.open_store(folder / "missing.sqlite") is None


def test_temporary_stores_of_killed_writes_are_removed_by_the_next_write(
    tmp_path: Path,
) -> None:
    """A write killed midway (SIGTERM, SIGKILL, the machine stopping) leaves its hidden
    temporary file, as large as the store; the next write to the folder removes those an
    hour old, and leaves a younger one (another run may be writing it) and other files."""
    from tests.conftest import CASES

    doc = build_document(CASES / "minimal.yaml")
    folder = tmp_path / "cache"
    folder.mkdir()
    killed = folder / ".case-0123456789ab.v2.sqlite.k1ll_d0n.tmp"
    writing = folder / ".case-0123456789ab@2025.v2.sqlite.wr1t1ng_.tmp"
    others = [folder / ".notes.tmp", folder / "mine.sqlite.tmp", folder / "engine-hash.json"]
    for file in [killed, writing, *others]:
        file.write_bytes(b"partial")
    hours_ago = os.stat(killed).st_mtime - 7200
    for file in [killed, *others]:
        os.utime(file, (hours_ago, hours_ago))
    store.write_store(folder / "case-0123456789ab.v2.sqlite", store.Stored("k", []), doc)
    assert not killed.exists()
    assert writing.exists() and all(file.exists() for file in others)
    assert (folder / "case-0123456789ab.v2.sqlite").is_file()


def test_a_term_index_this_sqlite_cannot_search_is_not_trusted() -> None:
    """A store whose term index this SQLite cannot search (written by one with FTS5's
    trigram tokenizer, read by an older one sharing the cache folder; simulated by
    renaming the tokenizer) is rebuilt: `prov explain` reads only some sections, so
    looking terms up in those alone would answer "nothing matches" for an actor."""
    built = build_document(SEED)
    open_document(SEED)
    file = document._cache_file(SEED)
    assert file is not None
    with contextlib.closing(sqlite3.connect(file)) as db:
        db.execute("PRAGMA writable_schema = ON")
        db.execute("UPDATE sqlite_master SET sql = replace(sql, 'trigram', 'trigrax')")
        db.commit()
    opened = open_document(SEED, sections=explain.READS)
    for term in ["gasparino", "Gaspardino", "fox", "norinchukin"]:
        assert outcome(explained, opened.doc, term, opened.terms) == outcome(explained, built, term)
    if opened.terms is not None:
        opened.terms.close()


def test_a_sqlite_without_the_trigram_tokenizer_still_keeps_stores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SQLite before 3.34 (Ubuntu 20.04, RHEL 8) has no trigram tokenizer, and some
    builds no FTS5: the store then keeps its terms in a plain table, scanned, and gives
    the same answers, rather than never being written (every command analysing anew)."""
    monkeypatch.setattr(store, "_FTS_TERMS", store._FTS_TERMS.replace("trigram", "nosuch"))
    same_answers(SEED, ["norinchukin", "農林中金", "Gaspardino", "fox", "x", "zz"])


EVERGRANDE = {
    "title": "Evergrande's chairman detained (a rumor of another desk)",
    "actors": [
        {"id": "blogger", "name": "财经博主 Lin", "kind": "person"},
        {"id": "hui", "name": "許家印", "kind": "person", "aliases": ["Hui Ka Yan"]},
        {"id": "evergrande", "name": "恒大集团 Evergrande", "kind": "organization"},
    ],
    "sources": [
        {"id": "weibo", "title": "微博帖子", "kind": "social_post", "date": "2023-09-27"},
        {"id": "filing", "title": "HKEX filing", "kind": "data_release", "date": "2023-09-28"},
    ],
    "claims": [{"id": "detained", "text": "许家印 was placed under police control"}],
    "assertions": [
        {
            "id": "rumor",
            "actor": "blogger",
            "claim": "detained",
            "source": "weibo",
            "stance": "states",
            "basis": "hearsay",
        },
        {
            "id": "filing-says",
            "actor": "evergrande",
            "claim": "detained",
            "source": "filing",
            "stance": "states",
            "basis": "official",
        },
    ],
}


@pytest.mark.parametrize(
    "term", ["许家印", "許家", "家印", "Hui Ka Yan", "恒大", "微博", "police", "ka", "xx"]
)
def test_a_case_of_another_rumor_is_looked_up_alike_from_the_store(
    tmp_path: Path, term: str
) -> None:
    """A case the seed does not hold (Chinese names in traditional and simplified
    characters, an alias, terms shorter than a trigram): `prov trace` from the store
    says what it says with no store at all."""
    case = tmp_path / "case.yaml"
    case.write_text(json.dumps(EVERGRANDE, ensure_ascii=False), encoding="utf-8")
    fresh = outcome(trace, build_document(case), term)
    open_document(case)
    stored = open_document(case)
    assert stored.terms is not None
    assert outcome(trace, stored.doc, term, stored.terms) == fresh
    found = [v["id"] for v in fresh["views"]] if isinstance(fresh, dict) else fresh
    if term == "许家印":  # simplified, the exact name written in traditional characters
        assert found == ["hui"]
    if term == "許家":  # traditional, inside the name and the claim written in simplified
        assert found == ["detained", "hui"]
    if term == "xx":
        message = "nothing matches 'xx'; 'prov status' lists every claim"
        assert found == ("error", "LookupFailed", message)
    stored.terms.close()
