"""Numeric features of each line of a text page, for the line classifier.

One function computes the same features at training time (benchmarks/train_text_cleaner.py)
and at run time, so the shipped model always sees what it was trained on.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from ..resources import word_list
from .blocks import ends_sentence, is_byline, looks_like_heading, title_case_ratio, words

_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b\d+ (?:mins?|minutes?|hours?|days?) ago\b",
    re.IGNORECASE,
)
_LINKISH = re.compile(r"[|»›©@#]|https?://|www\.|\.com\b")

FEATURE_NAMES: tuple[str, ...] = (
    "log_words", "log_chars", "stopword_ratio", "ends_sentence", "title_case_ratio",
    "digit_ratio", "has_date", "position", "log_page_repeats", "in_siblings", "bullet",
    "upper_ratio", "commas_per_word", "linkish", "furniture_phrase", "heading_like", "byline",
    "prev_log_words", "prev_stopword_ratio", "prev_ends_sentence",
    "next_log_words", "next_stopword_ratio", "next_ends_sentence",
    "prose_window_2", "prose_window_5", "prose_window_10",
    "prose_words_before", "prose_words_after", "log_dist_to_prose", "words_vs_max",
    "blank_before", "short_window_5",
)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """English stopwords (jusText's list, shipped in analyser/clean/data)."""
    return frozenset(w.lower() for w in word_list("clean/data/stopwords_en.txt", per_line=True))


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[tuple[re.Pattern[str], str, int], ...]:
    """The furniture phrase rules: (regex, removal reason, max words)."""
    data = json.loads(
        resources.files(__package__).joinpath("data/furniture.json").read_text("utf-8"))
    return tuple((re.compile(r["pattern"], re.IGNORECASE), r["reason"], int(r["max_words"]))
                 for r in data["rules"])


@lru_cache(maxsize=1)
def _any_furniture() -> re.Pattern[str]:
    # One combined search first: most lines match no rule, and this is 20x cheaper.
    return re.compile("|".join(f"(?:{rx.pattern})" for rx, _, _ in furniture_rules()),
                      re.IGNORECASE)


def furniture_reason(text: str) -> str | None:
    """The removal reason of the first furniture rule the line matches, else None."""
    if not _any_furniture().search(text):
        return None
    n = len(words(text))
    for rx, reason, max_words in furniture_rules():
        if n <= max_words and rx.search(text):
            return reason
    return None


def normalise(text: str) -> str:
    """Key for repetition checks: lower-case words only."""
    return " ".join(words(text.lower()))


def line_features(
    texts: list[str],
    bullets: list[bool] | None = None,
    blank_before: list[bool] | None = None,
    sibling_keys: frozenset[str] = frozenset(),
) -> list[list[float]]:
    """One feature vector (in FEATURE_NAMES order) per line."""
    n = len(texts)
    if n == 0:
        return []
    bullets = bullets or [False] * n
    blank_before = blank_before or [False] * n
    keys = [normalise(t) for t in texts]
    counts = Counter(keys)
    tokens = [words(t) for t in texts]
    own = [_own_features(t, ws, k, counts, sibling_keys)
           for t, ws, k in zip(texts, tokens, keys, strict=True)]
    nwords = [len(ws) for ws in tokens]
    prose = [_prose_flag(f, nw) for f, nw in zip(own, nwords, strict=True)]
    return _with_context(own, nwords, prose, bullets, blank_before)


def _with_context(own: list[list[float]], nwords: list[int], prose: list[float],
                  bullets: list[bool], blank_before: list[bool]) -> list[list[float]]:
    """Each line's own features with its position and its neighbourhood's features."""
    n = len(own)
    total_prose = sum(nw for nw, p in zip(nwords, prose, strict=True) if p) or 1
    max_words = max(nwords) or 1
    prose_idx = [i for i, p in enumerate(prose) if p]
    short = [float(w <= 4) for w in nwords]
    cum = 0
    out: list[list[float]] = []
    for i in range(n):
        f = own[i]
        f[7] = i / max(n - 1, 1)
        f[10] = float(bullets[i])
        p = own[i - 1] if i > 0 else [0.0] * 4
        q = own[i + 1] if i + 1 < n else [0.0] * 4
        dist = _distance(prose_idx, i, n)
        before = cum / total_prose
        cum += nwords[i] if prose[i] else 0
        after = 1.0 - cum / total_prose
        out.append(f + [
            p[0], p[2], p[3], q[0], q[2], q[3],
            _window_mean(prose, i, 2), _window_mean(prose, i, 5), _window_mean(prose, i, 10),
            before, after, math.log1p(dist), nwords[i] / max_words, float(blank_before[i]),
            _window_mean(short, i, 5),
        ])
    return out


def _distance(positions: list[int], i: int, default: int) -> int:
    """Distance from ``i`` to the nearest of ``positions`` (ascending), ``default`` when
    there are none: a binary search, so the features stay linear in the page's lines."""
    k = bisect.bisect_left(positions, i)
    near = [abs(positions[j] - i) for j in (k - 1, k) if 0 <= j < len(positions)]
    return min(near, default=default)


def _own_features(t: str, ws: list[str], k: str, counts: Counter[str],
                  sibling_keys: frozenset[str]) -> list[float]:
    """The features of line ``t`` (words ``ws``, key ``k``) alone; position and bullet are
    filled in by the caller."""
    nw = len(ws)
    letters = sum(c.isalpha() for c in t) or 1
    sw = stopwords()
    stop = sum(w.lower() in sw for w in ws) / nw if nw else 0.0
    return [
        math.log1p(nw), math.log1p(len(t)), stop, float(ends_sentence(t)), title_case_ratio(t),
        sum(c.isdigit() for c in t) / max(len(t), 1), float(bool(_DATE.search(t))),
        0.0, math.log(counts[k]) if k else 0.0, float(bool(k) and k in sibling_keys),
        0.0, sum(c.isupper() for c in t) / letters, t.count(",") / max(nw, 1),
        float(bool(_LINKISH.search(t))), float(furniture_reason(t) is not None),
        float(looks_like_heading(t)), float(is_byline(t)),
    ]


def _prose_flag(own: list[float], nw: int) -> float:
    """1.0 for a line of prose by its own features: 12+ words, a sentence, 20% stopwords."""
    end, stop = own[3], own[2]
    return float(nw >= 12 and end and stop >= 0.2)


def _window_mean(values: list[float], i: int, k: int) -> float:
    lo, hi = max(0, i - k), min(len(values), i + k + 1)
    return sum(values[lo:hi]) / (hi - lo)


CONTEXT_NAMES: tuple[str, ...] = (
    "p", "p_prev", "p_next", "p_prev2", "p_next2", "p_window_3", "p_window_10",
    "kept_before", "kept_after",
)


def context_features(probs: list[float]) -> list[list[float]]:
    """Per line: the first-stage probabilities of the line and its neighbourhood."""
    n = len(probs)
    cum = [0.0]
    for q in probs:
        cum.append(cum[-1] + q)
    hi = [0]
    for q in probs:
        hi.append(hi[-1] + (q >= 0.5))
    total_hi = max(hi[-1], 1)

    def window(k: int, a: int) -> float:
        lo, up = max(0, k - a), min(n, k + a + 1)
        return (cum[up] - cum[lo]) / (up - lo)

    def at(k: int) -> float:
        return probs[k] if 0 <= k < n else 0.0

    return [[probs[k], at(k - 1), at(k + 1), at(k - 2), at(k + 2), window(k, 3), window(k, 10),
             hi[k] / total_hi, (hi[n] - hi[k + 1]) / total_hi] for k in range(n)]
