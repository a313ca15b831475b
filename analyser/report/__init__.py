"""The HTML report: one self-contained page comparing the sources.

:func:`write_report` renders the template with plotly.js embedded once, every untrusted
string escaped by jinja2's autoescape, and data handed to the page script as JSON (never as
markup); the script builds the article views on demand with ``textContent`` only.

The charts are plain functions in :mod:`analyser.report.figures`, each
``chart(corpus, sources=None) -> plotly Figure``, so a notebook can draw them from a
:class:`~analyser.Corpus` (or any object with ``.articles``, ``.sentences`` and
``.findings`` frames): ``grade_by_formula``, ``sentence_grades``, ``findings_by_category``,
``phrase_heatmap``, ``novelty_curves``, ``readability_vs_filler``, ``padding_breakdown``.
``figures.source_labels(articles)`` gives the source each article is compared under, and
``figures.category_rates(corpus)`` the findings chart's rates (the scorecard's definitions).
"""

from __future__ import annotations

from . import figures
from .figures import NoData, source_labels
from .render import default_report_path, render_report, write_report

__all__ = [
    "NoData", "default_report_path", "figures", "render_report", "source_labels",
    "write_report",
]
