"""Why a line is page furniture: the rules shared by the text-page and HTML paths.

Each removed block gets one of the removal reasons in :data:`analyser.models.REMOVAL_REASONS`.
The rules here look at one line on its own (furniture phrases, share bars, author bios, tag
clouds, comment-section headers); where a line sits on the page (before the article, after
it) is the caller's to add.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import NoArticleError
from ..models import Block, Removed
from .blocks import ends_sentence, title_case_ratio, words
from .features import furniture_reason, stopwords

#: The reason a page without an article is refused; what was removed from it follows.
NO_ARTICLE = "no article text found"
#: A sentence: at least this many words, with a full stop (or ! ? …) after one of them...
SENTENCE_WORDS = 5
#: ...or this many words without one (no headline is as long).
RUN_ON_WORDS = 20
# A full stop after a word; "..." ends a teaser cut short, not a sentence.
_SENTENCE_END = re.compile(r"\w[\"'”’»)\]]*[.!?…。！？][\"'”’»)\]]*(?:\s|$)")

_SOCIAL = frozenset(
    "share facebook twitter x pinterest linkedin email e mail reddit whatsapp copy link bluesky "
    "tumblr telegram instagram vimeo tiktok youtube flipboard rss print messenger threads "
    "mastodon google pocket sms".split()
)
_BIO = re.compile(
    r"^(?:As (?:the|a|an|our) [\w ]{0,40}(?:editor|writer|reporter|journalist|correspondent"
    r"|contributor|director) (?:at|for|of)\b"
    r"|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3} (?:is|was) an? [\w ,-]{0,60}(?:writer|reporter"
    r"|journalist|editor|correspondent|contributor|columnist|author)\b(?: (?:at|for|with)\b)?)"
    r"|\bI am dedicated to\b",
)
# Not "|": pipes separate table cells, and tables are kept.
_TAG_LIST_SPLIT = re.compile(r"\s*[,·•]\s*")
# Headers that open a comment section: the article is over below them.
_COMMENT_FORM = re.compile(
    r"^(?:leave a (?:reply|comment)|post a (?:comment|reply)|add (?:a|your) comment"
    r"|write a comment|submit a comment|comments are closed)\b",
    re.IGNORECASE,
)
_COMMENT_COUNT = re.compile(
    r"^(?:(?:\d+|no|one|two|three|four|five) (?:comments?|responses?|replies|thoughts)"
    r"(?: (?:on|to)\b.*)?|comments?(?: \(\d+\))?|reader comments|(?:show|view|read) comments"
    r"|join the (?:discussion|conversation)|have your say)\s*:?$",
    re.IGNORECASE,
)


def is_share_bar(ws: list[str]) -> bool:
    """Mostly social-network names: a row of share buttons."""
    ws = [w.lower() for w in ws]
    return len(ws) >= 2 and sum(w in _SOCIAL for w in ws) / len(ws) >= 0.6


def is_bio(text: str) -> bool:
    """An author bio ("Jane Doe is a staff reporter at ...", "As the News Editor at ...")."""
    return bool(_BIO.search(text))


def is_tag_list(text: str, ws: list[str] | None = None) -> bool:
    """Tag clouds and keyword lines: many words, no sentence, few function words."""
    ws = [w.lower() for w in (words(text) if ws is None else ws)]
    if ends_sentence(text) or len(ws) < 4:
        return False
    parts = [p for p in _TAG_LIST_SPLIT.split(text) if p]
    if len(parts) >= 4 and all(len(p.split()) <= 4 for p in parts):
        return True
    sw = stopwords()
    stop = sum(w in sw for w in ws) / len(ws)
    return len(ws) >= 12 and stop < 0.12 and title_case_ratio(text) >= 0.5


def line_reason(text: str) -> str | None:
    """A removal reason certain from the line alone, or None."""
    r = furniture_reason(text)
    if r:
        return r
    ws = words(text)
    if is_share_bar(ws):
        return "share bar"
    if is_bio(text):
        return "author bio"
    if is_tag_list(text, ws):
        return "navigation"
    return None


def comment_header(text: str) -> str | None:
    """"form" for a header that opens a comment form ("Leave a Reply", "Post a comment"),
    "count" for one that may head a comment list ("3 Comments", "Join the discussion"),
    None for any other line."""
    t = text.strip()
    if len(words(t)) > 12:
        return None
    if _COMMENT_FORM.match(t):
        return "form"
    if _COMMENT_COUNT.match(t):
        return "count"
    return None


def looks_like_menu_item(text: str) -> bool:
    """A short label with no sentence in it ("U.S. News", "Business", "Website")."""
    t = text.strip()
    n = len(words(t))
    return 0 < n <= 3 and not ends_sentence(t)


def positional_reason(text: str, where: str, previous: str | None = None) -> str:
    """Why a line no rule named was removed, from its shape and where it sits: "before"
    the article, "inside" it (between its blocks) or "after" it. ``previous`` is the
    reason of the removed line just above, whose box this line may continue."""
    t = text.strip()
    n = len(words(t))
    sentence = ends_sentence(t) and n >= 5
    if previous == "related links" and not sentence and n <= 20:
        return "related links"  # the headlines and dates of a "more stories" box
    if where == "before":
        return "related links" if n > 6 and not sentence else "navigation"
    if n <= 3 and not sentence:
        return "navigation"
    if where == "after" and sentence:
        return "footer"
    # Teasers, headlines and their captions between or below the article's blocks.
    return "related links"


def no_article(removed: Iterable[Removed]) -> NoArticleError:
    """The error for a page that holds no article, saying what its blocks were:
    "no article text found (5 blocks removed: navigation, footer)"."""
    removed = list(removed)
    if not removed:
        return NoArticleError(NO_ARTICLE)
    reasons = ", ".join(dict.fromkeys(r.reason for r in removed))
    blocks = "1 block" if len(removed) == 1 else f"{len(removed):,} blocks"
    return NoArticleError(f"{NO_ARTICLE} ({blocks} removed: {reasons})")


def has_prose_sentence(blocks: Iterable[Block]) -> bool:
    """Whether some block other than a heading or a byline, and not itself furniture (a
    copyright line, say), holds a sentence: :data:`SENTENCE_WORDS` words and a full stop,
    or :data:`RUN_ON_WORDS` words. Menus, headings and lists of headlines or teasers do
    not."""
    for b in blocks:
        if b.kind in ("heading", "byline"):
            continue
        n = len(words(b.text))
        if (n >= RUN_ON_WORDS or n >= SENTENCE_WORDS and _SENTENCE_END.search(b.text)) \
                and line_reason(b.text) is None:
            return True
    return False
