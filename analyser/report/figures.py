"""The report's charts: which are drawn, in page order, and the caption of each.

Every chart is a function ``chart(corpus, sources=None) -> plotly.graph_objects.Figure``
where ``corpus`` is an :class:`analyser.Corpus`, or any object with the frames
``.articles``, ``.sentences`` and ``.findings`` (a ``types.SimpleNamespace`` of filtered
frames, say) and, for the charts that rate findings per 1,000 of the writer's own words
(``findings_by_category``, ``phrase_heatmap``), the ``.analyses`` they come from.
``sources`` maps article id -> the source label it is compared under (default:
:func:`source_labels`). A chart whose data is missing (nothing was found, or a column is
absent) raises :class:`NoData`; the report then leaves it out.

With one article per source the charts show each article; with many articles per source
(corpus mode) they show distributions per source: means with 95% intervals, boxes, and
pooled rates.

Every mark carries ``customdata`` ``"a:<article id>"`` (or ``"a:<id>:<sentence>"``) or
``"o:<source label>"``, so the report can open the article (or the source's article list)
that a click lands on.
"""

from __future__ import annotations

from .findings_charts import (
    category_rates,
    findings_by_category,
    phrase_heatmap,
    readability_vs_filler,
)
from .frames import NoData, NotApplicable
from .grade_charts import grade_by_formula, grade_distribution, sentence_grades
from .padding_charts import novelty_curves, padding_breakdown, padding_distribution
from .sources import source_labels
from .story_charts import outlet_effects_chart
from .trend_charts import measure_trends

__all__ = [
    "CHARTS", "CORPUS_CAPTIONS", "CORPUS_ONLY", "NEEDS_DATES", "NoData", "NotApplicable", "caption",
    "category_rates", "findings_by_category", "grade_by_formula", "grade_distribution",
    "measure_trends", "novelty_curves", "outlet_effects_chart", "padding_breakdown",
    "padding_distribution",
    "phrase_heatmap", "readability_vs_filler", "sentence_grades", "source_labels",
]

#: The "Same story, different outlets" section draws :func:`outlet_effects_chart` (outlets
#: compared on the stories they share) on its own, when some story is shared.

#: Every chart of the report, in page order: (id, function, caption saying what to look for).
CHARTS = [
    ("grade-distribution", grade_distribution,
     "How an outlet's articles spread: a violin sitting higher is harder to read; the "
     "diamond and its bar are the mean and its 95% interval."),
    ("padding-distribution", padding_distribution,
     "Outlets whose violins sit higher pad more; dots are the most padded articles "
     "(hover for the title, click to open)."),
    ("grade-by-formula", grade_by_formula,
     "Look for a source whose bars stand above the others on every formula: then the "
     "formulas agree it is harder to read, whatever their differences."),
    ("sentence-grades", sentence_grades,
     "Each dot is a sentence (hover to read it, click to open it): a tall spread means a "
     "source mixes easy lines with very hard ones."),
    ("findings-by-category", findings_by_category,
     "Taller stacks mean more to cut per 1,000 words; the colours say what kind (hard "
     "sentences are in the legend, switched off). The rates are the scorecard's: per "
     "1,000 of the writer's own words, quoted speech left out; repetition and hard "
     "sentences, which have no score of their own, are counted the same way."),
    ("phrase-heatmap", phrase_heatmap,
     "Dark cells are a source's verbal tics: the fillers and hedges it leans on most "
     "(numbers are counts in the writer's own words; quoted speech is left out)."),
    ("novelty-curves", novelty_curves,
     "A curve that flattens early is a piece that has stopped saying new things; the rest "
     "is restatement."),
    ("readability-vs-filler", readability_vs_filler,
     "Top right is hard to read and padded; bottom left is plain and tight. Click a bubble "
     "to open its article."),
    ("padding-breakdown", padding_breakdown,
     "Longer bars show which kind of padding lifts a source's padding index."),
    ("measure-trends", measure_trends,
     "Each outlet's mean by period, with its 95% band (mean ± 1.96 standard errors of the "
     "period's articles; no band for one article). Choose the measure in the menu. Topics "
     "change with time too: a step shared by every outlet is the news, not the writing."),
]

#: Charts drawn only in corpus mode (they raise NotApplicable when each source is one article).
CORPUS_ONLY = frozenset({"grade-distribution", "padding-distribution", "measure-trends"})
#: Charts drawn only when the articles' dates span two periods or more (else NotApplicable).
NEEDS_DATES = frozenset({"measure-trends"})

#: Captions that read differently when sources are outlets of many articles (corpus mode).
CORPUS_CAPTIONS = {
    "findings-by-category":
        "Taller stacks mean more to cut per 1,000 words (hard sentences are in the legend, "
        "switched off). Each bar is the mean of the outlet's article rates, as in the "
        "scorecard: per 1,000 of the writer's own words, quoted speech left out; "
        "repetition and hard sentences, which have no score of their own, are counted the "
        "same way.",
    "grade-by-formula":
        "Bars are each outlet's mean with its 95% interval: look for an outlet above the "
        "others on every formula.",
    "sentence-grades":
        "Boxes show each outlet's spread of sentence grades (dashed: mean ± sd); the dots are "
        "its hardest sentences: hover to read one, click to open its article.",
    "novelty-curves":
        "Each sentence should bring new content words; a line that sinks towards zero marks "
        "the point where an outlet's pieces stop saying new things (shaded: 95% band of the "
        "mean).",
    "readability-vs-filler":
        "One bubble per article. Top right is hard to read and padded; bottom left is plain "
        "and tight. Click a bubble to open its article.",
}


def caption(chart_id: str, grouped: bool) -> str:
    """The caption of a chart of :data:`CHARTS`, for per-article or corpus mode."""
    if grouped and chart_id in CORPUS_CAPTIONS:
        return CORPUS_CAPTIONS[chart_id]
    return next(c for i, _, c in CHARTS if i == chart_id)
