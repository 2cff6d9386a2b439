"""Reading other tools' documents into case files: `registry.FORMATS` names each import
format (every W3C PROV format, `prov_formats`, mapped by `prov_case` and
`prov_relations`); `import_file` is what the CLI calls."""

from provenance.imports.registry import FORMATS, Imported, ImportFormat, get, import_file

__all__ = ["FORMATS", "ImportFormat", "Imported", "get", "import_file"]
