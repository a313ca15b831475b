"""The article views' data, compressed, and the article list the page starts from.

Each article's view (its text, paragraph, sentence and quote spans, findings, removed
furniture, and its metadata as the view shows it) is one JSON record. Records go into
blocks of up to :data:`BLOCK_RECORDS`; each block is deflated (zlib) and base64-encoded,
and the page inflates a block only when an article in it is opened
(``DecompressionStream``), so that a large corpus costs little at load time.

A record whose *body* (text and everything drawn over it) equals an earlier article's,
byte for byte — a wire story run unchanged by several outlets, a page read twice — keeps
its own metadata and points to the earlier body instead of storing it again.

Blocks are kept in a temporary file while the corpus streams through, so memory does not
grow with the corpus. The stored blocks are capped at :data:`MAX_VIEW_CHARS` characters:
past the cap an article is still listed, scored and charted, but its view is not stored
(the page says how many are).

Untrusted text stays data: records are JSON, parsed with ``JSON.parse`` in the page and
drawn with ``textContent`` only.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import tempfile
import zlib
from array import array
from collections.abc import Iterator
from typing import Any

from ..analysis import Analysis
from ..catalog import CATEGORY_NAMES
from ..metrics.grade import BANDS
from ..models import BLOCK_KINDS
from .style import short_title, whole_grade

#: A sentence's band (``sentence_band``) as the page script reads it: 0 fine, 1 hard, 2 very hard.
BAND_INDEX = {band: i for i, band in enumerate(BANDS)}
#: Records per compressed block (the page inflates a whole block to open one article).
BLOCK_RECORDS = 32
#: A view reference is ``block * REF_BASE + position``; -1 when the view is not stored.
REF_BASE = 1024
#: Characters of stored (compressed, base64) views at most: 20 MB, so that a page with
#: plotly.js (5 MB) and the list of some 20,000 articles stays under 30 MB.
MAX_VIEW_CHARS = 20_000_000


def _finite(value: Any) -> float | None:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


class StringTable:
    """A string table: each distinct string stored once, referred to by index."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.index: dict[str, int] = {}

    def __call__(self, s: str) -> int:
        s = s or ""
        i = self.index.get(s)
        if i is None:
            i = self.index[s] = len(self.items)
            self.items.append(s)
        return i


class Tables:
    """The page-wide tables the records index into: categories and rule codes (the
    messages, which may quote the article, are kept per block)."""

    def __init__(self) -> None:
        self.categories = list(CATEGORY_NAMES)
        self.codes = StringTable()

    def category(self, name: str) -> int:
        if name not in self.categories:  # one the catalogue does not declare joins the legend
            self.categories.append(name)
        return self.categories.index(name)


def view_body(a: Analysis, tables: Tables) -> dict[str, Any]:
    """What the view draws over the text: ``text``; ``p`` a flat list of ``start, end,
    kind``; ``s`` of ``start, end, band, grade`` (grade -1 when unknown); ``q`` of
    ``start, end``; ``f`` of 9-tuples ``start, end, category, code, message, suggestion,
    sentence, related_sentence, in_quote`` (category and code are indices into
    :class:`Tables`, message and suggestion indices into the block's ``strings`` once
    stored; -1 = none); ``removed`` the furniture as ``[text, reason]``."""
    return {"text": a.text, "p": _paragraph_spans(a), "s": _sentence_bands(a),
            "q": [int(v) for span in a.quotes for v in span],
            "f": _finding_tuples(a, tables),
            "removed": [[r.text, r.reason] for r in a.removed]}


def _finding_tuples(a: Analysis, tables: Tables) -> list[int]:
    f: list[int] = []
    for x in a.findings:
        related = -1 if x.related_sentence is None else int(x.related_sentence)
        f += [x.start, x.end, tables.category(x.category), tables.codes(x.code),
              x.message or "", x.suggestion or "", int(x.sentence), related,
              int(bool(x.in_quote))]
    return f


def _sentence_bands(a: Analysis) -> list[int]:
    # The grade is a whole grade rounded as the hard-sentence messages round it
    # (style.whole_grade), so that the tooltip and the finding say the same number.
    s: list[int] = []
    for row in a.sentences:
        band = BAND_INDEX.get(str(row.get("sentence_band") or "fine"), 0)
        grade = _finite(row.get("sentence_grade"))
        s += [int(row["start"]), int(row["end"]), band,
              whole_grade(grade) if grade is not None else -1]
    return s


def _paragraph_spans(a: Analysis) -> list[int]:
    p: list[int] = []
    for para in a.paragraphs:
        kind = para.get("kind", "prose")
        p += [int(para["start"]), int(para["end"]),
              BLOCK_KINDS.index(kind) if kind in BLOCK_KINDS else 0]
    return p


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


