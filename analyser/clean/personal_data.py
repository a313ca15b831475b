"""Spot a person's contact details (e-mail, phone, street address) so they are never shown.

Profile boxes ("Email : ...", "Phone : ...", "Address : ...") are page furniture that also
carry personal data: the clean stage removes them with reason "profile" and keeps only a
redacted placeholder in its list of removed blocks. Inside an HTML page's article, a
sentence of prose that mentions an e-mail address or a phone number ("Residents can write
to ... or call ... between nine and five") is not a profile (:func:`is_prose_with_details`):
it stays where it is, the details redacted. Every other removed block (an author
bio, a reader comment, a footer) has its e-mail addresses, phone numbers and street
addresses replaced by placeholders (:func:`redact`), whatever its length; the kept article
keeps its text, except that e-mail addresses and phone numbers are redacted there too.
"""

from __future__ import annotations

import re

from .blocks import ends_sentence, words

#: What a removed profile block shows instead of its text.
REDACTED = "[redacted: contact details]"
#: What stands in for each kind of contact detail inside a longer text.
REDACTED_EMAIL = "[redacted: e-mail]"
REDACTED_PHONE = "[redacted: phone]"
REDACTED_ADDRESS = "[redacted: address]"
#: A removed block longer than the profile-line limit is still "mainly contact details"
#: when they make up this share of its characters.
CONTACT_SHARE = 0.3
#: Blocks of at most this many words that hold contact details are profile lines...
MAX_PROFILE_WORDS = 30
#: ...unless they read as a sentence with at least this many words outside the details.
MIN_PROSE_WORDS = 12

# A match starts only where a run of address characters starts: the same matches, but a
# long run without "@" is scanned once, not once from every one of its characters.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
# A phone number: optional +, then 9-15 digits split by spaces, dots, dashes or brackets.
_PHONE = re.compile(r"(?<![\w.])\+?\(?\d{1,4}\)?(?:[ .\-]?\(?\d{2,4}\)?){2,5}(?![\w.])")
_STREET = re.compile(
    r"\b\d{1,5} [A-Z][a-z]+(?: [A-Z][a-z]+)* (?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard"
    r"|Blvd|Drive|Dr|Court|Ct|Place|Pl|Parks?|Way|Square|Sq|Terrace|Crescent|Highway)\b"
)
_ZIP_STATE = re.compile(r"\b[A-Z]{2} \d{5}(?:-\d{4})?\b")
# What may follow a street in an address: a town, a state and ZIP code, a UK postcode.
_ADDRESS_TAIL = re.compile(
    r"(?:,? (?:[A-Z][a-z]+ ){0,3}(?:[A-Z]{2} \d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})"
    r"|,? [A-Z][a-z]+(?: [A-Z][a-z]+){0,2},? (?:[A-Z]{2} \d{5}(?:-\d{4})?"
    r"|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}))"
)
_CONTACT_VALUE = re.compile(r"^((?:e-?mail|phone|tel|telephone|mobile|address)\s*:\s*)\S.*$",
                            re.IGNORECASE)
# "Key : value" lines of a profile card; the key names what the value is.
_PROFILE_KEY = re.compile(
    r"^(?:name|full name|username|user name|e-?mail|birthdate|birthday|date of birth|address"
    r"|phone|tel|telephone|mobile|company|job|bio|url|website|followers|following|location"
    r"|twitter|facebook|instagram|linkedin)\s*:\s*\S",
    re.IGNORECASE,
)
_CONTACT_KEY = re.compile(r"^(?:e-?mail|phone|tel|telephone|mobile|address)\s*:\s*\S", re.I)
# Every contact detail holds an "@" or a digit, or is a "Phone : ..." line: a cheap test
# that lets most lines skip the others.
_MAYBE_CONTACT = re.compile(r"[@\d]|^\s*(?:e-?mail|phone|tel|telephone|mobile|address)\s*:",
                            re.IGNORECASE | re.MULTILINE)
_PROFILE_HEADER = re.compile(
    r"^(?:detail author|author details?|contact(?: details| info)?|socials?|social media"
    r"|facebook|twitter|x|instagram|linkedin|tiktok|youtube|pinterest)\s*:?$",
    re.IGNORECASE,
)


