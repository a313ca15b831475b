"""The analyser's classic formulas next to textstat's, as the Markdown block in
docs/readability.md.

    python benchmarks/formula_table.py

Texts: the four seed pages (``seeds/*.txt``, cleaned as ``analyser report`` cleans them)
and three short texts written for this table (below; no licensed text). Two tables, each
cell "analyser / textstat 0.7.13":

1. textstat given the whole cleaned text, headings, lists and bylines included (what a
   user of textstat would do);
2. for the seeds only, textstat given the analyser's prose sentences alone (one paragraph
   a line), so that what remains of a difference comes from counting, not from which
   text is read. (Texts A-C are all prose, so their column would repeat table 1.)

The count rows (letters, polysyllables, complex and difficult words) are the inputs of the
formulas below them, so each difference in a formula can be traced to a count. Prints the
block that sits between the ``formula-table`` markers in docs/readability.md;
tests/metrics/test_formula_doc.py regenerates it and fails when the committed copy is stale.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SEEDS = REPO / "seeds"

#: Short texts written for this table: each shows one way the counts differ.
OWN_TEXTS = {
    "A plain": (
        "The cat sat on the mat. It was a warm day. The sun was out. A dog came by. "
        "The cat did not move. The dog sat down too. They both went to sleep."
    ),
    "B brief": (
        "Police arrested a man in Leeds on Friday. He resisted. Mr. Patel, 42, was held "
        "overnight and released on bail. Officers in the U.S. state of Ohio had asked for "
        "help with the case, which began in 2019. Nobody died. A spokesman said the "
        "force would not comment further while inquiries continued."
    ),
    "C dense": (
        "Everybody in the family agreed that the new library was beautiful. Anybody could "
        "understand why. Nevertheless, the municipality's long-term redevelopment strategy, "
        "approved after considerable deliberation by the cross-party infrastructure "
        "committee, envisages a substantially reorganised administrative framework, in "
        "which responsibility for maintenance, procurement and community engagement is "
        "transferred to an independent not-for-profit organisation. Consultation documents "
        "indicate that comparable arrangements elsewhere have produced inconsistent "
        "outcomes, particularly where accountability mechanisms were insufficiently "
        "specified at the outset. Councillors have nevertheless characterised the proposal "
        "as an unprecedented opportunity to revitalise neglected neighbourhoods, "
        "notwithstanding reservations expressed by residents' associations regarding "
        "transparency, affordability and the long-term sustainability of the governance "
        "model."
    ),
}

#: (row label, the analyser's count or score, textstat's function and keyword arguments,
#: digits). Counts first, then the formulas that use them.
ROWS = (
    ("sentences", "sentences", ("sentence_count", {}), 0),
    ("words", "words", ("lexicon_count", {}), 0),
    ("syllables", "syllables", ("syllable_count", {}), 0),
    ("letters (Coleman–Liau; textstat: letter_count)", "letters", ("letter_count", {}), 0),
    ("characters for ARI (textstat: char_count, punctuation included)", "letters",
     ("char_count", {}), 0),
    ("words for ARI (textstat: lexicon_count, removepunct=False)", "words",
     ("lexicon_count", {"removepunct": False}), 0),
    ("polysyllables, 3+ syllables (SMOG)", "polysyllables", ("polysyllabcount", {}), 0),
    ("complex words (Fog; textstat: 3+ syllables, not on the easy list)", "complex_words",
     ("difficult_words", {"syllable_threshold": 3, "unique": False}), 0),
    ("difficult words (Dale–Chall; textstat: not on the easy list)", "difficult_words",
     ("difficult_words", {"syllable_threshold": 0, "unique": False}), 0),
    ("flesch_reading_ease", "flesch_reading_ease", ("flesch_reading_ease", {}), 1),
    ("flesch_kincaid_grade", "flesch_kincaid_grade", ("flesch_kincaid_grade", {}), 1),
    ("gunning_fog", "gunning_fog", ("gunning_fog", {}), 1),
    ("smog_index", "smog_index", ("smog_index", {}), 1),
    ("coleman_liau_index", "coleman_liau_index", ("coleman_liau_index", {}), 1),
    ("automated_readability_index", "automated_readability_index",
     ("automated_readability_index", {}), 1),
    ("dale_chall (textstat: dale_chall_readability_score)", "dale_chall",
     ("dale_chall_readability_score", {}), 2),
    ("dale_chall_grade (textstat: none)", "dale_chall_grade", None, 1),
    ("linsear_write (textstat: first 100 words, its default)", "linsear_write",
     ("linsear_write_formula", {}), 1),
    ("linsear_write (textstat: whole text, strict_upper=False)", "linsear_write",
     ("linsear_write_formula", {"strict_upper": False}), 1),
    ("consensus_grade (textstat: text_standard)", "consensus_grade",
     ("text_standard", {"float_output": True}), 1),
)

#: The formulas the readability family reports, each of which must have a row above
#: (tests/metrics/test_formula_doc.py checks it against analyser.metrics.readability).
FORMULA_ROWS = tuple(ours for _, ours, _, digits in ROWS if digits > 0)


def texts() -> list[tuple[str, str, bool]]:
    """(column label, text, clean it first) for every column of the table."""
    out = [(f"seed {p.name[:3]}", p.read_text(encoding="utf-8"), True)
           for p in sorted(SEEDS.glob("*.txt"))]
    out += [(label, text, False) for label, text in OWN_TEXTS.items()]
    return out


def _ours(text: str, clean: bool) -> tuple[str, str, dict[str, float]]:
    """The analysed text (cleaned when asked), its prose sentences (one paragraph a line)
    and the analyser's scores with the counts behind them."""
    from analyser import analyse_text
    from analyser.document import parse
    from analyser.metrics.readability import count

    a = analyse_text(text, clean=clean)
    doc = parse(a.text, [p["kind"] for p in a.paragraphs])
    c = count(doc, doc.prose_sentences)
    scores = dict(a.scores)
    assert (c.words, c.sentences) == (scores["words"], scores["sentences"])
    scores.update(syllables=c.syllables, letters=c.letters, polysyllables=c.polysyllables,
                  complex_words=c.complex_words, difficult_words=c.difficult_words)
    paragraphs: dict[int, list[str]] = {}
    for s in doc.prose_sentences:
        paragraphs.setdefault(s.paragraph, []).append(doc.text[s.start:s.end])
    prose = "\n".join(" ".join(p) for p in paragraphs.values())
    return a.text, prose, scores


