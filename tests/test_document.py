"""The analysed-case cache: used when every input is unchanged, rebuilt when anything the
analysis read changes (even with the same size and modification time), never trusted
when corrupt, and never holding an answer for content other than its key's."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance import checks, document
from provenance.cli import app
from provenance.document import load_document
from tests.conftest import CASES


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    folder.mkdir()
    text = (CASES / "minimal.yaml").read_text()
    assert "    kind: article\n" in text
    # One source with an archived text, so texts are inputs too.
    text = text.replace("    kind: article\n", "    kind: article\n    archive: text.txt\n", 1)
    (folder / "case.yaml").write_text(text)
    (folder / "text.txt").write_text("The archived text of the article, as saved.\n")
    return folder


def count_analyses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = document._analyse

    def counting(*args: Any) -> document.Document:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(document, "_analyse", counting)
    return calls


def cache_files() -> list[Path]:
    folder = document.cache_dir()
    assert folder is not None
    return sorted(folder.glob("*.sqlite"))


def edit_keeping_size_and_mtime(path: Path, old: str, new: str) -> None:
    assert len(old) == len(new)
    before = path.stat()
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_a_second_load_comes_from_the_cache(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_analyses(monkeypatch)
    first = load_document(case)
    second = load_document(case)
    assert first == second
    assert len(calls) == 1


def test_commands_run_from_two_folders_keep_a_store_each(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File names in a document are shown relative to the working folder, so each
    folder has its store: alternating between two analyses the case twice, not each
    time, and every document names the files as seen from where it is read."""
    calls = count_analyses(monkeypatch)
    seen = {}
    for folder in [case, case.parent, case, case.parent]:
        monkeypatch.chdir(folder)
        seen[folder] = sorted(load_document(case)["files"])
    assert len(calls) == 2
    assert seen[case] == ["case.yaml", "text.txt"]
    assert seen[case.parent] == ["case/case.yaml", "case/text.txt"]


