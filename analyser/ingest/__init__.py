"""Ingest: paths, folders, URLs and corpus files -> :class:`~analyser.models.Article` records.

:func:`iter_articles` yields an ``Article`` for every input it can read and an
:class:`IngestError` for every one it cannot, so one bad file never stops the others.
"""

from __future__ import annotations

from .sources import IngestError, iter_articles

__all__ = ["IngestError", "iter_articles"]
