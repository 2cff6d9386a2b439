"""prov: a rumor and attribution provenance tracker for fact-checkers."""

__version__ = "0.1.0"
