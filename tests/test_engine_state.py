"""What the engine keeps between one judgement of a claim and the next: the tally of
independence groups, the lists of what bears on a claim as shared tuples, and reasons
written only when asked for; and the relay order it finds without a graph."""

from __future__ import annotations

import random

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.engine import relays
from provenance.engine.bearing import Bearing
from provenance.engine.origins import Tally, independent_groups
from provenance.engine.read import Assertion
from provenance.engine.rule_kit import fire
from provenance.records import Origin
from provenance.vocab import Basis, Stance, Status

STRENGTHS = ["authoritative", "grounded", "informed", "unsourced", "hedged", "conditional"]


def _origin(i: int, group: str, strength: str, basis: str) -> Origin:
    return Origin(
        assertion=f"a{i}",
        actor=group,
        group=group,
        stance="states",
        basis=basis,
        strength=strength,
        supports=[f"a{i}"],
        attribution="direct",
        quote_mode="verbatim",
        weakened=[],
    )


origins = st.lists(
    st.tuples(
        st.sampled_from(["g1", "g2", "g3", "g4"]),
        st.sampled_from(STRENGTHS),
        st.sampled_from([b.value for b in Basis]),
    ),
    max_size=12,
).map(lambda rows: [_origin(i, *row) for i, row in enumerate(rows)])


@settings(max_examples=300, deadline=None)
@given(origins, st.randoms(use_true_random=False))
def test_a_tally_counted_in_and_out_gives_the_groups_of_what_is_left(
    found: list[Origin], rng: random.Random
) -> None:
    tally = Tally()
    for o in found:
        tally.count(o, 1)
    assert tally.groups() == independent_groups(found)
    gone = [o for o in found if rng.random() < 0.5]
    for o in gone:
        tally.count(o, -1)
    left = [o for o in found if o not in gone]
    assert tally.groups() == independent_groups(left)
    if not left:
        assert tally.groups() == (frozenset(),) * 4


def _assertion(i: int, stance: Stance = Stance.states) -> Assertion:
    return Assertion(
        id=f"a{i:03d}",
        actor="x",
        actor_name="X",
        claim="c",
        source="s",
        read_in=None,
        stance=stance,
        basis=Basis.official,
        date=None,
        said=None,
        about=None,
        quote=None,
        via=None,
        rank=i,
    )


def test_a_bearing_shares_a_list_as_one_tuple_until_that_list_changes() -> None:
    bearing = Bearing()
    bearing.put("support", _assertion(2))
    first = bearing.tupled("support")
    assert [a.id for a in first] == ["a002"]
    assert bearing.tupled("support") is first  # shared, not copied again
    reach = bearing.tupled("reach")
    bearing.put("support", _assertion(1))
    now = bearing.tupled("support")
    assert now is not first and [a.id for a in now] == ["a001", "a002"]  # in id order
    assert [a.id for a in first] == ["a002"]  # what facts kept did not change
    assert bearing.tupled("reach") is reach  # another list's tuple stays shared


@settings(max_examples=200, deadline=None)
@given(st.permutations(range(40)))
def test_a_bearing_keeps_its_lists_in_id_order_whatever_order_they_arrive_in(
    arrivals: list[int],
) -> None:
    bearing = Bearing()
    for i in arrivals:
        bearing.put("against", _assertion(i, Stance.denies))
    assert [a.id for a in bearing.against] == [f"a{i:03d}" for i in range(40)]


def test_a_reason_given_as_a_function_is_written_only_when_read() -> None:
    calls: list[str] = []

    def cited() -> list[str]:
        calls.append("cited")
        return ["a1", "a2"]

    decision = fire("detail", Status.corroborated, cited, lambda: "two origins").decision
    assert decision is not None and decision.status == Status.corroborated
    assert calls == []
    assert decision.assertions == ["a1", "a2"] and decision.text == "two origins"
    assert calls == ["cited"]
    plain = fire("detail", Status.confirmed, ["a3"], "said").decision
    assert plain is not None and (plain.assertions, plain.text) == (["a3"], "said")


def _condensed(upstream: dict[str, list[str]]) -> tuple[list[str], list[list[str]]]:
    """The order and circles networkx finds (the condensation, smallest member first):
    what `relays.topological` returned before it ordered circle-free relays itself."""
    dg = nx.DiGraph()
    dg.add_nodes_from(upstream)
    dg.add_edges_from((u, a) for a, ups in upstream.items() for u in ups)
    cond = nx.condensation(dg)
    order: list[str] = []
    cycles = []
    for scc in nx.lexicographical_topological_sort(
        cond, key=lambda n: min(cond.nodes[n]["members"])
    ):
        members = sorted(cond.nodes[scc]["members"])
        cycles += [members] if len(members) > 1 else []
        order += members
    return order, cycles


relay_maps = st.dictionaries(
    st.sampled_from([f"a{i}" for i in range(12)]),
    st.lists(st.sampled_from([f"a{i}" for i in range(12)]), max_size=3),
    max_size=12,
)


@settings(max_examples=400, deadline=None)
@given(relay_maps, st.booleans())
def test_relays_are_ordered_as_networkx_orders_them(
    drawn: dict[str, list[str]], acyclic: bool
) -> None:
    """Relays without a circle are ordered without a graph; the order (and the circles,
    with one) is networkx's, whatever order the map lists them in."""
    if acyclic:  # keep only links to a smaller number: no circle
        drawn = {a: [u for u in ups if int(u[1:]) < int(a[1:])] for a, ups in drawn.items()}
    upstream = {**{u: [] for ups in drawn.values() for u in ups}, **drawn}
    expected = _condensed(upstream)
    assert relays.topological(upstream) == expected
    assert relays.topological(dict(reversed(upstream.items()))) == expected
    relays_itself = any(a in ups for a, ups in upstream.items())  # a circle of one
    assert relays.circular(upstream) == (bool(expected[1]) or relays_itself)
