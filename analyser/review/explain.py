"""``analyser explain CODE``: one rule, generated from its data so the docs cannot drift.

Everything printed comes from the rule's TOML (:func:`analyser.rules.rule_by_code`, plus a
house style's extra rule files): what it flags, its level (as configured), why, the
examples that flag and pass (the same ones the test suite runs), known false positives, and
how to switch it off. Threshold codes (THR001, THR002) and every score are explained from
the catalogue (:mod:`analyser.catalog`); ``readability_grade`` also lists its shipped model.
"""

from __future__ import annotations

import difflib
import textwrap
from typing import Any

from ..analysis import analyse_text
from ..catalog import SCORE, THRESHOLD, THRESHOLD_CODES
from ..metrics.grade import model, sentence_model
from ..rules import Rule, builtin_rules
from ..rules.extra import extra_rules
from ..settings import DEFAULT_SETTINGS, Settings

WIDTH = 88


class UnknownCode(LookupError):
    """No rule has this code or name; the message suggests close ones."""


def all_rules(settings: Settings = DEFAULT_SETTINGS) -> list[Rule]:
    """The built-in rules and the house style's extra rules."""
    rules = list(builtin_rules())
    if settings.extra_rule_files:
        rules.extend(extra_rules(settings.extra_rule_files))
    return rules


def rule_records(settings: Settings = DEFAULT_SETTINGS) -> list[dict[str, Any]]:
    """``analyser rules --format json``: every rule, then every threshold code, with its
    level as ``settings`` configure it."""
    return [
        {"code": r.code, "name": r.name, "category": r.category,
         "level": settings.level_for(r.code, r.level), "default_level": r.level,
         "message": r.message, "suggestion": r.suggestion, "rationale": r.rationale,
         "false_positives": r.false_positives, "flag": list(r.flag), "pass": list(r.pass_),
         "file": r.file}
        for r in all_rules(settings)
    ] + [
        {"code": t.code, "name": t.name, "category": "threshold",
         "level": settings.level_for(t.code, "error"), "default_level": "error",
         "message": t.message, "rationale": t.why}
        for t in THRESHOLD_CODES
    ]


def rule_lines(settings: Settings = DEFAULT_SETTINGS) -> list[str]:
    """``analyser rules`` as text: a heading line, one line per rule and threshold code."""
    from ..version import RULESET_VERSION, __version__

    rules = all_rules(settings)
    where = settings.config_path or "built-in house style"
    lines = [f"analyser {__version__}, rule set {RULESET_VERSION}: {len(rules)} rules and "
             f"{len(THRESHOLD_CODES)} threshold codes (levels as configured by {where})"]
    for r in rules:
        level = settings.level_for(r.code, r.level)
        lines.append(f"{r.code}  {r.name:<28} {r.category:<13} {level:<10} {r.message}")
    for t in THRESHOLD_CODES:
        level = settings.level_for(t.code, "error")
        lines.append(f"{t.code}  {t.name:<28} {'threshold':<13} {level:<10} {t.message}")
    lines.append(f"\n`analyser explain CODE` shows a rule's examples and rationale; "
                 f"`analyser explain {MODEL_MEASURES[0]}` shows the grade model's features "
                 f"and weights.")
    return lines


def find_rule(code: str, settings: Settings = DEFAULT_SETTINGS) -> Rule:
    """The rule with this code (FIL001) or kebab-case name (you-know); raises UnknownCode."""
    rules = all_rules(settings)
    key = code.strip()
    for r in rules:
        if r.code == key.upper() or r.name == key.lower():
            return r
    raise UnknownCode(unknown_message(key, rules))


def unknown_message(code: str, rules: list[Rule]) -> str:
    """"no rule FIL999; did you mean ...?" with the nearest codes and names."""
    codes = [r.code for r in rules] + list(THRESHOLD)
    names = [r.name for r in rules]
    near = difflib.get_close_matches(code.upper(), codes, n=3, cutoff=0.6)
    near += [n for n in difflib.get_close_matches(code.lower(), names, n=3, cutoff=0.6)]
    if not near and len(code) >= 3:
        near = [c for c in codes if c.startswith(code.upper()[:3])][:5]
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    return f"no rule '{code}'{hint} (analyser rules lists every code)"


