"""The rule counts README states match the rules the package ships."""

import re
from pathlib import Path

from analyser.rules import builtin_rules

README = Path(__file__).resolve().parents[1] / "README.md"
LANGUAGE_PREFIXES = ("FIL", "HDG", "INT", "WSL", "PAD", "MET")


def test_readme_rule_counts_match_the_builtin_rules():
    text = README.read_text(encoding="utf-8")
    match = re.search(r"(\d+) language rules as data .*?\((\d+) rules in all", text)
    assert match, "README no longer states the rule counts"
    rules = builtin_rules()
    language = sum(rule.code.startswith(LANGUAGE_PREFIXES) for rule in rules)
    assert (int(match.group(1)), int(match.group(2))) == (language, len(rules))
