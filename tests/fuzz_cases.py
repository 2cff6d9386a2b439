"""Hypothesis strategies of hostile case folders, for tests/test_fuzz.py and
benchmarks/fuzz.py.

A case folder is a YAML or JSON case file plus archived texts, built from a valid
skeleton with hostile values everywhere: injection strings in every text field, control
and bidi characters, wrong types, missing and unknown keys, dangling and duplicate ids,
bad dates, long and deep values, alias bombs, path escapes, symlink loops and archived
texts that are not UTF-8.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from hypothesis import strategies as st

INJECTIONS = [
    '<x> ; evil [URL="javascript:alert(1)" label=EVIL]; z=<y>',
    "</script><script>alert(1)</script>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "&#x1b;[31m&#0;&#xfffe;&amp;&lt;",
    "\x1b[2J\x1b]0;owned\x07",
    "\x00\x01\x08\x0b\x0c\x7f\x85\x9b",
    "\u202eevil\u2066x\u2069",
    "\ufffe\uffff",
    "\u2028\u2029",
    '"; DROP TABLE; --',
    "]]><!--",
    "\\N \\G \\L \\",
    "{x|y}<z>",
    "${jndi:ldap://x}",
    "%s%n%x",
    "../../../../etc/passwd",
    "a" * 5000,
    "\U0001f600 \U0001d400",
]
TEXT = st.one_of(
    st.sampled_from(INJECTIONS),
    st.text(
        alphabet=st.characters(max_codepoint=0xFFFF, exclude_categories=["Cs"]),
        min_size=1,
        max_size=40,
    ),
    st.text(
        alphabet=st.characters(max_codepoint=0x3000, exclude_categories=["Cs"]),
        min_size=1,
        max_size=80,
    ),
    st.builds(
        "".join, st.lists(st.sampled_from([*INJECTIONS, "ok ", "x"]), min_size=1, max_size=4)
    ),
)
URLS = st.one_of(
    TEXT,
    st.sampled_from(
        [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>x</script>",
            "https://example.org/\x1b",
            "https://user:pw@example.org/",
            'https://example.org/"><script>',
            "https://example.org/ok",
        ]
    ),
)
IDS = st.sampled_from(["a", "b", "c", "x-1", "missing", "A B", "", "\x1b", "a" * 300])
DATES = st.sampled_from(
    ["2025-04-09", "2025-13-40", "2025", "0000-00-00", "yesterday", "", 20250409]
)
ARCHIVES = st.sampled_from(
    ["t0.txt", "t1.txt"] * 6
    + [
        "t0.txt",
        "t1.txt",
        "../outside.txt",
        "/etc/passwd",
        "loop.txt",
        "nope.txt",
        "a" * 300,
        "\x00",
    ]
)
JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), TEXT, st.lists(TEXT, max_size=3)
)


def _deep(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = [value]
    return value


class _Drawer(NamedTuple):
    """Draws values for one case: hostile text anywhere; in an untidy case (one in four),
    hostile values where ids, kinds, dates and references should be."""

    draw: st.DrawFn
    tidy: bool

    def text(self) -> str:
        return self.draw(TEXT)

    def pick(self, valid: list[Any], hostile: st.SearchStrategy[Any]) -> Any:
        choice = st.sampled_from(valid)
        return self.draw(choice if self.tidy else choice | hostile)


def _actors(d: _Drawer) -> list[dict[str, Any]]:
    kinds = ["person", "outlet", "crowd"]
    actors = [{"id": i, "name": d.text(), "kind": d.pick(kinds, TEXT)} for i in ("a", "b")]
    actors[0]["aliases"] = [d.text()]
    grade = d.pick(["A", "F"], st.just("Z"))
    actors[1]["reliability"] = {"grade": grade, "by": d.text(), "reason": d.text()}
    return actors


def _sources(d: _Drawer) -> list[dict[str, Any]]:
    sources = [
        {
            "id": s,
            "title": d.text(),
            "kind": d.pick(["article", "broadcast"], TEXT),
            "publisher": "b",
            "url": d.draw(URLS),
            "date": d.pick(["2025-04-09", "2025-05"], DATES),
            "archive": d.pick(["t0.txt", "t1.txt"], ARCHIVES),
        }
        for s in ("s0", "s1")
    ]
    sources[1]["cites"] = ["s0"]
    return sources


def _claims(d: _Drawer) -> list[dict[str, Any]]:
    claims = [
        {"id": "c", "text": d.text(), "tags": [d.text()]},
        {"id": "e", "text": d.text()},
        {"id": "d", "text": d.text(), "more_specific_than": ["c"]},
    ]
    claims[2]["contradicts"] = [d.pick(["e"], IDS)]
    if d.draw(st.booleans()):
        value = d.draw(st.sampled_from([0, -1, 1e308, "nan", "inf", 5, "x"]))
        subject = d.text()
        claims[0]["quantity"] = {"subject": subject, "value": value, "unit": d.text()}
        claims[1]["quantity"] = {"subject": subject, "value": 5, "unit": d.text()}
    return claims


def _assertions(d: _Drawer) -> list[dict[str, Any]]:
    stances = ["states", "confirms", "denies", "reports", "hedges"]
    assertions = [
        {
            "id": f"a{i}",
            "actor": d.pick(["a", "b"], st.just("nobody")),
            "claim": d.pick(["c", "d"], st.just("nothing")),
            "source": d.draw(st.sampled_from(["s0", "s1"])),
            "stance": d.pick(stances, TEXT),
            "date": d.pick(["2025-04-09", "2025-05-02"], DATES),
            "quote": d.text(),
        }
        for i in range(d.draw(st.integers(1, 4)))
    ]
    if len(assertions) > 1 and d.draw(st.booleans()):
        assertions[1]["via"] = d.draw(st.sampled_from(["a0", "a1", "zz"]))
    return assertions


@st.composite
def case_data(draw: st.DrawFn) -> dict[str, Any]:
    """Return case data: a valid skeleton, hostile values in it, and random damage."""
    # Three cases in four keep ids, kinds, dates and references valid, so that hostile
    # text reaches the writers; the fourth damages the structure too.
    d = _Drawer(draw, tidy=draw(st.integers(0, 3)) > 0)
    data: dict[str, Any] = {
        "title": d.text(),
        "description": d.text(),
        "review": {"url": draw(URLS), "author": d.text()},
        "actors": _actors(d),
        "sources": _sources(d),
        "claims": _claims(d),
        "assertions": _assertions(d),
    }
    for _ in range(0 if d.tidy else draw(st.integers(0, 3))):
        _damage(draw, data)
    return data


def _damage(draw: st.DrawFn, data: dict[str, Any]) -> None:
    section = draw(st.sampled_from(["actors", "sources", "claims", "assertions"]))
    records = data[section]
    if not isinstance(records, list) or not records:
        return
    how = draw(st.sampled_from(["junk", "drop", "unknown", "duplicate", "deep", "type"]))
    record = draw(st.sampled_from(records))
    if not isinstance(record, dict) or not record:
        return
    key = draw(st.sampled_from(sorted(record)))
    if how == "junk":
        record[key] = draw(JUNK)
    elif how == "drop":
        del record[key]
    elif how == "unknown":
        record[draw(TEXT)] = draw(JUNK)
    elif how == "duplicate":
        records.append(dict(record))
    elif how == "deep":
        record[key] = _deep(draw(st.sampled_from([5, 90, 150, 400])))
    else:
        data[section] = draw(JUNK)


RAW_FILES = [
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "actors: *i\n",
    "actors: &a\n  - *a\n",
    "[" * 50_000 + "]" * 50_000,
    "{a: " * 5_000 + "1" + "}" * 5_000,
    "\ufefftitle: bom\n",
    "title: \x1b[31m\n",
    "---\ntitle: one\n---\ntitle: two\n",
    "",
]


INSTANTS = st.sampled_from(
    [
        "2025-04-09T01:00:00Z",
        "2025-04-09",
        "2025-04-09T10:00+09:00",
        "2025-04-09T10:00",
        "9999-12-31T23:59:59-05:00",
        "yesterday",
        "",
        "2025-02-30",
    ]
)


@st.composite
def spread_posts(draw: st.DrawFn) -> str:
    """Return the text of a spread file (JSON Lines): posts relaying the case's
    assertions or each other, with hostile authors, texts and links, circles, repeated
    ids, wrong types and lines that are not JSON."""
    lines = []
    for i in range(draw(st.integers(0, 6))):
        post: dict[str, Any] = {
            "id": draw(st.sampled_from([f"p{i}", f"p{i}", "a0", "p0"]) | TEXT),
            "author": draw(TEXT),
            "time": draw(INSTANTS),
            "relays": draw(st.sampled_from(["a0", "a1", "p0", f"p{i + 1}", "zz"])),
        }
        for field, values in (("url", URLS), ("text", TEXT), ("platform", TEXT)):
            if draw(st.booleans()):
                post[field] = draw(values)
        if draw(st.integers(0, 5)) == 0:
            post[draw(st.sampled_from(["id", "time", "relays", "x"]))] = draw(JUNK)
        lines.append(json.dumps(post, ensure_ascii=draw(st.booleans())))
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["{", "[1]", "\x1b"])))
    return "".join(line + "\n" for line in lines)


@st.composite
def case_folders(draw: st.DrawFn) -> dict[str, str | bytes]:
    """Return the files of a case folder: name -> text (or bytes); the case file's
    spread data (`case.spread/`) and a CSV of posts to import, half of the time each."""
    files: dict[str, str | bytes] = {}
    if draw(st.integers(0, 9)) == 0:
        files["case.yaml"] = draw(st.sampled_from(RAW_FILES))
    else:
        data = draw(case_data())
        if draw(st.booleans()):  # JSON, with raw C1 and other characters half of the time
            files["case.json"] = json.dumps(data, ensure_ascii=draw(st.booleans()))
        else:  # JSON is YAML, with \u escapes: raw C1 characters are not
            files["case.yaml"] = json.dumps(data)
    for name in ("t0.txt", "t1.txt"):
        files[name] = draw(st.sampled_from(["", "\xff\xfe", "x" * 10]) | TEXT) + " ".join(
            draw(st.lists(TEXT, max_size=5))
        )
    if draw(st.booleans()):
        files["t1.txt"] = b"\xff\xfe\x00bad utf-8 \x80"
    if draw(st.booleans()):
        files["case.spread/posts.jsonl"] = draw(spread_posts())
    if draw(st.booleans()):
        rows = draw(st.lists(st.lists(TEXT | INSTANTS, min_size=3, max_size=5), max_size=4))
        files["posts.csv"] = "id,author,time,relays\n" + "".join(
            ",".join(json.dumps(cell) for cell in row) + "\n" for row in rows
        )
    return files


def write_folder(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write a generated case folder; add a symlink loop. Return the case path."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    loop = folder / "loop.txt"
    if not loop.is_symlink():
        loop.symlink_to(loop)
    return next(folder / n for n in files if n.startswith("case."))
