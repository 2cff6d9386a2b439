"""The collector pause around reading and analysing a case restores what it found."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from provenance.document import build_document
from provenance.gcpause import paused

SEED = Path(__file__).resolve().parent.parent / "seeds" / "treasuries-2025"


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize("enabled", [True, False])
def test_paused_restores_the_state_it_found(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled() is enabled


@pytest.mark.usefixtures("collector")
def test_paused_restores_it_when_the_block_raises() -> None:
    gc.enable()
    with pytest.raises(ValueError), paused():
        raise ValueError("bad case")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_building_a_document_leaves_the_collector_on() -> None:
    gc.enable()
    doc = build_document(SEED)
    assert doc["analysis"]["claims"]
    assert gc.isenabled()


def test_a_command_freezes_its_document_out_of_the_collectors_reach() -> None:
    """A `prov` command reads one document and lives as long as it: the document's
    objects are frozen (gc.freeze), so collections during the view skip them."""
    from provenance.cli_common import read_document

    gc.unfreeze()
    opened = read_document(SEED)
    assert gc.get_freeze_count() > 0
    assert gc.is_tracked(opened.doc["case"]) and opened.doc["case"]["claims"]
    gc.unfreeze()