def test_editing_the_case_rebuilds(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_analyses(monkeypatch)
    load_document(case)
    path = case / "case.yaml"
    path.write_text(path.read_text().replace("Minimal case", "Edited case"))
    assert load_document(case)["case"]["title"] == "Edited case"
    assert len(calls) == 2


def test_an_edit_keeping_size_and_mtime_is_seen(case: Path) -> None:
    # cp -p, rsync and checkouts restore the modification time; the size may not change.
    load_document(case)
    edit_keeping_size_and_mtime(case / "case.yaml", "Minimal case", "Changed case")
    assert load_document(case)["case"]["title"] == "Changed case"


def test_an_archived_text_edit_keeping_size_and_mtime_is_seen(case: Path) -> None:
    def quote_found(doc: document.Document) -> bool:
        return not any(f["kind"] == "quote" and f["severity"] == "error" for f in doc["checks"])

    quote = document.load_document(case)["case"]["assertions"][0].get("quote", "")
    assert quote, "the minimal case's assertion needs a quote"
    text = case / "text.txt"
    text.write_text(quote + "\n")
    assert quote_found(load_document(case))
    edit_keeping_size_and_mtime(text, quote, "x" * len(quote))
    assert not quote_found(load_document(case))


def test_a_new_case_file_in_the_folder_rebuilds(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_analyses(monkeypatch)
    load_document(case)
    (case / "more.yaml").write_text("claims:\n  - id: extra\n    text: Extra claim\n")
    assert "extra" in load_document(case)["analysis"]["claims"]
    assert len(calls) == 2


def test_an_edit_during_the_analysis_is_never_cached_as_the_new_content(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case is edited after it was read and before the result is written (inside
    the evidence checks): the next run must analyse the edited file."""
    path = case / "case.yaml"
    real = checks.run_checks

    def edit_then_check(*args: Any) -> Any:
        path.write_text(path.read_text().replace("Minimal case", "Edited meanwhile"))
        return real(*args)

    monkeypatch.setattr(checks, "run_checks", edit_then_check)
    assert load_document(case)["case"]["title"] == "Minimal case"  # what it read
    monkeypatch.setattr(checks, "run_checks", real)
    assert load_document(case)["case"]["title"] == "Edited meanwhile"


def test_a_changed_engine_rebuilds(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_analyses(monkeypatch)
    load_document(case)
    from provenance import codehash

    monkeypatch.setattr(codehash, "_engine", ["another engine"])
    load_document(case)
    assert len(calls) == 2


def test_an_upgraded_library_changes_the_engine_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same prov on another rapidfuzz (whose figures a check shows) or pydantic must
    not answer from a store the other wrote."""
    from provenance import codehash

    installed = codehash.libraries()
    assert any(name.startswith("rapidfuzz-") for name in installed)
    assert any(name.startswith("pydantic-") for name in installed)
    monkeypatch.setattr(codehash, "_engine", [])
    before = codehash.engine_hash()
    upgraded = [n.replace("rapidfuzz-", "rapidfuzz-99.") for n in installed]
    monkeypatch.setattr(codehash, "libraries", lambda: upgraded)
    monkeypatch.setattr(codehash, "_engine", [])
    assert codehash.engine_hash() != before


def test_the_engine_hash_is_of_the_code() -> None:
    assert len(document.engine_hash()) == 32
    assert document.engine_hash() == document.engine_hash()


def test_a_remembered_engine_hash_without_its_hash_is_computed_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The memo in the cache folder is only a shortcut: one that has the right stamp
    but no hash (a hand edit, another tool) is computed again, not a traceback."""
    from provenance import codehash

    monkeypatch.setattr(codehash, "_engine", [])
    right = document.engine_hash()  # computed, and remembered in this test's cache folder
    folder = document.cache_dir()
    assert folder is not None
    memo = folder / "engine-hash.json"
    stamp = json.loads(memo.read_text())["stamp"]
    for broken in ({"stamp": stamp}, {"stamp": stamp, "hash": None}):
        memo.write_text(json.dumps(broken))
        monkeypatch.setattr(codehash, "_engine", [])
        assert document.engine_hash() == right


def test_a_remembered_hash_replaced_by_a_fifo_does_not_hang(tmp_path: Path) -> None:
    """Every command reads the engine-hash memo first: a FIFO in its place must be
    skipped (like a store replaced by one), never opened to wait for a writer."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    os.mkfifo(tmp_path / "engine-hash.json")
    env = {**os.environ, "PROV_CACHE_DIR": str(tmp_path)}
    probe = "from provenance.codehash import engine_hash; print(len(engine_hash()))"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=20,
        check=True,
    )
    assert done.stdout.strip() == "32"


def test_the_key_covers_the_options_and_every_input(tmp_path: Path) -> None:
    inputs = document.Inputs(tmp_path, {tmp_path / "case.yaml": b"title: T\n"}, {"t.txt": b"x"}, {})
    key = document.cache_key(inputs)
    assert key != document.cache_key(inputs, as_of="2025-04-10")
    assert key != document.cache_key(inputs._replace(archives={"t.txt": b"y"}))
    assert key != document.cache_key(inputs._replace(archives={"u.txt": b"x"}))
    assert key != document.cache_key(inputs._replace(cases={tmp_path / "case.yaml": b"title: U\n"}))
    assert key != document.cache_key(
        inputs._replace(cases={tmp_path / "other.yaml": b"title: T\n"})
    )


def _sql(statement: str, *args: object) -> Callable[[Path], None]:
    """Return a damage done with one SQL statement on the store."""

    def damage(store: Path) -> None:
        with contextlib.closing(sqlite3.connect(store)) as db:
            db.execute(statement, args)
            db.commit()

    return damage


def _bytes(change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    return lambda store: store.write_bytes(change(store.read_bytes()))


def _foreign_database(store: Path) -> None:
    store.unlink()
    with contextlib.closing(sqlite3.connect(store)) as db:
        db.execute("CREATE TABLE meta(name, value)")
        db.execute("INSERT INTO meta VALUES ('format', 'something else')")
        db.commit()


def _rest(change: Callable[[dict[str, Any]], object]) -> Callable[[Path], None]:
    """Return a damage to the stored document's small parts, made by `change`."""

    def damage(store: Path) -> None:
        with contextlib.closing(sqlite3.connect(store)) as db:
            [(text,)] = db.execute("SELECT json FROM parts WHERE name = 'rest'").fetchall()
            rest = json.loads(text)
            rest = change(rest) or rest
            db.execute("UPDATE parts SET json = ? WHERE name = 'rest'", (json.dumps(rest),))
            db.commit()

    return damage


CORRUPTIONS: dict[str, Callable[[Path], None]] = {
    "not-sqlite": _bytes(lambda data: b"{not json"),
    "empty": _bytes(lambda data: b""),
    "truncated": _bytes(lambda data: data[: len(data) // 2]),
    "scrambled": _bytes(lambda data: data[:100] + bytes(reversed(data[100:]))),
    "foreign-database": _foreign_database,
    "other-format": _sql("UPDATE meta SET value = 'prov-analysis-cache' WHERE name = 'format'"),
    "other-version": _sql("UPDATE meta SET value = '0' WHERE name = 'version'"),
    "no-key": _sql("DELETE FROM meta WHERE name = 'key'"),
    "foreign-archives": _sql(
        "UPDATE meta SET value = ? WHERE name = 'archives'", json.dumps(["/dev/zero", 3])
    ),
    "no-parts": _sql("DELETE FROM parts"),
    "parts-not-json": _sql("UPDATE parts SET json = '{not json'"),
    "parts-a-list": _sql("UPDATE parts SET json = '[]'"),
    "document-without-case": _rest(lambda rest: rest.pop("case")),
    "case-not-a-mapping": _rest(lambda rest: {**rest, "case": "x"}),
    "deep": _sql("UPDATE parts SET json = ?", "[" * 100_000 + "]" * 100_000),
    "record-not-json": _sql("UPDATE records SET json = '{oops' WHERE section = 'claims'"),
    "record-key-not-json": _sql("UPDATE records SET key = 'x' WHERE section = 'verdicts'"),
    "no-records-table": _sql("DROP TABLE records"),
}


@pytest.mark.parametrize("damage", list(CORRUPTIONS), ids=list(CORRUPTIONS))
def test_a_corrupt_store_is_rebuilt_not_trusted(
    case: Path, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = load_document(case)
    [store] = cache_files()
    CORRUPTIONS[damage](store)
    calls = count_analyses(monkeypatch)
    assert load_document(case) == whole
    assert len(calls) == 1  # analysed anew, and stored again:
    assert load_document(case) == whole
    assert len(calls) == 1


def test_a_cache_file_replaced_by_a_folder_or_a_fifo_is_ignored(case: Path) -> None:
    load_document(case)
    [cache] = cache_files()
    cache.unlink()
    os.mkfifo(cache)  # reading it must not hang
    assert load_document(case)["case"]["title"] == "Minimal case"
    cache.unlink(missing_ok=True)
    cache.mkdir()
    assert load_document(case)["case"]["title"] == "Minimal case"


def test_an_archive_now_reached_outside_the_case_folder_is_refused_as_without_a_store(
    case: Path, tmp_path: Path
) -> None:
    """The store's key covers an archived text's name and bytes, not where its path
    leads: once a symlink on the way points outside the case folder, the case must be
    refused as a fresh read refuses it, even though the bytes there are the same."""
    inner = case / "texts"
    inner.mkdir()
    (case / "text.txt").rename(inner / "text.txt")
    (case / "text.txt").symlink_to(inner / "text.txt")
    stored = load_document(case)
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes((inner / "text.txt").read_bytes())
    (case / "text.txt").unlink()
    (case / "text.txt").symlink_to(outside)
    with pytest.raises(document.CaseError) as fresh:
        document.build_document(case)
    with pytest.raises(document.CaseError) as cached:
        load_document(case)
    assert str(cached.value) == str(fresh.value)
    assert "outside the case folder" in str(cached.value)
    assert stored["case"]["title"] == "Minimal case"


def test_caching_can_be_switched_off(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROV_CACHE_DIR", "")
    calls = count_analyses(monkeypatch)
    load_document(case)
    load_document(case)
    assert len(calls) == 2


def test_a_symlink_loop_as_case_is_one_line_with_caching_on(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    result = CliRunner().invoke(app, ["status", "--case", str(loop)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    [line] = result.stderr.splitlines()
    assert "Too many levels of symbolic links" in line


def test_an_unreadable_archive_is_one_problem(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = document.read_archive_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "text.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(document, "read_archive_bytes", refuse)
    with pytest.raises(document.CaseError) as info:
        load_document(case)
    [problem] = info.value.problems
    assert (
        problem.message == "source 'article': archive 'text.txt' cannot be read: Permission denied"
    )


def test_the_engine_hash_covers_every_module_an_analysis_runs(tmp_path: Path) -> None:
    """The cache is keyed by the code that builds a document; the views, renderers,
    writers, importers and command line are left out of that hash. Building documents
    (the seed, cut to a date, a JSON case, a case with spread data, a bad case) must load
    none of them, or an edit to such a module could leave a stale cache."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    spread = tmp_path / "case" / "spread"
    spread.mkdir(parents=True)
    (tmp_path / "case" / "case.json").write_text(
        '{"title": "T", "actors": [{"id": "a", "name": "A", "kind": "person"}],'
        ' "sources": [{"id": "s", "title": "S", "kind": "article", "date": "2025-04-09"}],'
        ' "claims": [{"id": "c", "text": "C"}], "assertions": [{"id": "x", "actor": "a",'
        ' "claim": "c", "source": "s", "stance": "states", "date": "2025-04-09"}]}'
    )
    (spread / "p.jsonl").write_text('{"id":"p","author":"@b","time":"2025-04-09","relays":"x"}\n')
    (tmp_path / "bad.yaml").write_text("claims: [1]\n")
    probe = f"""
import sys
from pathlib import Path
from provenance.codehash import package_files
from provenance.document import build_document
from provenance.errors import ProvenanceError
build_document(Path("seeds/treasuries-2025"))
build_document(Path("seeds/treasuries-2025"), "2025-04-10")
build_document(Path({str(tmp_path / "case")!r}))
try:
    build_document(Path({str(tmp_path / "bad.yaml")!r}))
except ProvenanceError:
    pass
package = Path(sys.modules["provenance"].__file__).parent
hashed = {{name for name, _, _ in package_files(package, "")}}
loaded = {{str(Path(m.__file__).relative_to(package)) for n, m in sys.modules.items()
          if n.startswith("provenance") and getattr(m, "__file__", None)}}
print(sorted(loaded - hashed))
"""
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "[]"