def _examples(rule: Rule, texts: tuple[str, ...]) -> list[str]:
    """Examples with the flagged words marked [[like this]]."""
    out = []
    for t in texts:
        spans = sorted((f.start, f.end) for f in analyse_text(t).findings
                       if f.code == rule.code)
        for a, b in reversed(spans):
            t = f"{t[:a]}[[{t[a:b]}]]{t[b:]}"
        out.append(t)
    return out


#: Measures ``explain`` also describes from their shipped model data.
MODEL_MEASURES = ("readability_grade",)


def _grade_models() -> dict[str, dict[str, Any]]:
    """The document model (data/readability_grade.json) and the sentence model
    (data/sentence_grade.json)."""
    return {"document": model()["document"], "sentence": sentence_model()}


def grade_model_table() -> list[dict[str, Any]]:
    """The grade models' features and weights, read from the shipped JSON (analyser/metrics/
    data/readability_grade.json and sentence_grade.json), so the docs cannot drift from it."""
    out = []
    for level, part in _grade_models().items():
        for name, mean, scale, weight in zip(part["features"], part["means"], part["scales"],
                                             part["weights"], strict=True):
            out.append({"model": level, "feature": name, "weight": weight, "mean": mean,
                        "scale": scale})
    return out


def _explain_measure_json(name: str) -> dict[str, Any]:
    s = SCORE[name]
    out: dict[str, Any] = {
        "code": name, "name": name, "category": "measure", "label": s.label,
        "family": s.family, "unit": s.unit, "direction": s.direction, "help": s.help,
    }
    if name in MODEL_MEASURES:
        m = model()
        out.update(calibration={k: v["calibration"] for k, v in _grade_models().items()},
                   calibration_method=m["calibration_method"], fit=m["fit"],
                   features=grade_model_table())
    return out


def _explain_measure(name: str) -> str:
    data = _explain_measure_json(name)
    better = {"lower": "lower is better", "higher": "higher is better"}.get(
        data["direction"], "neither direction is better")
    lines = [f"{name} ({data['label']}: a measure of the {data['family']} family)", ""]
    lines += _para("What it measures", data["help"])
    lines += _para("Unit", f"{data['unit']}; {better}")
    if name not in MODEL_MEASURES:
        return "\n".join(lines).rstrip() + "\n"
    fit = data["fit"]
    lines += _para("How it is computed", (
        "z = sum of weight * (feature - mean) / scale over the features below; the grade "
        "is kept between 0 and 30. Features with weight 0 were offered to the fit and not "
        "used. Calibration: " + data["calibration_method"] + "."))
    for level in ("document", "sentence"):
        cal = data["calibration"][level]
        if level == "sentence":
            sm = sentence_model()
            lines.append(f"Sentence model (sentence_grade): rating = {sm['intercept']:.3f} + z; "
                         f"grade = {cal['intercept']:.3f} + {cal['slope']:.3f} * rating, bent "
                         f"below the cap. Fitted by {sm['fit']['script']} on "
                         f"{sm['fit']['data']}; out-of-fold Spearman "
                         f"{sm['fit']['tune_oof_spearman']}")
        else:
            lines.append(f"{level.capitalize()} model (intercept {cal['intercept']:.3f}, "
                         f"slope {cal['slope']:.3f})")
        lines.append(f"  {'feature':<28} {'weight':>8} {'mean':>10} {'scale':>10}")
        for row in data["features"]:
            if row["model"] == level:
                lines.append(f"  {row['feature']:<28} {row['weight']:>8.3f} "
                             f"{row['mean']:>10.4f} {row['scale']:>10.4f}")
        lines.append("")
    clear = (f"Spearman with CLEAR-dev human easiness {fit['oof_clear_spearman']}, "
             if "oof_clear_spearman" in fit else "")
    lines += _para("Fitted on", f"{fit['data']}. Loss: {fit['loss']}. Cross-validation: "
                   f"{fit['cv']}; out of fold: {clear}OneStopEnglish pairwise accuracy "
                   f"{fit['oof_pairwise_accuracy']}, cross-article concordance "
                   f"{fit['oof_cross_article_concordance']}. Refit with {fit['script']}.")
    return "\n".join(lines).rstrip() + "\n"


