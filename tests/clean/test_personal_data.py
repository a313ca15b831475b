"""Contact details are recognised so that they are never shown."""

from __future__ import annotations

import pytest

from analyser.clean import clean_article
from analyser.clean.personal_data import has_contact_details, profile_spans
from analyser.models import Article


@pytest.mark.parametrize("text", [
    "Email : someone@example.com", "Phone : +1.484.263.6125", "Call +44 20 7946 0958 today",
    "Address : 12 Elm Street Springfield, IL 62704", "contact: jane.doe+news@mail.co.uk",
])
def test_contact_details_found(text):
    assert has_contact_details(text)


@pytest.mark.parametrize("text", [
    "The vote was 52 to 48 in 2019.", "About 1,234,567 people live there.",
    "The 2019-2020 season ended early.", "Prices rose 3.5% in May.",
])
def test_ordinary_text_is_not_contact_details(text):
    assert not has_contact_details(text)


def test_profile_card_is_one_span_with_its_headers():
    lines = ["Some article text ends here.", "Detail Author:", "Name : A Person",
             "Email : a@b.org", "Phone : +1 555 201 3344", "Socials", "facebook:",
             "url : https://facebook.com/a", "followers : 10"]
    assert profile_spans(lines) == [(1, 9)]


def test_text_page_profile_removed_and_redacted():
    raw = ("The council voted on Monday to add new bus lanes on three roads in the centre of "
           "the town, after two years of talks.\n\n"
           "Work starts in the spring and should end before the summer holidays, officials "
           "said on Monday evening.\n\n"
           "Contact the author\n  • Email : reporter@example.com\n  • Phone : (555) 201-3344\n")
    result = clean_article(Article(id="t", raw=raw))
    assert "reporter@example.com" not in result.text
    assert "201-3344" not in result.text
    profile = [r for r in result.removed if r.reason == "profile"]
    assert profile and all(r.text == "[redacted: contact details]" for r in profile)
    assert all("example.com" not in r.text for r in result.removed)
