"""What a rule is: a named test of a claim's facts that may decide its status
(provenance.engine.rules lists the rules, in order; provenance.engine.time_rules holds
those about time)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from provenance.engine.facts import ClaimFacts
from provenance.model import Rules
from provenance.vocab import Status

#: The assertions a decision rests on, and its reason in words, or how to make them: a
#: rule whose reason takes a walk over every origin gives a function, called only when a
#: reason is written (the verdict history decides a claim again every day and needs only
#: the status).
Cited = list[str] | Callable[[], list[str]]
Said = str | Callable[[], str]


@dataclass(frozen=True, slots=True)
class Decision:
    """What a rule decides when it fires: the status, and the reason that says why (in
    words, and the assertions it rests on)."""

    status: Status
    said: Said
    cited: Cited

    @property
    def text(self) -> str:
        """The reason in words."""
        return self.said() if callable(self.said) else self.said

    @property
    def assertions(self) -> list[str]:
        """The ids of the assertions the decision rests on."""
        return self.cited() if callable(self.cited) else self.cited


@dataclass(frozen=True, slots=True)
class Check:
    """The outcome of trying a rule: `decision` is None when it did not fire; `detail`
    says what the rule saw either way (shown by `prov explain`)."""

    detail: str
    decision: Decision | None = None


Test = Callable[[ClaimFacts, Rules], Check]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule: its test, the statuses it can decide, and whether it is the
    catch-all (which always fires, and is listed only when no earlier rule decided)."""

    test: Test
    decides: tuple[Status, ...]
    catch_all: bool = False

    @property
    def name(self) -> str:
        """The rule's name in reasons and in `prov explain`: "some-support"."""
        return self.test.__name__.replace("_", "-")

    @property
    def doc(self) -> str:
        """The rule's docstring, dedented: its text on the rules page."""
        return inspect.cleandoc(self.test.__doc__ or "")

    def __call__(self, facts: ClaimFacts, rules: Rules) -> Check:
        return self.test(facts, rules)


def rule(*decides: Status, catch_all: bool = False) -> Callable[[Test], Rule]:
    """Declare a rule function, naming the statuses it can decide."""
    return lambda test: Rule(test, decides, catch_all)


def fire(detail: str, status: Status, assertions: Cited, text: Said) -> Check:
    """Return the check of a rule that fires: `text` and `assertions` are its reason."""
    return Check(detail, Decision(status, text, assertions))
