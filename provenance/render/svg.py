"""The SVG a reader and a screen reader get: Graphviz's output made accessible and
certainly well-formed.

`accessible_svg(svg, title, desc)` puts a `<title>` and a `<desc>` first in the root,
with `role="img"` and `aria-labelledby` naming both; gives every node, edge and lane
a `<title>` holding its tooltip (Graphviz writes the internal node name there, and the
tooltip only as a link title); and drops any character XML 1.0 forbids before parsing,
so the result always parses; quotes in text are written `&quot;` as Graphviz writes
them. Pure: bytes in, bytes out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from provenance.errors import ProvenanceError
from provenance.escape import xml_chars

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
#: Text between tags (attribute values never hold a raw '>': the writer escapes it).
_QUOTES_IN_TEXT = re.compile(r">[^<]*<")
TITLE_ID = "prov-title"
DESC_ID = "prov-desc"


def accessible_svg(svg: bytes, title: str, desc: str) -> bytes:
    """Return `svg` with its accessible title and description and node tooltips as
    `<title>` elements. Raises ProvenanceError if Graphviz's output is not XML."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    text = xml_chars(svg.decode("utf-8", errors="replace"))
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise ProvenanceError(f"Graphviz wrote SVG that is not XML: {exc}") from exc
    root.set("role", "img")
    root.set("aria-labelledby", f"{TITLE_ID} {DESC_ID}")
    title_el = ET.Element(f"{{{SVG_NS}}}title", {"id": TITLE_ID})
    title_el.text = xml_chars(title)
    desc_el = ET.Element(f"{{{SVG_NS}}}desc", {"id": DESC_ID})
    desc_el.text = xml_chars(desc)
    root.insert(0, desc_el)
    root.insert(0, title_el)
    for group in root.iter(f"{{{SVG_NS}}}g"):
        if group.get("class") not in ("node", "edge", "cluster"):
            continue
        own = group.find(f"{{{SVG_NS}}}title")
        link = group.find(f".//{{{SVG_NS}}}a")
        tooltip = link.get(f"{{{XLINK_NS}}}title") if link is not None else None
        if own is not None and tooltip:
            own.text = tooltip
    body = _QUOTES_IN_TEXT.sub(
        lambda m: m.group().replace('"', "&quot;"), ET.tostring(root, encoding="unicode")
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def inline_svg(svg: bytes) -> str:
    """Return a finished SVG as markup to place inside an HTML page (no XML
    declaration), scaled by CSS rather than by its fixed width and height."""
    text = svg.decode("utf-8")
    start = text.find("<svg")
    return text[start:].strip() if start >= 0 else text