def _textstat(text: str) -> dict[str, float | None]:
    import textstat

    out: dict[str, float | None] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for row_label, _, spec, _ in ROWS:
            if spec is None:
                out[row_label] = None
            else:
                name, kwargs = spec
                out[row_label] = float(getattr(textstat, name)(text, **kwargs))
    return out


def _cell(value: float | None, digits: int) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}"


def _markdown(columns: list[tuple[str, dict, dict]]) -> list[str]:
    lines = ["| analyser / textstat | " + " | ".join(c[0] for c in columns) + " |",
             "| --- |" + " ---: |" * len(columns)]
    for row_label, ours_name, _, digits in ROWS:
        cells = [f"{_cell(float(s[ours_name]), digits)} / {_cell(t[row_label], digits)}"
                 for _, s, t in columns]
        lines.append(f"| {row_label} | " + " | ".join(cells) + " |")
    return lines


def table() -> str:
    """The Markdown block for docs/readability.md (two tables, then the texts written for
    them)."""
    from analyser.resources import ensure_nltk_cmudict

    ensure_nltk_cmudict()  # textstat's CMUdict, built offline

    whole, prose_only = [], []
    for label, raw, clean in texts():
        text, prose, scores = _ours(raw, clean)
        whole.append((label, scores, _textstat(text)))
        if clean:
            prose_only.append((label, scores, _textstat(prose)))

    lines = ["**Table 1.** textstat reads the whole cleaned text.", ""]
    lines += _markdown(whole)
    lines += ["", "**Table 2.** textstat reads only the sentences this tool counts as prose.",
              ""]
    lines += _markdown(prose_only)
    lines += ["", "The texts written for these tables:", ""]
    for label, text in OWN_TEXTS.items():
        lines.append(f"* **{label}**: {text}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(table())
