"""The four seed pages: every prose paragraph survives whole, no furniture remains."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analyser.clean import clean_article
from analyser.models import REMOVAL_REASONS, Article, CleanResult

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_BULLET = re.compile(r"^\s*(?:[•*\-–]|\d{1,2}[.)])\s+")


def _seed(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def _clean(prefix: str) -> tuple[str, CleanResult]:
    path = _seed(prefix)
    raw = path.read_text("utf-8")
    return raw, clean_article(Article(id=prefix, raw=raw, source=str(path), format="text"))


def _paragraphs(raw: str) -> list[str]:
    return [_BULLET.sub("", ln.strip()) for ln in raw.splitlines() if ln.strip()]


def _kept(result: CleanResult) -> list[str]:
    return [b.text for b in result.blocks]


# Long paragraphs of each seed that are furniture, not article (all others must survive).
NOT_ARTICLE = {
    "000": ["Bio : Autem cum aspernatur"],
    "002": ["As the News Editor at News Journos", "Our website is made possible by displaying",
            "cartel Climate Change Conflict Zones"],
    "003": [],
    "001": [],
}

FURNITURE = {
    "000": [
        "Table of Contents",
        "12 Typical Mexican jobs (Part 1) - Best of North America on Travellerspoint",
        "Wonderful Mexican Folklore Photography8 – Fubiz Media",
        "Detail Author:", "Name : Norene Senger IV", "Username : vhettinger",
        "Email : metz.gunnar@hotmail.com", "Birthdate : 1990-11-09",
        "Address : 230 Turcotte Parks South Minamouth, MI 85838", "Phone : +1.484.263.6125",
        "Company : Witting and Sons", "Job : Cultural Studies Teacher", "Socials", "facebook:",
        "url : https://facebook.com/alilegros", "username : alilegros", "followers : 3676",
        "following : 264", "linkedin:", "instagram:", "url : https://instagram.com/ali_dev",
    ],
    "001": [],
    "002": [
        "Close Menu", "News JournosNews Journos", "World", "U.S. News", "Business", "Politics",
        "Europe News", "Finance", "Turkey Reports", "Money Watch", "Health", "Editors Picks",
        "Democrats Warn of Corruption Risks from Trump Tariffs", "April 17, 2025",
        "Facebook X (Twitter) Instagram", "Latest Headlines:",
        "Senate Proposal Threatens Renewable Energy Industry with New Taxes",
        "Over 120,000 Fake E-Commerce Sites Target Shoppers Before Prime Day",
        "Hexagon’s AEON Humanoid Robot Targets Factory Labor Shortages", "Subscribe",
        "Saturday, July 5",
        "You are here: News Journos » World » Mexican President Rejects U.S. Troop Offer for "
        "Drug Cartel Fight",
        "Article Subheadings",
        "Share. Facebook Twitter Pinterest LinkedIn Email Reddit WhatsApp Copy Link Bluesky",
        "News Editor", "Website", "Keep Reading", "6 Mins Read",
        "Two American Aid Workers Injured in Gaza Amid Airstrikes and Food Shortages",
        "Swedish Fugitive Captured 1,600 Miles Away", "Mr Serdar Avatar", "Serdar Imren",
        "News Director", "Facebook Twitter Instagram", "Journalism Under Siege",
        "Trump and Musk Host DOGE Event Amid Talent Exodus", "Subscribe to News",
        "Get the latest sports news from NewsSite about world, sports and politics.",
        "Facebook X (Twitter) Pinterest Vimeo WhatsApp TikTok Instagram", "News", "Journos",
        "Top Stories", "Tech", "Sports", "Entertainment", "COMPANY", "About Us",
        "Get In Touch", "Our Authors", "Privacy Policy", "Terms and Conditions",
        "Accessibility", "Subscribe to Updates",
        "Get the latest creative news from FooBar about art, design and business.",
        "© 2025 The News Journos. Designed by The News Journos.",
        "Type above and press Enter to search. Press Esc to cancel.", "Ad Blocker Enabled!",
    ],
    "003": [
        "Breaking News, Cause of death, Obituary, Today", "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    ],
}

PROSE_KEPT = {
    "000": [
        "Something rather significant happened recently, a very important discussion between "
        "two leaders across borders.",
        "It's worth recalling that discussions about U.S. military assistance in Mexico are not "
        "entirely new.",
        "The future of this relationship, particularly concerning the shared challenge of drug "
        "activities, will depend",
    ],
    "001": ["In recent statements made by Claudia Sheinbaum, the President of Mexico"],
    "002": [
        "In a significant diplomatic exchange, Mexican President Claudia Sheinbaum has firmly",
        "The rejection of military assistance offered by U.S. President Donald Trump to Mexican",
        "Mexico may focus on enhancing domestic law enforcement capabilities",
    ],
    "003": [
        "In a recent statement, Mexican President Claudia Sheinbaum revealed",
        "In an interesting development in international relations, Mexican President Claudia",
        "In summary, the recent confirmation by Mexican President Claudia Sheinbaum",
        "This incident highlights the ongoing complexities of international relations",
    ],
}

SEED_IDS = ["000", "001", "002", "003"]


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_every_prose_paragraph_survives_whole(prefix):
    raw, result = _clean(prefix)
    kept = set(_kept(result))
    for para in _paragraphs(raw):
        if len(para.split()) < 25 or any(para.startswith(x) for x in NOT_ARTICLE[prefix]):
            continue
        assert para in kept, f"lost or cut: {para[:80]}"


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_named_prose_paragraphs_kept(prefix):
    _, result = _clean(prefix)
    for start in PROSE_KEPT[prefix]:
        hits = [b for b in result.blocks if b.text.startswith(start)]
        assert hits, start
        assert all(b.kind == "prose" for b in hits)


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_no_furniture_remains(prefix):
    _, result = _clean(prefix)
    kept = _kept(result)
    for line in FURNITURE[prefix]:
        assert line not in kept, line
    for not_article in NOT_ARTICLE[prefix]:
        assert not any(k.startswith(not_article) for k in kept), not_article


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_removed_blocks_have_known_reasons(prefix):
    _, result = _clean(prefix)
    assert all(r.reason in REMOVAL_REASONS and r.reason != "boilerplate"
               for r in result.removed)
    assert result.text == "\n".join(_kept(result))


def test_seed000_profile_is_redacted_and_fact_box_kept():
    _, result = _clean("000")
    profile = [r for r in result.removed if r.reason == "profile"]
    assert profile and all(r.text == "[redacted: contact details]" for r in profile)
    everything = result.text + "\n".join(r.text for r in result.removed)
    for secret in ("metz.gunnar@hotmail.com", "484.263.6125", "230 Turcotte Parks"):
        assert secret not in everything
    rows = [b.text for b in result.blocks if b.kind == "table_row"]
    assert "Full NameClaudia Sheinbaum Pardo" in rows and "Political PartyMorena" in rows
    assert ("Personal Details and Background", "heading") in [(b.text, b.kind)
                                                             for b in result.blocks]
    related = [r for r in result.removed if "Travellerspoint" in r.text]
    assert related and {r.reason for r in related} <= {"related links", "duplicate"}


def test_seed002_title_kept_once_and_structure():
    _, result = _clean("002")
    title = "Mexican President Rejects U.S. Troop Offer for Drug Cartel Fight"
    assert _kept(result).count(title) == 1
    assert result.blocks[0].text == title and result.blocks[0].kind == "heading"
    assert result.title == title
    kinds = {b.text: b.kind for b in result.blocks}
    assert kinds["News EditorBy News EditorMay 3, 2025 World 6 Mins Read"] == "byline"
    assert kinds["No. Key Points"] == "table_row"
    assert kinds["1 Mexican President Claudia Sheinbaum rejected U.S. military assistance to "
                 "combat drug trafficking."] == "table_row"
    assert kinds["Background on the Offer of U.S. Military Assistance"] == "heading"
    # The table of contents goes; the subheadings it lists stay as headings, once each.
    assert _kept(result).count("Sheinbaum’s Stance on Sovereignty") == 1
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons["Share. Facebook Twitter Pinterest LinkedIn Email Reddit WhatsApp Copy Link "
                   "Bluesky"] == "share bar"
    assert reasons["Ad Blocker Enabled!"] == "advertisement"
    assert any(r.reason == "author bio" and r.text.startswith("As the News Editor")
               for r in result.removed)
    # Menu items are navigation wherever they sit; the author's name and links by the bio
    # are part of it.
    first = {}
    for r in result.removed:
        first.setdefault(r.text, r.reason)
    for item in ("World", "U.S. News", "Business", "Politics", "Health"):
        assert first[item] == "navigation", item
    assert first["News Editor"] == first["Website"] == "author bio"
    assert result.author == "News Editor"


def test_seed003_both_tellings_kept_and_byline():
    raw, result = _clean("003")
    kinds = {b.text: b.kind for b in result.blocks}
    assert kinds["By | May 4, 2025"] == "byline"
    assert kinds["Conclusion"] == "heading"
    assert kinds["Conclusion: A New Chapter in Mexico’s Approach to Cartel Violence"] == "heading"
    assert result.title == "Trump’s Military Aid to Mexico Rejected: Cartel Crisis Deepens!"
    assert not any("YOU MAY ALSO LIKE" in k for k in kinds)
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons["Leave a Reply"] == "comment form"
    # Both tellings of the story are article text: nothing long is dropped as a duplicate.
    assert not any(r.reason == "duplicate" for r in result.removed)


def test_seed001_title_and_summary_list():
    _, result = _clean("001")
    assert result.blocks[0].kind == "heading"
    assert [b.kind for b in result.blocks[1:4]] == ["list_item"] * 3
    assert result.blocks[4].kind == "prose"
    assert not result.removed


def test_repeated_paragraph_stays_repeated_labels_go():
    # A paragraph the article repeats is padding the repetition measures must see; a
    # repeated title, menu item or share label is furniture.
    para = "The first paragraph says something useful about the matter at hand, in full."
    raw = ("A Headline About Things\n\nA Headline About Things\n\n" + para + "\n\nShare\n\n"
           + para + "\n\nA second paragraph adds more detail to the story so that it reads "
           "well.\n\nShare\n")
    result = clean_article(Article(id="d", raw=raw))
    assert _kept(result).count(para) == 2
    assert _kept(result).count("A Headline About Things") == 1
    assert "Share" not in _kept(result)
    assert ("A Headline About Things", "duplicate") in [(r.text, r.reason)
                                                        for r in result.removed]


def test_article_of_one_repeated_sentence_keeps_every_copy():
    sentence = "The council met again on Monday to talk about the budget for next year."
    result = clean_article(Article(id="r", raw="\n\n".join([sentence] * 300)))
    assert _kept(result) == [sentence] * 300
