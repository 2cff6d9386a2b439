"""The help text constants of provenance.cli_formats agree with the registries."""

from provenance import cli_formats
from provenance.export import registry as export_formats
from provenance.imports import registry as import_formats


def test_export_help_lists_the_export_registry() -> None:
    assert f"{export_formats.choices()}." == cli_formats.EXPORT_FORMATS_HELP


def test_import_help_lists_the_import_registry() -> None:
    assert ", ".join(import_formats.FORMATS) == cli_formats.IMPORT_FORMATS_HELP
