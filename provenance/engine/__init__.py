"""The confirmation engine: origins, independence, status, Admiralty grade and reasons.

`analyse(graph, rules)` is a pure function of the provenance graph and the only public
entry. The stages, each in its own module:

- read: assertions, names and claim links, read from the graph once;
- relays: who relays whom, in what order, what retractions withdraw, chain origins;
- independence: affiliation families, relay circles as one origin, origin strength;
- context: all of the above, computed once per case (`Context`);
- facts: what bears on one claim (`ClaimFacts`), computed once per claim;
- rules: the ordered rules that decide a status (RULES), one function each;
- notes: the further reasons a verdict lists (NOTES);
- verdict: the first rule that fires, the notes, the grade;
- attribution, flags: was it said, and the patterns a checker should see;
- page: the rules page (docs/rules.md) generated from the rules' docstrings.
"""

from provenance.engine.pipeline import analyse

__all__ = ["analyse"]