class ViewStore:
    """Compressed article views, a block at a time, in a temporary file."""

    def __init__(self, max_chars: int = MAX_VIEW_CHARS,
                 block_records: int = BLOCK_RECORDS) -> None:
        self.block_records = min(block_records, REF_BASE)
        self.file = tempfile.TemporaryFile()
        self.ends = array("q", [0])
        self.max_chars, self.chars = max_chars, 0
        self.full = False
        self.bodies: dict[bytes, int] = {}  # body digest -> ref of the record holding it
        self.pending: list[dict[str, Any]] = []
        self.pending_bodies: dict[bytes, int] = {}
        self.strings = StringTable()  # the pending block's messages
        self.refs = array("q")  # per article added: its ref, -1 when not stored
        self.stored = 0
        self.reused = 0

    def add(self, meta: dict[str, Any], body: dict[str, Any]) -> None:
        """Add one article's view: ``meta`` (title, outlet, ...) and ``body``
        (:func:`view_body`)."""
        if self.full:
            self.refs.append(-1)
            return
        text = _dumps(body)
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        ref = self.bodies.get(digest, self.pending_bodies.get(digest))
        record = dict(meta)
        if ref is None:
            f = list(body["f"])
            for k in range(0, len(f), 9):  # messages as indices into the block's strings
                f[k + 4], f[k + 5] = self.strings(f[k + 4]), self.strings(f[k + 5])
            record["body"] = {**body, "f": f}
            self.pending_bodies[digest] = self._next_ref()
        else:
            record["same"] = ref
            self.reused += 1
        self.refs.append(self._next_ref())
        self.pending.append(record)
        if len(self.pending) >= self.block_records:
            self.flush()

    def _next_ref(self) -> int:
        return (len(self.ends) - 1) * REF_BASE + len(self.pending)

    def flush(self) -> None:
        """Compress and store the pending records as one block (or drop them past the cap)."""
        if not self.pending:
            return
        data = {"strings": self.strings.items, "records": self.pending}
        block = base64.b64encode(zlib.compress(_dumps(data).encode("utf-8"), 9))
        n = len(self.pending)
        if self.chars + len(block) > self.max_chars:
            self.full = True
            for k in range(len(self.refs) - n, len(self.refs)):
                self.refs[k] = -1
        else:
            self.file.seek(0, 2)
            self.file.write(block)
            self.chars += len(block)
            self.ends.append(self.ends[-1] + len(block))
            self.bodies.update(self.pending_bodies)
            self.stored += n
        self.pending, self.pending_bodies, self.strings = [], {}, StringTable()

    def blocks(self) -> Iterator[str]:
        """The stored blocks (base64 text), in order."""
        self.flush()
        self.file.flush()
        for k in range(len(self.ends) - 1):
            self.file.seek(self.ends[k])
            yield self.file.read(self.ends[k + 1] - self.ends[k]).decode("ascii")

    def close(self) -> None:
        self.file.close()


def view_meta(a: Analysis, texts: list[str]) -> dict[str, Any]:
    """The view's header: title, outlet, URL (http(s) only), date, source file, and the
    article's scorecard values as the scorecard writes them (``t``)."""
    from .data import safe_url

    return {"title": a.title or "", "outlet": a.outlet or "", "url": safe_url(a.url),
            "published": a.published or "", "source": a.source or "", "t": texts}


def index_short(a: Analysis) -> str:
    """The article's name in the list."""
    return short_title(a.title or a.id, 80)


def decode_block(block: str) -> dict[str, Any]:
    """One stored block: ``{"strings": [...], "records": [...]}`` (what the page script
    inflates)."""
    return json.loads(zlib.decompress(base64.b64decode(block)).decode("utf-8"))


def page_articles(page: dict[str, Any]) -> list[dict[str, Any]]:
    """Every article of a report's page data as one dict (list entry and view merged; no
    view keys when the view is not stored): what the page script shows, for tests and
    tools that read a report."""
    index = page["index"]
    blocks = [decode_block(b) for b in page["views"]]
    k = len(page["measures"])
    labels = [s["label"] for s in page["sources"]]
    out = []
    for n, ident in enumerate(index["id"]):
        art: dict[str, Any] = {
            "id": ident, "short": index["short"][n], "label": labels[index["src"][n]],
            "named": page["outlets"][index["named"][n]], "v": index["v"][n * k:(n + 1) * k],
        }
        ref = index["view"][n]
        if ref >= 0:
            record = dict(blocks[ref // REF_BASE]["records"][ref % REF_BASE])
            holder = record.pop("same", ref)
            record.pop("body", None)
            block = blocks[holder // REF_BASE]
            body = block["records"][holder % REF_BASE]["body"]
            art.update(record)
            art.update(body)
            art["strings"] = block["strings"]
            # The view's values are kept for every scorecard measure: those of the page's.
            art["t"] = [record["t"][m["k"]] for m in page["measures"]]
        out.append(art)
    return out