def _phones(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers in ``text``."""
    spans = []
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        # Years, prices and counts are shorter; 9+ digits with separators is a phone number.
        if 9 <= len(digits) <= 15 and re.search(r"[ .\-()+]", m.group()):
            spans.append(m.span())
    return spans


def _phone_like(text: str) -> bool:
    return bool(_phones(text))


def _addresses(text: str) -> list[tuple[int, int]]:
    """Spans of street addresses ("12 High Street", "12 Elm Street Springfield, IL 62704")."""
    spans = []
    for m in _STREET.finditer(text):
        end = m.end()
        tail = _ADDRESS_TAIL.match(text, end)
        if tail:
            end = tail.end()
        spans.append((m.start(), end))
    return spans


def _contact_spans(text: str, *, addresses: bool = True) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, placeholder) spans of the contact details in ``text``."""
    found = [(a, b, REDACTED_EMAIL) for a, b in (m.span() for m in _EMAIL.finditer(text))]
    found += [(a, b, REDACTED_PHONE) for a, b in _phones(text)]
    if addresses:
        found += [(a, b, REDACTED_ADDRESS) for a, b in _addresses(text)]
    found.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int, str]] = []
    for a, b, what in found:
        if out and a < out[-1][1]:
            continue  # inside a detail already found (a phone-like run in an e-mail, say)
        out.append((a, b, what))
    return out


def redact(text: str, *, addresses: bool = True) -> str:
    """``text`` with every e-mail address, phone number and (unless ``addresses`` is False)
    street address replaced by a placeholder; a "Phone : ..." style line loses its value."""
    if not _MAYBE_CONTACT.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        m = _CONTACT_VALUE.match(line.strip())
        key = m.group(1).lower() if m else ""
        if m and (addresses or not key.startswith("address")):
            what = (REDACTED_ADDRESS if key.startswith("address")
                    else REDACTED_EMAIL if key.startswith("e") else REDACTED_PHONE)
            lines.append(m.group(1) + what)
            continue
        out, pos = [], 0
        for a, b, what in _contact_spans(line, addresses=addresses):
            out.append(line[pos:a])
            out.append(what)
            pos = b
        out.append(line[pos:])
        lines.append("".join(out))
    return "\n".join(lines)


def contact_share(text: str) -> float:
    """Share of the text's characters that are contact details."""
    t = text.strip()
    if not t:
        return 0.0
    if _CONTACT_KEY.match(t):
        return 1.0
    return sum(b - a for a, b, _ in _contact_spans(t)) / len(t)


def is_contact_block(text: str) -> bool:
    """A block that is mainly a person's contact details: short with contact details in it
    (a profile line, "Contact the reporter at ..."), or longer with contact details making
    up much of it. Such a block is shown only as :data:`REDACTED`."""
    return _is_contact_line(text, MAX_PROFILE_WORDS)


def is_prose_with_details(text: str) -> bool:
    """Running prose that mentions contact details: it ends like a sentence and, the
    details taken out, still has :data:`MIN_PROSE_WORDS` words, which make up most of it.
    Not a "key : value" line."""
    t = text.strip()
    if not ends_sentence(t) or _CONTACT_KEY.match(t) or _PROFILE_KEY.match(t):
        return False
    rest, pos = [], 0
    for a, b, _ in _contact_spans(t):
        rest.append(t[pos:a])
        pos = b
    rest.append(t[pos:])
    return (len(words(" ".join(rest))) >= MIN_PROSE_WORDS
            and contact_share(t) < CONTACT_SHARE)


def has_contact_details(text: str) -> bool:
    """True when the text contains an e-mail address, a phone number or a street address."""
    if not _MAYBE_CONTACT.search(text):
        return False
    if _EMAIL.search(text) or _CONTACT_KEY.match(text.strip()):
        return True
    if _STREET.search(text) and (_ZIP_STATE.search(text) or len(text.split()) < 15):
        return True
    return _phone_like(text)


def is_profile_line(text: str) -> bool:
    """True for a line of a profile card: a "key : value" pair or a card header."""
    t = text.strip()
    return bool(_PROFILE_KEY.match(t) or _PROFILE_HEADER.match(t))


def profile_spans(lines: list[str], *,
                  max_prose_words: int = MAX_PROFILE_WORDS) -> list[tuple[int, int]]:
    """Return [start, end) spans of ``lines`` that form profile cards holding contact details.

    A span is a run of profile-card lines (and short headers between them) containing at
    least one contact detail; a lone line that is mainly contact details is a span by
    itself. Long prose that merely mentions an address is left alone.
    """
    spans: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        if not (is_profile_line(lines[i]) or _is_contact_line(lines[i], max_prose_words)):
            i += 1
            continue
        j = i
        while j < n and (is_profile_line(lines[j]) or _is_contact_line(lines[j], max_prose_words)
                         or _short_label(lines[j])):
            j += 1
        # Headers just before the card ("Detail Author:") belong to it.
        start = i
        while start > 0 and _short_label(lines[start - 1]):
            start -= 1
        if any(_is_contact_line(ln, max_prose_words) for ln in lines[i:j]):
            spans.append((start, j))
        i = max(j, i + 1)
    return spans


def _is_contact_line(text: str, max_prose_words: int) -> bool:
    if not has_contact_details(text):
        return False
    return len(text.split()) <= max_prose_words or contact_share(text) >= CONTACT_SHARE


def _short_label(text: str) -> bool:
    t = text.strip()
    return bool(_PROFILE_HEADER.match(t)) or (t.endswith(":") and len(t.split()) <= 3)