def explain_json(code: str, settings: Settings = DEFAULT_SETTINGS) -> dict[str, Any]:
    """What ``explain`` prints, as a dict."""
    if code.strip().lower() in SCORE:
        return _explain_measure_json(code.strip().lower())
    if code.strip().upper() in THRESHOLD:
        key = code.strip().upper()
        info = THRESHOLD[key]
        return {"code": key, "name": info.name, "category": "threshold",
                "bound": info.bound, "level": settings.level_for(key, "error"),
                "message": info.message, "rationale": info.why, "thresholds": {
                    "max": dict(settings.thresholds), "min": dict(settings.min_thresholds)}}
    r = find_rule(code, settings)
    return {
        "code": r.code, "name": r.name, "category": r.category, "family": r.family,
        "level": settings.level_for(r.code, r.level), "default_level": r.level,
        "message": r.message, "suggestion": r.suggestion, "rationale": r.rationale,
        "false_positives": r.false_positives, "link": r.link,
        "flag": list(r.flag), "pass": list(r.pass_),
        "phrases": list(r.match.get("phrases", [])), "file": r.file,
    }


def _para(label: str, text: str) -> list[str]:
    body = textwrap.fill(" ".join(text.split()), WIDTH, initial_indent="  ",
                         subsequent_indent="  ")
    return [label, body, ""]


def explain(code: str, settings: Settings = DEFAULT_SETTINGS) -> str:
    """The text ``analyser explain CODE`` prints."""
    if code.strip().lower() in SCORE:
        return _explain_measure(code.strip().lower())
    data = explain_json(code, settings)
    c = data["code"]
    if data["category"] == "threshold":
        limits = data["thresholds"]
        lines = [f"{c} {data['name']} (house-style threshold, level {data['level']})", ""]
        lines += _para("Why", data["rationale"])
        lines.append("Current limits")
        bound = data["bound"]
        for measure, limit in sorted(limits[bound].items()):
            lines.append(f"  {measure} {bound} {limit:g}")
        if not limits[bound]:
            lines.append("  (none)")
        lines += ["", "Silence it", f'  ignore = ["{c}"] in analyser.toml, or --ignore {c}']
        return "\n".join(lines)
    r = find_rule(c, settings)
    level = data["level"]
    level_note = "" if level == r.level else f" (house style; the rule's default is {r.level})"
    lines = [f"{r.code} {r.name}", f"  category {r.category}, level {level}{level_note}", ""]
    lines += _para("What it flags", r.message.replace("{text}", "…"))
    if data["phrases"]:
        lines += _para("Phrases", ", ".join(f"'{p}'" for p in data["phrases"]))
    lines += _para("Suggestion", r.suggestion.replace("{text}", "…"))
    lines += _para("Why", r.rationale)
    lines.append("Flagged ([[ ]] marks the words it flags)")
    lines += [f"  ✗ {t}" for t in _examples(r, r.flag)]
    lines += ["", "Not flagged"]
    lines += [f"  ✓ {t}" for t in r.pass_]
    lines.append("")
    lines += _para("Known false positives", r.false_positives or "None recorded.")
    if r.link:
        lines += _para("More", r.link)
    lines += [
        "Silence it",
        f'  everywhere: ignore = ["{r.code}"] in analyser.toml, or --ignore {r.code}',
        f"  in one paragraph: <!-- analyser: ignore {r.code} --> on the line before it",
        "",
        f"Defined in {r.file}",
    ]
    return "\n".join(lines)
