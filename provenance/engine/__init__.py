"""The confirmation engine: origins, independence, status, Admiralty grade and reasons.

`analyse(graph, rules, texts)` is a pure function of the provenance graph (and of the
sources' archived texts, read for rewrites) and the only public entry. The stages, each
in its own module:

- read: assertions, names and claim links, read from the graph once;
- derivation, rewrites: which sources' texts derive from which (declared rewrites and
  revisions, rewrites found in the texts), and circular reporting;
- relays: who relays whom (also through a rewrite), in what order, what retractions
  withdraw, chain origins;
- discredit: admitted fabrications and refuted attributions;
- independence: affiliation families, relay circles as one origin, origin strength;
- context: all of the above, computed once per case (`Context`);
- bearing: what bears on each claim, filed once per assertion (`BearingIndex`);
- facts: what bears on one claim (`ClaimFacts`), computed once per claim;
- origins: a claim's origins, best first, weighed, kept per claim between judgements;
- rules: the ordered rules that decide a status (RULES), one function each;
- notes: the further reasons a verdict lists (NOTES);
- verdict: the first rule that fires, the notes, the grade;
- schedule, history: when each assertion becomes known, and the sweep over those days
  that gives each claim's verdict history;
- attribution, drift: was it said (the desk's levels), and quotes that drift;
- authority: who may confirm (intent, self-interest, an unestablished attribution);
- flags: the patterns a checker should see;
- page: the rules page (docs/rules.md) generated from the rules' docstrings.
"""

from provenance.engine.pipeline import analyse

__all__ = ["analyse"]
