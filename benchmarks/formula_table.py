"""The analyser's classic formulas next to textstat's, as the Markdown table in
docs/readability.md.

    python benchmarks/formula_table.py

Texts: the four seed pages (``seeds/*.txt``, cleaned as ``analyser report`` cleans them;
textstat gets the same cleaned text, headings and all) and three short texts written for
this table (below; no licensed text). Each cell is "analyser / textstat 0.7.13". Prints the
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

#: (row label, the analyser's score, textstat's function and keyword arguments, digits).
ROWS = (
    ("sentences", "sentences", ("sentence_count", {}), 0),
    ("words", "words", ("lexicon_count", {}), 0),
    ("syllables", "syllables", ("syllable_count", {}), 0),
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


def texts() -> list[tuple[str, str, bool]]:
    """(column label, text, clean it first) for every column of the table."""
    out = [(f"seed {p.name[:3]}", p.read_text(encoding="utf-8"), True)
           for p in sorted(SEEDS.glob("*.txt"))]
    out += [(label, text, False) for label, text in OWN_TEXTS.items()]
    return out


def _ours(text: str, clean: bool) -> tuple[str, dict[str, float]]:
    """The analysed text (cleaned when asked) and the analyser's scores, with the
    syllable total (not a score of its own) recovered from syllables per word."""
    from analyser import analyse_text

    a = analyse_text(text, clean=clean)
    scores = dict(a.scores)
    scores["syllables"] = round(scores["syllables_per_word"] * scores["words"])
    return a.text, scores


def _cell(value: float | None, digits: int) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}"


def table() -> str:
    """The Markdown block for docs/readability.md (table, then the texts written for it)."""
    from analyser.resources import ensure_nltk_cmudict

    ensure_nltk_cmudict()  # textstat's CMUdict, built offline
    import textstat

    columns = []
    for label, raw, clean in texts():
        text, scores = _ours(raw, clean)
        theirs: dict[str, float | None] = {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for row_label, _, spec, _ in ROWS:
                if spec is None:
                    theirs[row_label] = None
                else:
                    name, kwargs = spec
                    theirs[row_label] = float(getattr(textstat, name)(text, **kwargs))
        columns.append((label, scores, theirs))

    lines = ["| analyser / textstat | " + " | ".join(c[0] for c in columns) + " |",
             "| --- |" + " ---: |" * len(columns)]
    for row_label, ours_name, _, digits in ROWS:
        cells = [f"{_cell(float(s[ours_name]), digits)} / {_cell(t[row_label], digits)}"
                 for _, s, t in columns]
        lines.append(f"| {row_label} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("The texts written for this table:")
    lines.append("")
    for label, text in OWN_TEXTS.items():
        lines.append(f"* **{label}**: {text}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(table())
