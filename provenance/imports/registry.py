"""The import formats, declared once: name → reader. `prov import FORMAT FILE` reads the
file, turns it into case data and lists what could not be mapped. As for exports, a
reader is named "module:function" (under provenance.imports) and loaded on first use.

>>> sorted(FORMATS)
['prov-json']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from provenance.errors import ProvenanceError

if TYPE_CHECKING:
    from provenance.records import JSON

#: Case data as a case file holds it, before validation.
CaseData = dict[str, "JSON"]
#: A reader: the document's text in; case data and one line per unmapped record out.
Reader = Callable[[str], tuple[CaseData, list[str]]]


@dataclass(frozen=True)
class ImportFormat:
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
            "prov_json:case_from_prov_json",
        ),
    )
}


@dataclass(frozen=True)
class Imported:
    """A document read into a case: the case file's text (YAML), and what was left out."""

    case_yaml: str
    unmapped: list[str]


def get(name: str) -> ImportFormat:
    """Return the import format called `name`; raise ProvenanceError naming the choices."""
    if name in FORMATS:
        return FORMATS[name]
    known = list(FORMATS)
    verb = "is" if len(known) == 1 else "are"
    raise ProvenanceError(f"unknown import format '{name}': only {', '.join(known)} {verb} read")


def import_file(fmt: str, path: Path) -> Imported:
    """Return the document at `path`, in import format `fmt`, as a case file (YAML)."""
    reader = get(fmt).reader()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProvenanceError(f"cannot read {path}: {exc.strerror}") from exc
    import yaml

    data, unmapped = reader(text)
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return Imported(dumped, unmapped)
