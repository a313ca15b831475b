"""Structure that reads like prose: label: value rows, captions and datelines.

A cleaner (or :func:`analyser.document.classify_block`) calls a block "prose" when it has
words and no list marker. Some such blocks are structure, not sentences an editor would
grade or trim: a label and its value ("Year Founded: 2014", "Price: $0 for one seat", a
line-up "Subs not used: Hamann, Harrison."), an image caption ("Image caption: ...",
"Photo: Getty Images") and a dateline or time stamp ("Published 3 December 2026",
"Updated: 10:32 GMT"). :func:`structure_kind` names them, so readability, hard sentences,
padding and restatement read prose only; the language rules still read every block.

Said-lines are never a label row: 'He said: "We will ..."' and 'Mr Frost added: "..."' are
prose (a label never ends with a verb of saying, and a value never opens with a quote).
"""

from __future__ import annotations

import re

LABEL_VALUE = "label_value"
CAPTION = "caption"
DATELINE = "dateline"
#: The kinds this module assigns (declared in analyser.models.BLOCK_KINDS too).
STRUCTURE_KINDS: tuple[str, ...] = (LABEL_VALUE, CAPTION, DATELINE)

#: A label of at most MAX_LABEL_WORDS words, a colon, a value.
_LABEL = re.compile(r"^(?P<label>[A-Z0-9][^:.!?\"“”‘’]{0,40}?)\s*:\s+(?P<value>\S.*)$", re.S)
MAX_LABEL_WORDS = 4
#: A value without final punctuation of at most this many words is a field's value.
MAX_FIELD_WORDS = 12
#: A value of at least this many comma- (or semicolon-) separated items, each of at most
#: MAX_ITEM_WORDS words on average, is a catalogue (a line-up, a list of results).
MIN_ITEMS = 3
MAX_ITEM_WORDS = 4.5
#: Last words of a label that make the line a said-line ("Mr Frost added: ...").
_SAYING = frozenset(
    """
    said says say told tells added adds argued argues replied replies admitted admits
    explained explains insisted insists warned warns wrote writes asked asks noted notes
    declared declares announced announces stated states continued continues concluded
    concludes joked jokes recalled recalls believes believed suggested suggests claimed
    claims reported reports commented comments tweeted posted responded responds
    acknowledged conceded agreed agrees put it so
    """.split()
)
_QUOTE_OPEN = ("\"", "“", "‘", "'", "«")
_FINAL = re.compile(r"[.!?…][\"”’)\]]*$")
_CAPTION = re.compile(
    r"^(?:image|photo|picture|video|graphic|illustration|media)\s+(?:caption|copyright|source|"
    r"credit)\b|^(?:caption|pictured|photograph|photo|picture|image|credit)s?\s*:"
    r"|\((?:photo|image|picture|credit|photograph)s?\s*(?:by|:|credit)[^)]*\)\s*$"
    r"|(?:/|\bvia\s)(?:getty images|reuters|ap|afp|pa|epa|shutterstock|alamy)\s*\)?\s*$",
    re.I,
)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = re.compile(
    r"^(?:(?:published|updated|last updated|posted|first published|modified)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+\d{4}|"
    + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|"
    r"\d+\s+(?:minutes?|hours?|days?)\s+ago)"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.I,
)
_TIME_ONLY = re.compile(r"^(?:published|updated|last updated|posted)\s*:?\s*\d{1,2}[:.]\d{2}"
                        r"\s*(?:am|pm)?(?:\s*[A-Z]{2,4})?\s*$", re.I)


def structure_kind(text: str) -> str | None:
    """The structure kind of a block read as prose (``label_value``, ``caption``,
    ``dateline``), or None when it is prose."""
    s = text.strip()
    if not s:
        return None
    if _DATE.match(s) or _TIME_ONLY.match(s):
        return DATELINE
    if len(s.split()) <= 40 and _CAPTION.search(s):
        return CAPTION
    if is_label_value(s):
        return LABEL_VALUE
    return None


def is_label_value(s: str) -> bool:
    """True for "Label: value" where the value is a field's value (short, no final
    punctuation) or a catalogue of short items (a line-up), and the line is not a said-line."""
    m = _LABEL.match(s)
    if not m:
        return False
    label, value = m.group("label").split(), m.group("value").strip()
    if len(label) > MAX_LABEL_WORDS or label[-1].lower() in _SAYING:
        return False
    if value.startswith(_QUOTE_OPEN):
        return False
    words = value.split()
    if len(words) <= MAX_FIELD_WORDS and not _FINAL.search(value):
        return True
    items = [x for x in re.split(r"[,;]", value) if x.strip()]
    return len(items) >= MIN_ITEMS and len(words) / len(items) <= MAX_ITEM_WORDS
