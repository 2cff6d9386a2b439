"""The collector pause around reading and analysing a case restores what it found."""

from __future__ import annotations

import gc
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from provenance.document import build_document
from provenance.engine import analyse
from provenance.gcpause import paused
from provenance.graph import build_graph
from provenance.model import Case

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


def _relayed_case(n: int) -> dict[str, object]:
    """A case of `n` assertions over 20 claims (every fifth a general one), a third of
    them relaying an earlier one, and sources citing earlier sources."""
    rng = random.Random(n)
    stances = ["states", "confirms", "reports", "denies", "doubts", "hedges"]
    return {
        "actors": [{"id": f"p{i}", "name": f"P{i}", "kind": "person"} for i in range(50)],
        "sources": [
            {
                "id": f"s{i}",
                "title": f"S{i}",
                "kind": "article",
                "cites": [f"s{i - 1}"] if i else [],
            }
            for i in range(100)
        ],
        "claims": [
            {
                "id": f"c{i}",
                "text": f"C{i}",
                "more_specific_than": [f"c{i - i % 5}"] if i % 5 else [],
            }
            for i in range(20)
        ],
        "assertions": [
            {
                "id": f"a{i}",
                "actor": f"p{rng.randrange(50)}",
                "claim": f"c{rng.randrange(20)}",
                "source": f"s{rng.randrange(100)}",
                "stance": rng.choice(stances),
                "basis": rng.choice(["first_hand", "official", "hearsay", "unstated"]),
                "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                **({"via": f"a{rng.randrange(i)}"} if i and rng.random() < 1 / 3 else {}),
            }
            for i in range(n)
        ],
    }


@pytest.mark.usefixtures("collector")
def test_an_analysis_leaves_no_garbage_that_grows_with_the_case() -> None:
    """While the collector is paused, cyclic garbage waits, and its memory cannot be used
    again: the scratch graphs the engine builds (networkx graphs refer to themselves
    through their views) are emptied once used (provenance.gcpause.discard)."""
    left = []
    for n in (300, 300, 3000):  # the first run also compiles networkx's dispatchers
        case = Case.model_validate(_relayed_case(n))
        graph = build_graph(case)
        gc.collect()
        gc.disable()
        analysis = analyse(graph, case.rules)
        left.append(gc.collect())  # what the analysis left in cycles
        assert len(analysis["assertions"]) == n
    assert left[2] < 300, left  # before `discard`: 12,485 objects, mostly scratch graphs
