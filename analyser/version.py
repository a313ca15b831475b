"""Version of the analyser and of its rule set (recorded in every output row)."""

__version__ = "0.1.0"
#: Bumped whenever a rule file, lexicon or fitted model changes what is flagged or scored.
RULESET_VERSION = "2026.11.1"
