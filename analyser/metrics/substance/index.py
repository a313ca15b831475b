"""Where the tokens the substance family looks at sit in a document, found once per
document and shared by its sentences."""

from __future__ import annotations

import bisect

from ...document import Document, Sentence, Token
from .vocabulary import VERB_WORDS

#: Marks after which a capital opens a quotation or an aside, as at a sentence start.
_OPENERS = frozenset({'"', ":", "“", "‘", "(", "[", "—", "–", "'"})


class TokenIndex:
    """Where the tokens that matter here sit (token indices, ascending), found in one pass
    per document: capitalised words, speech verbs and "according", numbers; and every
    token's start offset. Most tokens are none of these, so each sentence visits only
    its own few (:meth:`within`)."""

    __slots__ = ("caps", "verbs", "numbers", "starts")

    def __init__(self, doc: Document) -> None:
        toks = doc.tokens
        self.starts = [t.start for t in toks]
        caps: list[int] = []
        verbs: list[int] = []
        numbers: list[int] = []
        # one pass, punctuation skipped (no speech verb or name is a mark), a form's two
        # tests answered once per form
        get = _FORM_FLAGS.get
        for k, t in enumerate(toks):
            kind = t.kind
            if kind == "punct":
                continue
            if kind == "number":
                numbers.append(k)
            text = t.text
            cap, verb = get(text) or _form_flags(text)
            if cap and kind == "word":
                caps.append(k)
            if verb:
                verbs.append(k)
        self.caps, self.verbs, self.numbers = caps, verbs, numbers

    @staticmethod
    def within(indices: list[int], s: Sentence) -> list[int]:
        """The indices inside sentence ``s``."""
        return indices[bisect.bisect_left(indices, s.token_start):
                       bisect.bisect_left(indices, s.token_end)]


#: (capitalised, a speech verb) by token form (bounded: endless distinct forms cannot
#: grow it without limit).
_FORM_FLAGS: dict[str, tuple[bool, bool]] = {}
_FORM_FLAGS_MAX = 200_000


def _form_flags(text: str) -> tuple[bool, bool]:
    flags = (text[:1].isupper(), text.lower() in VERB_WORDS)
    if len(_FORM_FLAGS) < _FORM_FLAGS_MAX:
        _FORM_FLAGS[text] = flags
    return flags


def token_index(doc: Document) -> TokenIndex:
    """The document's :class:`TokenIndex`, built on first use."""
    return doc.derived("substance_token_index", TokenIndex)


def position(doc: Document, s: Sentence, t: Token) -> int:
    """The index of token ``t`` of sentence ``s`` in ``doc.tokens`` (tokens have distinct
    start offsets)."""
    k = bisect.bisect_left(token_index(doc).starts, t.start)
    return k if s.token_start <= k < s.token_end and doc.tokens[k] is t else s.token_start


def sentence_starts(doc: Document, s: Sentence) -> set[int]:
    """Token indices where a sentence (or a quotation inside it) starts: capitals there
    say nothing about names. Computed once per document for all its sentences."""
    return doc.derived("substance_starts", _all_starts)[s.index]


def _all_starts(doc: Document) -> list[set[int]]:
    out: list[set[int]] = []
    for s in doc.sentences:
        starts: set[int] = set()
        prev_open = True
        for k in range(s.token_start, s.token_end):
            t = doc.tokens[k]
            if t.kind == "punct":
                prev_open = prev_open or t.text in _OPENERS
                continue
            if prev_open:
                starts.add(k)
            prev_open = False
        out.append(starts)
    return out
