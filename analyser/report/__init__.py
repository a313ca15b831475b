"""The HTML report: one self-contained page comparing the sources.

:func:`write_report` renders the template with plotly.js embedded once, every untrusted
string escaped by jinja2's autoescape, and data handed to the page script as JSON (never as
markup); article views are stored compressed and the script builds one on demand with
``textContent`` only.

The charts are plain functions listed in :mod:`analyser.report.figures`, each
``chart(corpus, sources=None) -> plotly Figure``, so a notebook can draw them from a
:class:`~analyser.Corpus`: ``grade_by_formula``, ``sentence_grades``,
``findings_by_category``, ``phrase_heatmap``, ``novelty_curves``, ``readability_vs_filler``,
``padding_breakdown``, and ``outlet_effects_chart`` (outlets compared on the stories they
share). ``figures.source_labels(articles)`` gives the source each article is
compared under, and ``figures.category_rates(corpus)`` the findings chart's rates (the
scorecard's definitions).

Modules: :mod:`~analyser.report.style` (colours, layout, labels),
:mod:`~analyser.report.sources` (what is compared), :mod:`~analyser.report.frames` (what
the charts read), the charts (:mod:`~analyser.report.grade_charts`,
:mod:`~analyser.report.findings_charts`, :mod:`~analyser.report.padding_charts`,
:mod:`~analyser.report.story_charts`), :mod:`~analyser.report.data` (the page model:
scorecard and article list), :mod:`~analyser.report.views` (the article views, stored
compressed and inflated on demand), :mod:`~analyser.report.collect` (what the report
keeps of a corpus, collected one article at a time), :mod:`~analyser.report.story_data`
(the "Same story, different outlets" section) and :mod:`~analyser.report.render` (the
page).
"""

from __future__ import annotations

from . import figures
from .frames import NoData
from .render import default_report_path, render_report, write_report
from .sources import source_labels

__all__ = [
    "NoData", "default_report_path", "figures", "render_report", "source_labels",
    "write_report",
]
