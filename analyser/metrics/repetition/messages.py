"""The text of the repetition findings: rule messages filled in, quotes shortened."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _rule(code: str):
    from ...rules import rule_by_code

    return rule_by_code(code)


def rule_message(
    code: str, fallback: str, template: str = "message", **values: object
) -> tuple[str, str, str, str]:
    """(message, suggestion, name, level) of a rule, its ``template`` (``message`` or
    another template key of the rule, such as ``message_first``) filled in."""
    rule = _rule(code)
    if rule is None:
        return fallback.format(**values), "", "", "warning"
    text = rule.message if template == "message" else rule.match.get(template, fallback)
    try:
        msg = str(text).format(**values)
    except (KeyError, IndexError, ValueError):
        msg = fallback.format(**values)
    return msg, rule.suggestion, rule.name, rule.level


def shorten(text: str, limit: int = 70) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
