"""The HTML report: one self-contained page comparing the sources.

:func:`write_report` renders the template with plotly.js embedded once, article text
escaped by jinja2's autoescape, and data handed to scripts as JSON (never as markup).
"""

from __future__ import annotations

from .render import default_report_path, render_report, write_report

__all__ = ["default_report_path", "render_report", "write_report"]
