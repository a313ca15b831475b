"""Spot a person's contact details (e-mail, phone, street address) so they are never shown.

Profile boxes ("Email : ...", "Phone : ...", "Address : ...") are page furniture that also
carry personal data: the clean stage removes them with reason "profile" and keeps only a
redacted placeholder in its list of removed blocks.
"""

from __future__ import annotations

import re

#: What a removed profile block shows instead of its text.
REDACTED = "[redacted: contact details]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
# A phone number: optional +, then 9-15 digits split by spaces, dots, dashes or brackets.
_PHONE = re.compile(r"(?<![\w.])\+?\(?\d{1,4}\)?(?:[ .\-]?\(?\d{2,4}\)?){2,5}(?![\w.])")
_STREET = re.compile(
    r"\b\d{1,5} [A-Z][a-z]+(?: [A-Z][a-z]+)* (?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard"
    r"|Blvd|Drive|Dr|Court|Ct|Place|Pl|Parks?|Way|Square|Sq|Terrace|Crescent|Highway)\b"
)
_ZIP_STATE = re.compile(r"\b[A-Z]{2} \d{5}(?:-\d{4})?\b")
# "Key : value" lines of a profile card; the key names what the value is.
_PROFILE_KEY = re.compile(
    r"^(?:name|full name|username|user name|e-?mail|birthdate|birthday|date of birth|address"
    r"|phone|tel|telephone|mobile|company|job|bio|url|website|followers|following|location"
    r"|twitter|facebook|instagram|linkedin)\s*:\s*\S",
    re.IGNORECASE,
)
_CONTACT_KEY = re.compile(r"^(?:e-?mail|phone|tel|telephone|mobile|address)\s*:\s*\S", re.I)
_PROFILE_HEADER = re.compile(
    r"^(?:detail author|author details?|contact(?: details| info)?|socials?|social media"
    r"|facebook|twitter|x|instagram|linkedin|tiktok|youtube|pinterest)\s*:?$",
    re.IGNORECASE,
)


def _phone_like(text: str) -> bool:
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        # Years, prices and counts are shorter; 9+ digits with separators is a phone number.
        if 9 <= len(digits) <= 15 and re.search(r"[ .\-()+]", m.group()):
            return True
    return False


def has_contact_details(text: str) -> bool:
    """True when the text contains an e-mail address, a phone number or a street address."""
    if _EMAIL.search(text) or _CONTACT_KEY.match(text.strip()):
        return True
    if _STREET.search(text) and (_ZIP_STATE.search(text) or len(text.split()) < 15):
        return True
    return _phone_like(text)


def is_profile_line(text: str) -> bool:
    """True for a line of a profile card: a "key : value" pair or a card header."""
    t = text.strip()
    return bool(_PROFILE_KEY.match(t) or _PROFILE_HEADER.match(t))


def profile_spans(lines: list[str], *, max_prose_words: int = 30) -> list[tuple[int, int]]:
    """Return [start, end) spans of ``lines`` that form profile cards holding contact details.

    A span is a run of profile-card lines (and short headers between them) containing at
    least one contact detail; a lone short line with contact details is a span by itself.
    Long prose that merely mentions an address is left alone.
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
    return len(text.split()) <= max_prose_words and has_contact_details(text)


def _short_label(text: str) -> bool:
    t = text.strip()
    return bool(_PROFILE_HEADER.match(t)) or (t.endswith(":") and len(t.split()) <= 3)
