"""Hostile case files against every command, in-process.

Hypothesis builds hostile case folders (tests/fuzz_cases.py). Every command, every
export format and every render format runs on each (`check_case` below); a run must exit
0, 1 or 2 without a traceback, write only files that parse, put no `javascript:`/
`data:`/`vbscript:` link, HTML-like DOT label or raw `</script` into published output,
and print no raw control character.

PROV_FUZZ_EXAMPLES sets the number of cases (default 6, about 30 s); benchmarks/fuzz.py
runs thousands with a timeout per case.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from typer.testing import CliRunner

from provenance.cli import app
from provenance.export import registry as export_registry
from provenance.imports import registry as import_registry
from tests.fuzz_cases import INJECTIONS, case_folders, write_folder

EXAMPLES = int(os.environ.get("PROV_FUZZ_EXAMPLES", "6"))


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BAD_LINK = re.compile(r"(?i)(href|src|url)\s*=?\s*[\"']?\s*(javascript|data|vbscript):")
"""A link to a dangerous scheme, as text (tests/test_report.py reads SVG with it)."""
MD_LINK = re.compile(r"(?i)(\]\(\s*<?|<a\s[^>]*href\s*=\s*[\"']?)\s*(javascript|data|vbscript):")
EXPORT_FORMATS = export_registry.names()
IMPORT_FORMATS = list(import_registry.FORMATS)
RENDER_FORMATS = {"svg": "svg", "dot": "dot", "png": "", "pdf": ""}
KINDS = {
    "prov-xml": "xml",
    "graphml": "xml",
    "gexf": "xml",
    "prov-o": "ttl",
    "prov-n": "text",
    "claimreview": "jsonld",
}
Run = tuple[list[str], Path | None, str]  # arguments, file written (or None: stdout), kind


def _commands(case: Path, out: Path) -> list[Run]:
    """Return every command to run on `case`: each command of `prov`, each export and
    render format, text and --json, and `import` of what `export` wrote and of junk."""
    on = ["--case", str(case)]
    runs: list[Run] = [
        (["status", *on], None, ""),
        (["status", "--json", *on], None, "json"),
        (["check", *on], None, ""),
        (["check", "--verbose", "--json", *on], None, "json"),
        (["check", str(case)], None, ""),
        (["trace", "c", *on], None, ""),
        (["trace", "a", "--json", *on], None, "json"),
        (["trace", "source:s0", *on], None, ""),
        (["trace", "\x1b[31m<script>", *on], None, ""),
        (["explain", "c", *on], None, ""),
        (["explain", "d", "--json", *on], None, "json"),
        (["render", "c", "--format", "svg", "-o", str(out / "c.svg"), *on], out / "c.svg", "svg"),
        (
            ["export", "-f", "claimreview", "c", "-o", str(out / "c.jsonld"), *on],
            out / "c.jsonld",
            "jsonld",
        ),
        (["schema"], None, "json"),
    ]
    for fmt, kind in RENDER_FORMATS.items():
        path = out / f"all.{fmt}"
        runs.append((["render", "--all", "--format", fmt, "-o", str(path), *on], path, kind))
    for fmt in EXPORT_FORMATS:
        path = out / f"export.{fmt}"
        runs.append((["export", "-f", fmt, "-o", str(path), *on], path, KINDS.get(fmt, "json")))
    for fmt in ("html", "md"):
        path = out / f"report.{fmt}"
        runs.append((["report", "c", "-f", fmt, "-o", str(path), *on], path, fmt))
    imported = out / "imported.yaml"
    sources = [out / f"export.{fmt}" for fmt in IMPORT_FORMATS] + [case, case.parent / "t1.txt"]
    formats = [*IMPORT_FORMATS, "prov-json", "prov-json"]
    for fmt, source in zip(formats, sources, strict=True):
        args = ["import", fmt, str(source), "-o", str(imported), "--force"]
        runs.append((args, imported, "yaml"))
    for posts in (case.parent / "posts.csv", case.parent / "t1.txt"):
        runs.append((["import", "spread", str(posts), *on], None, ""))
        runs.append((["import", "spread", str(posts), "--skip-bad", *on], None, ""))
    runs.append((["trace", "c", "--json", *on], None, "json"))  # with what was imported
    return runs


def _parses(kind: str, data: bytes) -> str | None:
    """Return why output of `kind` does not parse, or None."""
    try:
        text = data.decode("utf-8")
        if kind in ("json", "jsonld"):
            json.loads(text)
        elif kind in ("xml", "svg"):
            from lxml import etree

            etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, huge_tree=True))
        elif kind == "ttl":
            import rdflib

            rdflib.Graph().parse(data=text, format="turtle")
        elif kind == "html":
            return _html_problem(text)
        elif kind == "yaml":
            import yaml

            yaml.safe_load(text)
        elif kind == "dot" and not text.lstrip().startswith(("digraph", "graph", "strict")):
            return "not DOT"
    except Exception as exc:
        return f"{type(exc).__name__}: {str(exc)[:120]}"
    return None


_DOT_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_DOT_LINK = re.compile(  # a quoted string, or (outside one) a link attribute and its value
    _DOT_STRING.pattern
    + r"|\b((?:head|tail|label|edge)?(?:URL|href))\s*=\s*("
    + _DOT_STRING.pattern
    + r"|[^\s,;\]]+)"
)
_SCHEME = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.-]*)\s*:")


def _dot_injection(text: str) -> str | None:
    """Return the injection found in DOT: a link attribute whose value (entities decoded,
    as a browser reads the SVG Graphviz makes of it) has a scheme other than http(s), or
    an HTML-like label `<...>` (prov writes none: one can only come from case text)."""
    import html

    for match in _DOT_LINK.finditer(text):
        if not match.group(1):
            continue  # a quoted string: text, not an attribute
        value = match.group(2)
        if value.startswith('"'):
            value = value[1:-1].replace('\\"', '"')
        scheme = _SCHEME.match(re.sub(r"[\x00-\x20]", "", html.unescape(value)))
        if scheme and scheme.group(1).lower() not in ("http", "https"):
            return f"{scheme.group(1)}: link in DOT ({match.group(1)}=)"
    if re.search(r"=\s*<", _DOT_STRING.sub('""', text)):
        return "HTML-like <...> label in DOT"
    return None


_LD_JSON = re.compile(r"(?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script")


def _html_problem(text: str) -> str | None:
    """Return why an HTML page is broken: a JSON-LD block that is not JSON (text from the
    case closed its <script> early), or HTML lxml cannot read."""
    from lxml import html

    for block in _LD_JSON.findall(text):
        try:
            json.loads(block)
        except ValueError as exc:
            return f"JSON-LD in HTML is not JSON ({exc}): a </script> broke out"
    html.document_fromstring(text)
    return None


_LINK_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background"}
_SAFE_IMAGE = re.compile(r"(?i)data:image/(png|jpeg|gif|webp);")


def _markup_link(kind: str, data: bytes) -> str | None:
    """Return the first link attribute of SVG or HTML (`href`, `xlink:href`, `src`, ...)
    whose value, as a browser reads it, has a scheme other than http(s), mailto, or an
    embedded raster image; None when there is none. Text that merely mentions
    `URL="javascript:..."` is not a link."""
    from lxml import etree, html

    try:
        root = html.document_fromstring(data) if kind == "html" else etree.fromstring(data)
    except (etree.LxmlError, ValueError):
        return None  # _parses reports what does not parse
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower() not in _LINK_ATTRIBUTES:
                continue
            scheme = _SCHEME.match(re.sub(r"[\x00-\x20]", "", value))
            if not scheme or scheme.group(1).lower() in ("http", "https", "mailto"):
                continue
            if not _SAFE_IMAGE.match(value.strip()):
                return f"{scheme.group(1)}: link in {kind.upper()} ({name}=)"
    return None


def _injection(kind: str, data: bytes) -> str | None:
    """Return the injection found in published output (SVG, DOT, ClaimReview), or None."""
    text = data.decode("utf-8", "replace")
    if kind in ("svg", "html"):
        return _markup_link(kind, data)
    if kind == "md" and MD_LINK.search(text):
        return "javascript:/data:/vbscript: link in MD"
    if kind == "dot":
        return _dot_injection(text)
    if kind == "jsonld" and _json_link(json.loads(text)):
        return "javascript:/data:/vbscript: URL in JSON-LD"
    if kind == "jsonld" and "</script" in text.lower():
        return "raw </script in JSON-LD"
    return None


#: The ClaimReview (schema.org) properties whose values are links; a `name` or a
#: `ratingExplanation` that reads "javascript:..." is text, shown as text.
_LINK_KEYS = {"url", "sameAs", "@id", "archivedAt", "image", "logo", "contentUrl"}


def _json_link(value: object, key: str = "") -> bool:
    """Return whether a link property anywhere in `value` has a javascript:, data: or
    vbscript: scheme (as a browser reads it: spaces and case ignored)."""
    if isinstance(value, dict):
        return any(_json_link(v, k) for k, v in value.items())
    if isinstance(value, list):
        return any(_json_link(v, key) for v in value)
    if isinstance(value, str) and key in _LINK_KEYS:
        return re.match(r"\s*(?i:javascript|data|vbscript):", value) is not None
    return False


def _name(args: list[str], root: str) -> str:
    """Return a command as a failure line names it: no --case or -o, files by name."""
    flags = ("--case", "-o", "--force")
    kept = [
        a
        for a, b in zip(args, ["", *args][:-1], strict=True)
        if a not in flags and b not in flags[:2]
    ]
    shown = [Path(a).name if a.startswith(root) else a for a in kept]
    return " ".join(a if len(a) < 30 else a[:27] + "..." for a in shown)


def check_case(case: Path, out: Path, env: dict[str, str]) -> list[str]:
    """Run every command on `case`; return one line per failure (empty when all hold)."""
    runner = CliRunner(env=env)
    failures: list[str] = []
    for args, target, kind in _commands(case, out):
        if target is not None and target.exists():
            target.unlink()
        result = runner.invoke(app, args)
        name = _name(args, str(out.parent))
        exc = result.exception
        if exc is not None and not isinstance(exc, SystemExit):
            failures.append(f"{name}: traceback {type(exc).__name__}: {str(exc)[:160]!r}")
            continue
        if result.exit_code not in (0, 1, 2):
            failures.append(f"{name}: exit code {result.exit_code}")
        for stream, text in (("stdout", result.stdout), ("stderr", result.stderr)):
            if CONTROL.search(text):
                char = CONTROL.search(text).group()  # type: ignore[union-attr]
                failures.append(f"{name}: raw control {char!r} on {stream}")
        written = target.read_bytes() if target is not None and target.exists() else None
        if written is None and kind and target is None and result.exit_code in (0, 1):
            written = result.stdout_bytes
        if written is not None and kind:
            for check in (_parses, _injection):
                problem = check(kind, written)
                if problem:
                    failures.append(f"{name}: {problem}")
    return failures


def run_one(files: dict[str, str | bytes], on_failure: Callable[[list[str]], None]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        case = write_folder(root / "case", files)
        (root / "out").mkdir()
        env = {"PROV_CACHE_DIR": str(root / "cache"), "PROV_CASE": "", "COLUMNS": "100"}
        failures = check_case(case, root / "out", env)
        if failures:
            on_failure(failures)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: the report lists failures as found
    suppress_health_check=list(HealthCheck),
)
@given(case_folders())
def test_every_command_survives_hostile_cases(files: dict[str, str | bytes]) -> None:
    def fail(failures: list[str]) -> None:
        raise AssertionError("\n".join(sorted(set(failures))))

    run_one(files, fail)


def test_the_documented_injection_title_is_inert() -> None:
    data = {
        "title": INJECTIONS[0],
        "actors": [{"id": "a", "name": INJECTIONS[1], "kind": "person"}],
        "sources": [
            {"id": "s", "title": INJECTIONS[0], "kind": "article", "url": "javascript:alert(1)"}
        ],
        "claims": [{"id": "c", "text": "</script>" + INJECTIONS[7]}],
        "assertions": [
            {
                "id": "a1",
                "actor": "a",
                "claim": "c",
                "source": "s",
                "stance": "states",
                "quote": "&#x1b;",
            }
        ],
    }

    def fail(failures: list[str]) -> None:
        raise AssertionError("\n".join(sorted(set(failures))))

    run_one({"case.json": json.dumps(data)}, fail)


def test_the_fuzz_runs_every_command_and_format(tmp_path: Path) -> None:
    import typer.main

    from provenance.render.layout import FORMATS as LAYOUT_FORMATS

    runs = _commands(tmp_path / "case.json", tmp_path / "out")
    assert {args[0] for args, _, _ in runs} == set(typer.main.get_command(app).commands)
    exported = {args[2] for args, _, _ in runs if args[0] == "export"}
    assert exported == set(EXPORT_FORMATS) == set(KINDS) | {"prov-json", "json"}
    rendered = {args[args.index("--format") + 1] for args, _, _ in runs if args[0] == "render"}
    assert rendered == set(LAYOUT_FORMATS) == set(RENDER_FORMATS)
    imported = {args[1] for args, _, _ in runs if args[0] == "import"}
    assert imported == set(IMPORT_FORMATS) | {"spread"}
    names = [_name(args, str(tmp_path)) for args, _, _ in runs]
    assert "import prov-json t1.txt" in names and "import spread t1.txt --skip-bad" in names


@pytest.mark.parametrize(
    ("dot", "found"),
    [
        ('digraph { a [URL="https://example.org/x" label="ok"] }', None),
        ('digraph { a [label="URL=javascript:x <b>"] }', None),
        ('digraph { a [URL="javascript:alert(1)"] }', "javascript: link in DOT (URL=)"),
        ('digraph { a [href=" JaVa\tScript:x"] }', "JaVaScript: link in DOT (href=)"),
        ('digraph { a [URL="javascript&#58;x"] }', "javascript: link in DOT (URL=)"),
        ("digraph { a [labelURL=data:text/html,x] }", "data: link in DOT (labelURL=)"),
        ("digraph { a [label=<<b>x</b>>] }", "HTML-like <...> label in DOT"),
    ],
)
def test_the_dot_injection_check_finds_links_and_html_labels(dot: str, found: str | None) -> None:
    assert _injection("dot", dot.encode()) == found


# --- failures the fuzz found, kept as regressions ------------------------------------

TRAPPING_DOT = """digraph provenance {
\tgraph [compound=true fontname=Helvetica fontsize=16 label="\\nprovenance of the whole \
case · generated 2026-11-23 by prov" labelloc=t newrank=true nodesep=0.25 rankdir=LR \
ranksep=0.6 tooltip=": the whole case"]
\tsubgraph cluster_s0 {
\t}
\tsubgraph cluster_s1 {
\t}
\tsubgraph cluster_legend {
\t}
}
"""


def test_a_trap_of_the_embedded_graphviz_is_one_line() -> None:
    # Three empty clusters make the WebAssembly Graphviz trap ("out of bounds table
    # access"); it escaped `prov render` as a wasmtime.Trap traceback.
    from provenance.errors import ProvenanceError
    from provenance.render.layout import lay_out

    with pytest.raises(ProvenanceError) as info:
        lay_out(TRAPPING_DOT, "svg", "wasm")
    [line] = str(info.value).splitlines()
    assert "the embedded Graphviz failed" in line and "--format dot" in line
    assert lay_out("digraph { a -> b }", "svg", "wasm").startswith(b"<?xml")


def test_any_error_of_the_embedded_graphviz_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from provenance.errors import ProvenanceError
    from provenance.render import wasm
    from provenance.render.layout import lay_out

    def explode(*args: Any, **kwargs: Any) -> bytes:
        raise MemoryError("wasm\n\x1b[31mout of memory")

    monkeypatch.setattr(wasm, "render", explode)
    with pytest.raises(ProvenanceError) as info:
        lay_out("digraph { a }", "svg", "wasm")
    [line] = str(info.value).splitlines()
    assert "(MemoryError: \\x1b[31mout of memory)" in line


def test_importing_a_file_that_is_not_utf_8_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "t1.txt"
    path.write_bytes(b"\xff\xfe\x00bad utf-8 \x80")
    result = CliRunner().invoke(app, ["import", "prov-json", str(path)])
    assert result.exit_code == 2 and not isinstance(result.exception, UnicodeDecodeError)
    [line] = result.stderr.splitlines()
    assert "t1.txt: not UTF-8 text" in line


@pytest.mark.parametrize(
    ("kind", "markup", "found"),
    [
        (
            "svg",
            '<svg xmlns="http://www.w3.org/2000/svg"><text>URL="javascript:x"</text></svg>',
            None,
        ),
        (
            "svg",
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            '<a xlink:href=" java&#9;script:x"><text>t</text></a></svg>',
            "javascript: link in SVG ({http://www.w3.org/1999/xlink}href=)",
        ),
        ("html", '<p><a href="https://example.org/">ok</a> URL="javascript:x"</p>', None),
        ("html", '<p><img src="data:image/png;base64,AAAA"></p>', None),
        ("html", '<p><a href="JaVaScRiPt:x">x</a></p>', "JaVaScRiPt: link in HTML (href=)"),
        ("html", '<form action="data:text/html,x"></form>', "data: link in HTML (action=)"),
        ("md", "[x](javascript:alert(1))", "javascript:/data:/vbscript: link in MD"),
        ("md", 'said URL="javascript:alert(1)"', None),
    ],
)
def test_the_link_check_finds_links_not_mentions(kind: str, markup: str, found: str | None) -> None:
    assert _injection(kind, markup.encode()) == found
