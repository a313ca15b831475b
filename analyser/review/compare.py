"""``analyser compare OLD NEW``: did the edit make the piece tighter?

Two versions of one piece are analysed with the same house style. The measures are shown
side by side (headline measures first, only those present), each with its change and
whether that change is for the better. Findings are matched across the versions by code,
normalised text and sentence context, never by offset (an edit moves everything): first
exact matches of (code, text, sentence), then (code, text) pairs whose sentences are still
alike. What is left in the old version was fixed; what is left in the new one was
introduced.

The verdict counts the headline measures that got better minus those that got worse, plus
one for more findings fixed than introduced (minus one for the reverse): above zero the
edit is "tighter", below zero "looser", else "about the same".
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from ..analysis import Analysis
from ..catalog import HEADLINE, VERDICT_MEASURES, direction
from ..errors import InputError
from ..models import Article, Finding
from ..settings import DEFAULT_SETTINGS, Settings
from ..version import RULESET_VERSION, __version__
from .positions import PositionMap

SCHEMA = "analyser.compare/1"
#: Sentences at least this similar are one sentence edited, not one removed and one added.
SIMILAR_SENTENCE = 0.5


class CompareError(ValueError):
    """An input of ``compare`` could not be read or is not one article."""


@dataclass(frozen=True)
class MeasureChange:
    name: str
    old: float | None
    new: float | None
    change: float | None
    #: "better", "worse", "same" or "" (no direction, or a side is missing).
    verdict: str


@dataclass(frozen=True)
class FindingChange:
    """A finding present in only one version (line/column in that version's file)."""

    code: str
    name: str
    category: str
    level: str
    text: str
    message: str
    sentence: str
    line: int
    column: int


@dataclass
class Comparison:
    old_path: str
    new_path: str
    measures: list[MeasureChange]
    fixed: list[FindingChange] = field(default_factory=list)
    introduced: list[FindingChange] = field(default_factory=list)
    unchanged: int = 0
    verdict: str = "about the same"
    score: int = 0


def _norm(s: str) -> str:
    s = s.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip()


def _finite(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and math.isfinite(v) else None


def compare_measures(old: dict[str, float], new: dict[str, float],
                     all_measures: bool = False) -> list[MeasureChange]:
    """Headline measures present in either version (every numeric one with ``all_measures``)."""
    names = [n for n in HEADLINE if n in old or n in new]
    if all_measures:
        rest = sorted((set(old) | set(new)) - set(names))
        names += [n for n in rest if _finite(old.get(n)) is not None
                  or _finite(new.get(n)) is not None]
    rows = []
    for n in names:
        a, b = _finite(old.get(n)), _finite(new.get(n))
        change = None if a is None or b is None else b - a
        verdict = ""
        d = direction(n)
        if change is not None and d:
            tol = 1e-9 + 0.005 * max(abs(a), abs(b), 1.0)  # rounding noise is "same"
            if abs(change) <= tol:
                verdict = "same"
            else:
                verdict = "better" if (change < 0) == (d == "lower") else "worse"
        rows.append(MeasureChange(n, a, b, change, verdict))
    return rows


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _sentence_of(a: Analysis, f: Finding) -> str:
    if 0 <= f.sentence < len(a.sentences):
        return str(a.sentences[f.sentence]["text"])
    return ""


def match_findings(old: Analysis, new: Analysis) -> tuple[list[int], list[int], int]:
    """Indices of old findings that were fixed, of new ones introduced, and the count kept."""
    old_keys = [(f.code, _norm(f.text), _norm(_sentence_of(old, f))) for f in old.findings]
    new_keys = [(f.code, _norm(f.text), _norm(_sentence_of(new, f))) for f in new.findings]
    pool: dict[tuple, list[int]] = defaultdict(list)
    for i, k in enumerate(new_keys):
        pool[k].append(i)
    matched_new: set[int] = set()
    left_old: list[int] = []
    for i, k in enumerate(old_keys):
        if pool.get(k):
            matched_new.add(pool[k].pop(0))
        else:
            left_old.append(i)
    # second pass: same code, same (or, for sentence-long findings such as a hard
    # sentence, similar) words, in a sentence the edit changed but kept
    by_code: dict[str, list[int]] = defaultdict(list)
    for j, k in enumerate(new_keys):
        if j not in matched_new:
            by_code[k[0]].append(j)
    fixed: list[int] = []
    for i in left_old:
        code, text, sent = old_keys[i]
        best, best_ratio = None, 0.0
        for j in by_code.get(code, []):
            _, new_text, new_sent = new_keys[j]
            if new_text != text and _similar(text, new_text) < SIMILAR_SENTENCE:
                continue
            r = _similar(sent, new_sent)
            if r >= SIMILAR_SENTENCE and r > best_ratio:
                best, best_ratio = j, r
        if best is None:
            fixed.append(i)
        else:
            by_code[code].remove(best)
            matched_new.add(best)
    introduced = [j for j in range(len(new_keys)) if j not in matched_new]
    return fixed, introduced, len(old_keys) - len(fixed)


def _changes(a: Analysis, idx: list[int], positions: PositionMap | None) -> list[FindingChange]:
    out = []
    for i in idx:
        f = a.findings[i]
        span = positions.span(f.start, f.end) if positions else None
        line, col = (span[0].line, span[0].column) if span else (0, 0)
        out.append(FindingChange(f.code, f.name, f.category, f.level, f.text, f.message,
                                 _sentence_of(a, f), line, col))
    return out


def compare_analyses(old: Analysis, new: Analysis, *, old_raw: str | None = None,
                     new_raw: str | None = None, old_format: str = "text",
                     new_format: str = "text", all_measures: bool = False) -> Comparison:
    """Compare two analyses of one piece. ``*_raw`` (the original files) give line:column."""
    measures = compare_measures(old.scores, new.scores, all_measures)
    fixed, introduced, kept = match_findings(old, new)
    old_pos = PositionMap(old_raw, old.text, old_format) if old_raw is not None else None
    new_pos = PositionMap(new_raw, new.text, new_format) if new_raw is not None else None
    c = Comparison(old.source or old.id, new.source or new.id, measures,
                   _changes(old, fixed, old_pos), _changes(new, introduced, new_pos), kept)
    by_name = {m.name: m for m in measures}
    score = sum((m.verdict == "better") - (m.verdict == "worse")
                for n in VERDICT_MEASURES if (m := by_name.get(n)))
    score += (len(fixed) > len(introduced)) - (len(fixed) < len(introduced))
    c.score = score
    c.verdict = "tighter" if score > 0 else "looser" if score < 0 else "about the same"
    return c


def _one_article(path: str, settings: Settings) -> tuple[Article, Analysis]:
    from ..analysis import analyse_article
    from ..ingest import IngestError, iter_articles

    items = list(iter_articles([path]))
    if len(items) != 1:
        raise CompareError(f"{path}: compare needs one article per side, found {len(items)}")
    item = items[0]
    if isinstance(item, IngestError):
        raise CompareError(str(item))
    try:
        return item, analyse_article(item, settings)
    except InputError as exc:  # one clear line, exit 2; a bug is not caught here
        raise CompareError(f"{path}: {exc}") from None


def compare_paths(old: str | Path, new: str | Path, settings: Settings = DEFAULT_SETTINGS,
                  all_measures: bool = False) -> Comparison:
    """Analyse two files (a draft and its edit) and compare them."""
    a_old, old_an = _one_article(str(old), settings)
    a_new, new_an = _one_article(str(new), settings)
    return compare_analyses(old_an, new_an, old_raw=a_old.raw, new_raw=a_new.raw,
                            old_format=a_old.format, new_format=a_new.format,
                            all_measures=all_measures)


def _num(v: float | None, signed: bool = False) -> str:
    if v is None:
        return "—"
    if abs(v) >= 100 or float(v).is_integer():
        return f"{v:+.0f}" if signed else f"{v:.0f}"
    return f"{v:+.2f}" if signed else f"{v:.2f}"


def _snippet(s: str, n: int = 70) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def as_json(c: Comparison, all_measures: bool = False) -> dict[str, Any]:
    return {
        "schema": SCHEMA, "version": __version__, "ruleset_version": RULESET_VERSION,
        "old": c.old_path, "new": c.new_path,
        "measures": [asdict(m) for m in c.measures],
        "fixed": [asdict(f) for f in c.fixed],
        "introduced": [asdict(f) for f in c.introduced],
        "unchanged": c.unchanged, "verdict": c.verdict, "verdict_score": c.score,
    }


def render_compare(c: Comparison, fmt: str = "text", all_measures: bool = False) -> str:
    """Text (a table, the findings fixed and introduced, a verdict) or JSON."""
    if fmt == "json":
        return json.dumps(as_json(c, all_measures), ensure_ascii=False, indent=2)
    width = max([len(m.name) for m in c.measures] + [7])
    lines = [f"old: {c.old_path}", f"new: {c.new_path}", "",
             f"{'measure':<{width}}  {'old':>9}  {'new':>9}  {'change':>9}"]
    for m in c.measures:
        lines.append(f"{m.name:<{width}}  {_num(m.old):>9}  {_num(m.new):>9}  "
                     f"{_num(m.change, True):>9}  {m.verdict}".rstrip())
    for title, items, side in (("Fixed", c.fixed, "old"), ("Introduced", c.introduced, "new")):
        lines += ["", f"{title} ({len(items)})"]
        for f in items:
            where = f"{side} {f.line}:{f.column}" if f.line else side
            lines.append(f"  {f.code} '{_snippet(f.text, 40)}'  ({where})  "
                         f"{_snippet(f.sentence)}")
    lines += ["", f"Unchanged: {c.unchanged} findings",
              f"Verdict: {c.verdict} ({len(c.fixed)} fixed, {len(c.introduced)} introduced)"]
    return "\n".join(lines)
