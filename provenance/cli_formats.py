"""The format lists `prov export -h` and `prov import -h` print, as constants.

Copied from provenance.export.registry and provenance.imports.registry (the single
source) so that starting `prov trace` does not import the registries just to build help
text; tests/test_cli_formats.py fails when a copy and its registry disagree.
"""

#: `prov export --format` help: `provenance.export.registry.choices()` and a full stop.
EXPORT_FORMATS_HELP = "prov-json, prov-n, prov-o, prov-xml, claimreview, graphml, gexf or json."

#: `prov import FORMAT` help: the names of `provenance.imports.registry.FORMATS`.
IMPORT_FORMATS_HELP = "prov-json, prov-xml, prov-n, prov-o, prov-o-jsonld"
