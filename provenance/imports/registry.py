"""The import formats, declared once: name → reader. `prov import FORMAT FILE` reads the
file, turns it into case data and lists what could not be mapped. As for exports, a
reader is named "module:function" (under provenance.imports) and loaded on first use.

>>> list(FORMATS)
['prov-json', 'prov-xml', 'prov-n', 'prov-o', 'prov-o-jsonld']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

from provenance.errors import ProvenanceError

if TYPE_CHECKING:
    from provenance.records import JSON

#: Case data as a case file holds it, before validation.
CaseData = dict[str, "JSON"]
#: A reader: the document's text in; case data and one line per unmapped record out.
Reader = Callable[[str], tuple[CaseData, list[str]]]


class ImportFormat(NamedTuple):
    """One import format: its name, what it reads (one line, for help), its reader."""

    name: str
    description: str
    reader_name: str

    def reader(self) -> Reader:
        """Return the reader function, importing its module."""
        import importlib

        module, _, function = self.reader_name.partition(":")
        found = getattr(importlib.import_module(f"provenance.imports.{module}"), function)
        return cast(Reader, found)


FORMATS: dict[str, ImportFormat] = {
    spec.name: spec
    for spec in (
        ImportFormat(
            "prov-json",
            "W3C PROV as PROV-JSON (this tool's or another's)",
            "prov_formats:read_prov_json",
        ),
        ImportFormat("prov-xml", "W3C PROV as PROV-XML", "prov_formats:read_prov_xml"),
        ImportFormat("prov-n", "W3C PROV as PROV-N", "prov_formats:read_prov_n"),
        ImportFormat("prov-o", "W3C PROV as PROV-O in Turtle", "prov_formats:read_prov_o"),
        ImportFormat(
            "prov-o-jsonld", "W3C PROV as PROV-O in JSON-LD", "prov_formats:read_prov_o_jsonld"
        ),
    )
}


class Imported(NamedTuple):
    """A document read into a case: the case file's text (YAML), and what was left out."""

    case_yaml: str
    unmapped: list[str]


def get(name: str) -> ImportFormat:
    """Return the import format called `name`; raise ProvenanceError naming the choices."""
    if name in FORMATS:
        return FORMATS[name]
    from provenance.escape import terminal
    from provenance.suggest import hint

    known = list(FORMATS)
    raise ProvenanceError(
        f"unknown import format '{terminal(name)}': use one of {', '.join(known)}"
        f"{hint(name, known)}"
    )


def import_file(fmt: str, path: Path) -> Imported:
    """Return the document at `path`, in import format `fmt`, as a case file (YAML)."""
    reader = get(fmt).reader()
    from provenance.escape import terminal

    shown = terminal(str(path))
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ProvenanceError(f"cannot read {shown}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ProvenanceError(
            f"cannot read {shown}: not UTF-8 text (byte {exc.start} is not UTF-8)"
        ) from exc

    data, unmapped = reader(text)
    cleaned, replaced = _without_surrogates(data)
    if replaced:
        unmapped.append(f"replaced {replaced} lone surrogate(s), which are not text, by U+FFFD")
    dumped = case_yaml(cleaned)
    return Imported(dumped, [terminal(line) for line in unmapped])


def _without_surrogates(data: JSON) -> tuple[JSON, int]:
    """Return `data` with every lone surrogate (JSON's \\ud800 escapes allow them; UTF-8
    cannot hold them) replaced by U+FFFD, and how many were replaced."""
    if isinstance(data, str):
        count = sum(1 for c in data if "\ud800" <= c <= "\udfff")
        if not count:
            return data, 0
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in data), count
    if isinstance(data, list):
        items = [_without_surrogates(v) for v in data]
        return [v for v, _ in items], sum(n for _, n in items)
    if isinstance(data, dict):
        pairs = {k: _without_surrogates(v) for k, v in data.items()}
        return {k: v for k, (v, _) in pairs.items()}, sum(n for _, n in pairs.values())
    return data, 0


#: Characters YAML would write raw but a terminal or editor must not see raw: C0 and C1
#: controls, DEL, and the line and paragraph separators (YAML reads U+0085 as a break).
@functools.cache
def _raw_unsafe() -> re.Pattern[str]:
    """Return the pattern, compiled on first use (compiling costs start-up)."""
    return re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def case_yaml(data: JSON) -> str:
    """Return case data as a YAML case file (keys in order, text as typed)."""
    import yaml

    return str(yaml.dump(data, Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=100))


def _dumper() -> type:
    """Return a YAML SafeDumper that writes a string holding a control character in
    double quotes, where YAML escapes it (\\e, \\N, \\x9b), so the case file reads back
    the same text and prints safely."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = '"' if _raw_unsafe().search(value) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return Dumper
