"""Writer's-language and passive findings scored against hand-marked spans in real copy
(issue 14): per category, gold spans, findings, precision, recall and F1, and the share
of the writer's own warning-level findings that an editor would act on.

    python benchmarks/annotated_eval.py                  # the held-out part (the default)
    python benchmarks/annotated_eval.py --part tune      # the part rules may be tuned on
    python benchmarks/annotated_eval.py --part tune --show fp hedge   # tune only: the
                                                         # false positives, in context
    python benchmarks/annotated_eval.py --origin held2   # only rows whose origin starts so
    python benchmarks/annotated_eval.py --not-origin held2   # all rows but those

The set (``benchmarks/annotations/language_sentences.csv`` and ``language_spans.csv``, see
``benchmarks/annotations/README.md`` and the guide ``docs/annotation.md``) holds only ids,
offsets and hashes; the texts are read from ``../shared/data``. Without them the script
says so and exits 0.

How it scores. Each article is analysed whole, as the offsets assume:
``analyse_text(text)`` on the corpus row's ``text`` (BBC, outlets) or the ground truth's
``articleBody`` (WCXB, Scrapinghub), unchanged and uncleaned. Only findings that overlap an
annotated sentence count; the other sentences of the article were not annotated.

* **Matching**: a finding *matches* a gold span when both have the same category and their
  character ranges overlap (``f.start < g.end and g.start < f.end``). Precision is the
  share of findings that match at least one gold span; recall is the share of gold spans
  matched by at least one finding (so one finding over two adjacent gold spans finds both,
  and two findings over one gold span are both correct). F1 is their harmonic mean.
* **Editor-worthy share** (``worthy``): of the findings at level ``warning`` that are not
  in a quotation (``Finding.in_quote`` false: the writer's own words as the analyser sees
  them), the share that overlap a gold span of the same category marked
  ``editor_worthy = yes``. A warning on a quoted span, on a span an editor would keep, or
  on no gold span at all counts against it.
* ``R(ew)``: recall over the gold spans an editor would act on (``editor_worthy = yes``).

Passive findings are suggestions, so passive has no ``worthy`` figure unless the rules
make some of them warnings. Tune on ``--part tune`` only; report ``--part heldout``.
``--show`` prints sentences and is refused on the held-out part.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from language_annotations import CATEGORIES, SHARED, load_set  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PARTS = ("tune", "heldout", "all")
LANGUAGE = CATEGORIES[:-1]  # every category but passive


@dataclass(frozen=True)
class Span:
    """A gold span or a finding, reduced to what the scorer compares."""

    key: tuple[str, str]  # (set, article_id)
    start: int
    end: int
    category: str
    worthy: bool = False  # gold: editor_worthy; finding: unused
    quoted: bool = False  # gold: in_quote; finding: Finding.in_quote
    level: str = ""       # finding only
    code: str = ""        # finding only


def overlaps(a: Span, b: Span) -> bool:
    """Same article, same category and intersecting character ranges."""
    return a.key == b.key and a.category == b.category and a.start < b.end and b.start < a.end


@dataclass
class Score:
    """One category's counts and the figures derived from them."""

    gold: int = 0
    found: int = 0
    correct: int = 0      # findings that match a gold span
    recalled: int = 0     # gold spans matched by a finding
    gold_worthy: int = 0
    recalled_worthy: int = 0
    warnings: int = 0     # warning-level findings outside quotations
    worthy: int = 0       # ... of them on an editor-worthy gold span

    @property
    def precision(self) -> float | None:
        return self.correct / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.recalled / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def recall_worthy(self) -> float | None:
        return self.recalled_worthy / self.gold_worthy if self.gold_worthy else None

    @property
    def worthy_share(self) -> float | None:
        return self.worthy / self.warnings if self.warnings else None

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score(gold: list[Span], found: list[Span], category: str) -> Score:
    """Counts for one category (see the module docstring for the matching rule)."""
    g = [s for s in gold if s.category == category]
    f = [s for s in found if s.category == category]
    by_article: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for s in g:
        by_article[s.key].append(s)
    out = Score(gold=len(g), found=len(f), gold_worthy=sum(s.worthy for s in g))
    hit_gold: set[Span] = set()
    for finding in f:
        hits = [s for s in by_article.get(finding.key, ()) if overlaps(finding, s)]
        out.correct += bool(hits)
        hit_gold.update(hits)
        if finding.level == "warning" and not finding.quoted:
            out.warnings += 1
            out.worthy += any(s.worthy for s in hits)
    out.recalled = len(hit_gold)
    out.recalled_worthy = sum(s.worthy for s in hit_gold)
    return out


def in_sentences(finding: Span, sentences: dict[tuple[str, str], list[tuple[int, int]]]) -> bool:
    """Whether a finding overlaps one of the annotated sentences of its article."""
    return any(finding.start < e and s < finding.end for s, e in sentences.get(finding.key, ()))


