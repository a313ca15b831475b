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


SECRETS = ("jane.doe@gazette.example", "7946 0958", "12 High Street", "bob@spam.example",
           "mary.jones@council.example", "960 983")
BIO = ("Jane Doe is a staff reporter at the Town Gazette covering local government. You can "
       "reach her at jane.doe@gazette.example or on +44 20 7946 0958, and she lives at 12 "
       "High Street in the town centre with her family and two cats.")
ARTICLE = (
    "Home\nNews\nSport\nCouncil votes to close library\n\n"
    "The council voted on Tuesday to close the old library on Main Street after years of "
    "falling visitor numbers and rising costs for the town.\n\n"
    "Residents said they were sad to see it go, but many admitted they had not visited in "
    "years, according to a survey by the council.\n\n"
    "Anyone with concerns can write to the clerk, Mary Jones, at mary.jones@council.example "
    "or phone her office on 01632 960 983 before the consultation closes at the end of next "
    "month, officials said.\n\n"
)


def _everything(result) -> str:
    return result.text + "\n" + "\n".join(r.text for r in result.removed)


def test_redact_replaces_every_contact_detail_whatever_the_length():
    from analyser.clean.personal_data import redact

    assert len(BIO.split()) > 30
    out = redact(BIO)
    for secret in SECRETS[:3]:
        assert secret not in out
    assert out.startswith("Jane Doe is a staff reporter") and "[redacted: e-mail]" in out
    assert redact("Address : 230 Turcotte Parks South Minamouth, MI 85838") == (
        "Address : [redacted: address]")
    assert redact("The vote was 52 to 48 in 2019.") == "The vote was 52 to 48 in 2019."


def test_long_author_bio_on_a_text_page_is_redacted():
    result = clean_article(Article(id="p", raw=ARTICLE + BIO + "\n"))
    bios = [r for r in result.removed if r.reason == "author bio"]
    assert bios and bios[0].text.startswith("Jane Doe is a staff reporter")
    for secret in SECRETS:
        assert secret not in _everything(result), secret
    # The clerk's paragraph is article text: kept, its e-mail and phone redacted.
    assert any(b.text.startswith("Anyone with concerns can write to the clerk")
               for b in result.blocks)


def test_reader_comment_after_leave_a_reply_is_removed_as_comment_form():
    comment = ("Posted by bob@spam.example on May 3: Great article, I always loved that "
               "library and I think the council is making a terrible mistake here honestly "
               "and I will vote them out next time round for sure.")
    raw = (ARTICLE + "Leave a Reply\nYour email address will not be published.\n" + comment
           + "\n")
    result = clean_article(Article(id="c", raw=raw))
    assert "Great article" not in result.text
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons[comment.replace("bob@spam.example", "[redacted: e-mail]")] == "comment form"
    assert "bob@spam.example" not in _everything(result)


def test_comment_list_under_a_comment_count_is_removed():
    raw = (ARTICLE + "3 Comments\n\nJohn Smith says:\nMay 4, 2025 at 10:12 am\n"
           "I think this is a really bad decision by the council and they should reconsider "
           "it before the building is sold.\nReply\n\nMary Green says:\n"
           "Nobody uses libraries any more, it was the right call and it saves the town a lot "
           "of money every year.\nReply\n\nAdvertisement\n")
    result = clean_article(Article(id="c", raw=raw))
    assert "bad decision" not in result.text and "Nobody uses libraries" not in result.text
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons["John Smith says:"] == reasons["Reply"] == "comment form"
    assert reasons["Advertisement"] == "advertisement"


def test_a_comments_link_above_the_article_does_not_end_it():
    raw = ("Comments\n\n" + ARTICLE.replace("Home\nNews\nSport\n", "")
           + "A final paragraph explains what happens next, and when the building will be "
           "sold to a developer.\n")
    result = clean_article(Article(id="c", raw=raw))
    assert "A final paragraph explains what happens next" in result.text


def test_block_mainly_of_contact_details_is_a_profile_whatever_its_length():
    card = ("Contact: Town Gazette newsroom, 12 High Street, Springfield, IL 62704; phone "
            "+1 555 201 3344 or +1 555 201 3355; fax +1 555 201 3366; e-mail "
            "news.desk@gazette.example, tips@gazette.example or letters@gazette.example for "
            "letters to the editor, please.")
    assert len(card.split()) > 30
    result = clean_article(Article(id="k", raw=ARTICLE + card + "\n"))
    assert ("[redacted: contact details]", "profile") in [(r.text, r.reason)
                                                         for r in result.removed]
    assert "gazette.example" not in _everything(result)


HTML_BIO = """<html><head><title>Council closes library</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Council closes library</h1>
<p>The council voted on Tuesday to close the old library on Main Street after years of falling
visitor numbers and rising costs for the town.</p>
<p>Residents said they were sad to see it go, but many admitted they had not visited in years,
according to a survey by the council.</p>
<p>A third paragraph explains that the building will be sold next year and the books will be
moved to the secondary school nearby.</p>
</article>
<aside class="author-bio"><p>Jane Doe is a staff reporter at the Town Gazette covering local
government and planning. You can reach her at jane.doe@gazette.example or on +44 20 7946 0958,
and she also writes a weekly column on gardening and local history for the weekend
edition.</p></aside>
<section id="comments"><h3>Leave a comment</h3><p>Posted by bob.smith@spam.example: Great
article, I always loved that library and the council is making a terrible mistake.</p>
</section></body></html>"""


def test_html_long_bio_and_comment_are_redacted_with_their_reasons():
    result = clean_article(Article(id="h", raw=HTML_BIO, format="html"))
    everything = _everything(result)
    for secret in ("jane.doe@gazette.example", "7946 0958", "bob.smith@spam.example"):
        assert secret not in everything
    reasons = {r.reason for r in result.removed}
    assert "boilerplate" not in reasons
    assert any(r.reason == "author bio" and r.text.startswith("Jane Doe is a staff reporter")
               for r in result.removed)
    assert any(r.reason == "comment form" and "Great article" in r.text for r in result.removed)


@pytest.mark.parametrize("text", [
    "Residents who need help can write to help@council.example.org or call 020 7946 0958 "
    "between nine and five on weekdays, and a caseworker will reply within two days.",
    "You also may contact the Division of Drug Information at druginfo@fda.example or "
    "855-543-3784 for answers to questions about the new rules.",
])
def test_prose_that_mentions_contact_details_is_not_a_profile(text):
    from analyser.clean.personal_data import is_contact_block, is_prose_with_details

    assert is_contact_block(text)  # short enough to be a profile line by length alone...
    assert is_prose_with_details(text)  # ...but it reads as a sentence of prose


@pytest.mark.parametrize("text", [
    "Email : someone@example.com", "Contact the reporter at jane.doe@example.com.",
    "Phone : +1.484.263.6125", "Call +44 20 7946 0958 today",
    "Write to jane@example.com or bob@example.com or call +1 555 201 3344 or +1 555 201 3355.",
    "Reach the newsroom at news@example.com or on +44 20 7946 0958, any day of the week",
])
def test_profile_lines_and_short_contact_lines_are_not_prose(text):
    from analyser.clean.personal_data import is_prose_with_details

    assert not is_prose_with_details(text)