def collect(shared: Path, part: str, origin: tuple[str, ...] = (),
            not_origin: tuple[str, ...] = ()) -> tuple[list[Span], list[Span], dict, dict]:
    """(gold, found, sentences by article, texts): the part's gold spans and the analyser's
    findings of every category on its annotated sentences; with ``origin`` only rows whose
    origin starts with one of them, with ``not_origin`` none whose origin does."""
    from analyser import analyse_text

    sentences, spans, texts = load_set(shared)
    rows = [r for r in sentences if part in ("all", r["part"])
            and (not origin or r["origin"].startswith(origin))
            and not (not_origin and r["origin"].startswith(not_origin))]
    by_article: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for r in rows:
        by_article[(r["set"], r["article_id"])].append((r["start"], r["end"]))
    gold = [Span((s["set"], s["article_id"]), s["start"], s["end"], s["category"],
                 worthy=s["editor_worthy"] == "yes", quoted=s["in_quote"] == "yes")
            for s in spans if any(a <= s["start"] < b
                                  for a, b in by_article.get((s["set"], s["article_id"]), ()))]
    found: list[Span] = []
    for key in sorted(by_article):
        analysis = analyse_text(texts[key[0]][key[1]])
        for f in analysis.findings:
            if f.category not in CATEGORIES:
                continue
            span = Span(key, f.start, f.end, f.category, quoted=f.in_quote, level=f.level,
                        code=f.code)
            if in_sentences(span, by_article):
                found.append(span)
    return gold, found, by_article, texts


def _fmt(x: float | None) -> str:
    return "   —" if x is None else f"{x:.2f}"


def table(gold: list[Span], found: list[Span]) -> str:
    """The per-category table, with a row for the six language categories together."""
    head = (f"{'category':<12} {'gold':>5} {'found':>6} {'P':>5} {'R':>5} {'F1':>5} "
            f"{'R(ew)':>6} {'warn':>5} {'worthy':>7}")
    lines = [head, "-" * len(head)]
    total = Score()
    for cat in CATEGORIES:
        s = score(gold, found, cat)
        if cat in LANGUAGE:
            total.add(s)
        lines.append(f"{cat:<12} {s.gold:>5} {s.found:>6} {_fmt(s.precision):>5} "
                     f"{_fmt(s.recall):>5} {_fmt(s.f1):>5} {_fmt(s.recall_worthy):>6} "
                     f"{s.warnings:>5} {_fmt(s.worthy_share):>7}")
        if cat == LANGUAGE[-1]:
            t = total
            lines.append(f"{'language':<12} {t.gold:>5} {t.found:>6} {_fmt(t.precision):>5} "
                         f"{_fmt(t.recall):>5} {_fmt(t.f1):>5} {_fmt(t.recall_worthy):>6} "
                         f"{t.warnings:>5} {_fmt(t.worthy_share):>7}")
    return "\n".join(lines)


def show(kind: str, category: str, gold: list[Span], found: list[Span], texts: dict) -> str:
    """False positives (``fp``) or missed gold spans (``fn``) of a category, each with its
    sentence, for tuning (printed only, never stored)."""
    from analyser.document import parse

    if kind == "fp":
        items = [f for f in found if f.category == category
                 and not any(overlaps(f, g) for g in gold)]
    else:
        items = [g for g in gold if g.category == category
                 and not any(overlaps(f, g) for f in found)]
    out = []
    for s in items:
        text = texts[s.key[0]][s.key[1]]
        doc = parse(text)
        i = doc.sentence_at(s.start)
        sent = doc.sentences[i]
        mark = (text[sent.start:s.start] + "[[" + text[s.start:s.end] + "]]"
                + text[s.end:sent.end])
        tag = s.code or ("worthy" if s.worthy else "keep") + (", quoted" if s.quoted else "")
        out.append(f"{s.key[0]} {s.key[1]} {s.start}:{s.end} ({tag})\n  {mark}")
    return "\n".join(out) or "(none)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=PARTS, default="heldout")
    ap.add_argument("--shared", type=Path, default=SHARED, help="../shared/data")
    ap.add_argument("--show", nargs=2, metavar=("fp|fn", "CATEGORY"),
                    help="print false positives or misses of a category (tune part only)")
    ap.add_argument("--origin", action="append", default=[], metavar="PREFIX",
                    help="only sentence rows whose origin starts with PREFIX (repeatable)")
    ap.add_argument("--not-origin", action="append", default=[], metavar="PREFIX",
                    help="leave out sentence rows whose origin starts with PREFIX")
    args = ap.parse_args(argv)
    if args.show and (args.part != "tune" or args.show[0] not in ("fp", "fn")
                      or args.show[1] not in CATEGORIES):
        ap.error("--show takes fp|fn and a category, and only with --part tune")
    if not (args.shared / "news").is_dir() and not (args.shared / "data" / "news").is_dir():
        print(f"skipped: the shared data sets are not at {args.shared}")
        return 0
    sys.path.insert(0, str(REPO))
    gold, found, by_article, texts = collect(args.shared, args.part, tuple(args.origin),
                                             tuple(args.not_origin))
    if args.show:
        print(show(args.show[0], args.show[1], gold, found, texts))
        return 0
    n_sent = sum(len(v) for v in by_article.values())
    where = "".join(f", origin {o}*" for o in args.origin) + "".join(
        f", not origin {o}*" for o in args.not_origin)
    print(f"part {args.part}{where}: {n_sent} sentences in {len(by_article)} articles; "
          "a finding matches a gold span of its category that it overlaps")
    print(table(gold, found))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
