"""Ingest: folders, manifests, corpus files, encodings and bad input."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

from analyser.ingest import IngestError, iter_articles


def read(paths, **kw):
    items = list(iter_articles([str(p) for p in paths], **kw))
    return [i for i in items if not isinstance(i, IngestError)], [
        i for i in items if isinstance(i, IngestError)
    ]


def test_seeds_use_the_manifest(seeds_dir):
    articles, errors = read([seeds_dir])
    assert not errors
    assert [a.id for a in articles] == [
        "000_d1b62bc8df587e96", "001_6afff10da7a3cbd5", "002_bc0ebccefc2ad232",
        "003_abab7209df1d8223",
    ]
    outlets = {a.id[:3]: a.outlet for a in articles}
    assert outlets["002"] == "News Journos"
    assert outlets["000"] == outlets["001"] == outlets["003"] == "outlet not named on page"
    assert articles[2].published == "2025-05-03"


def test_outlet_defaults_without_manifest(tmp_path):
    (tmp_path / "nyt").mkdir()
    (tmp_path / "nyt" / "a.txt").write_text("One sentence here.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another sentence here.", encoding="utf-8")
    articles, _ = read([tmp_path])
    assert {a.id: a.outlet for a in articles} == {"b": "b", "a": "nyt"}
    articles, _ = read([tmp_path / "b.txt"], outlet="Daily Planet")
    assert articles[0].outlet == "Daily Planet"


def test_bad_inputs_are_reported_and_others_go_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A fine article. It has two sentences.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 owners said it was \x93fine\x94.".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    with pytest.warns(UserWarning, match="not UTF-8; decoded as cp1252"):
        articles, errors = read([empty, good, binary, missing, latin])
    assert [a.id for a in articles] == ["good", "latin"]
    assert articles[1].raw == "Café owners said it was “fine”."
    reasons = {e.source.rsplit("/", 1)[-1]: e.reason for e in errors}
    assert reasons == {
        "empty.txt": "empty file",
        "binary.txt": "binary file, not a text page",
        "missing.txt": "no such file or folder",
    }


def test_corpus_files(tmp_path):
    rows = [
        {"id": "x1", "source": "desk-a", "title": "T1", "text": "First story. It is short."},
        {"id": "x2", "outlet": "desk-b", "text": "Second story here."},
        {"id": "x3", "text": ""},
    ]
    jl = tmp_path / "c.jsonl.gz"
    with gzip.open(jl, "wt", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
        fh.write("{not json\n")
    csv = tmp_path / "c.csv"
    pd.DataFrame(rows).to_csv(csv, index=False)
    pq = tmp_path / "c.parquet"
    pd.DataFrame(rows).to_parquet(pq)
    for path in (jl, csv, pq):
        articles, errors = read([path])
        assert [(a.id, a.outlet, a.preclean) for a in articles] == [
            ("x1", "desk-a", True), ("x2", "desk-b", True)
        ], path
        assert articles[0].title == "T1"
        assert any("no 'text'" in e.reason for e in errors)
    _, errors = read([jl])
    assert any("invalid JSON" in e.reason for e in errors)


def test_duplicate_ids_are_made_unique(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b" / "story.txt").write_text("Two.", encoding="utf-8")
    articles, _ = read([tmp_path])
    assert sorted(a.id for a in articles) == ["story", "story-2"]


def test_hidden_and_tool_folders_are_not_walked(tmp_path):
    for folder in (".hidden", ".venv/lib", "node_modules/pkg", "__pycache__", "news"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "page.txt").write_text("A story. It has words.", encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("Hidden file. Not read.", encoding="utf-8")
    articles, errors = read([tmp_path])
    assert not errors
    assert [a.source for a in articles] == [str(tmp_path / "news" / "page.txt")]
    # A hidden folder named on the command line is read.
    articles, _ = read([tmp_path / ".hidden"])
    assert len(articles) == 1


def test_siblings_are_other_pages_never_copies_of_this_one(tmp_path):
    from analyser import analyse_paths

    story = ("A Headline About The Harbour\n\nThe harbour wall was repaired on Monday after "
             "the winter storms, the council said in a statement.\n\nWork cost less than the "
             "council had feared when the storms first hit the town in January.\n")
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "story.txt").write_text(story, encoding="utf-8")
    other = tmp_path / "a" / "other.txt"
    other.write_text("Menu\n\nA different story about the market, which opened on Friday "
                     "morning with forty stalls.\n", encoding="utf-8")
    articles, _ = read([tmp_path], outlet="X")
    siblings = {a.source: a.siblings for a in articles}
    assert siblings[str(tmp_path / "a" / "story.txt")] == (other.read_text("utf-8"),)
    corpus = analyse_paths([tmp_path], outlet="X")
    assert not corpus.errors
    alone = analyse_paths([tmp_path / "a" / "story.txt"]).articles["words"].iloc[0]
    words = corpus.articles.set_index("source")["words"]
    assert alone > 25
    assert [words[str(tmp_path / n / "story.txt")] for n in "abc"] == [alone] * 3


HTML = ("<html><head><title>T</title>{meta}</head><body><article><h1>A headline</h1><p>The "
        "council voted on Tuesday to close the old library on Main Street after years of "
        "falling visitor numbers.</p></article></body></html>")


def test_html_outlet_is_the_site_name_the_page_declares(tmp_path):
    (tmp_path / "desk").mkdir()
    named = tmp_path / "desk" / "named.html"
    named.write_text(HTML.format(meta='<meta property="og:site_name" content="Town Gazette">'),
                     encoding="utf-8")
    plain = tmp_path / "desk" / "plain.html"
    plain.write_text(HTML.format(meta=""), encoding="utf-8")
    loose = tmp_path / "loose.html"
    loose.write_text(HTML.format(meta='<script type="application/ld+json">{"@type": '
                                      '"NewsArticle", "publisher": {"name": "The Daily"}}'
                                      '</script>'), encoding="utf-8")
    articles, _ = read([tmp_path])
    assert {a.id: a.outlet for a in articles} == {
        "named": "Town Gazette", "plain": "desk", "loose": "The Daily"}
    articles, _ = read([named], outlet="Mine")
    assert articles[0].outlet == "Mine"
    (tmp_path / "desk" / "sources.csv").write_text("file,outlet\nnamed.html,Manifest Name\n",
                                                   encoding="utf-8")
    articles, _ = read([named])
    assert articles[0].outlet == "Manifest Name"


def test_site_name_is_only_what_the_page_says(tmp_path):
    from analyser.clean import clean_article

    page = tmp_path / "t.html"
    page.write_text(HTML.format(meta=""), encoding="utf-8")
    (article,), _ = read([page])
    assert article.outlet == "t"
    assert clean_article(article).site_name is None


def test_cp1252_corpus_files_are_decoded_with_a_warning(tmp_path):
    text = "Café owners said it was “fine”. Prices rose."
    csv_path = tmp_path / "cp.csv"
    csv_path.write_bytes(f"id,text\n1,{text}\n".encode("cp1252"))
    jl = tmp_path / "cp.jsonl"
    jl.write_bytes((json.dumps({"id": "j", "text": text}, ensure_ascii=False) + "\n")
                   .encode("cp1252"))
    for path in (csv_path, jl):
        with pytest.warns(UserWarning, match=rf"{path.name}: not UTF-8; decoded as cp1252"):
            articles, errors = read([path])
        assert not errors
        assert articles[0].raw == "Café owners said it was “fine”. Prices rose."


def test_csv_without_text_column_is_one_error(tmp_path):
    path = tmp_path / "notext.csv"
    path.write_text("id,title\n" + "".join(f"{i},T{i}\n" for i in range(50)), encoding="utf-8")
    articles, errors = read([path])
    assert not articles
    assert [str(e) for e in errors] == [f"{path}: no 'text' column (columns: id, title)"]
    pq = tmp_path / "notext.parquet"
    pd.DataFrame({"id": [1, 2], "title": ["a", "b"]}).to_parquet(pq)
    _, errors = read([pq])
    assert [e.reason for e in errors] == ["no 'text' column (columns: id, title)"]


def test_utf16_and_bom_only_files(tmp_path):
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Héllo wörld. It works.".encode("utf-16"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf")
    bom16 = tmp_path / "bom16.txt"
    bom16.write_bytes(b"\xff\xfe")
    articles, errors = read([utf16, bom, bom16])
    assert [a.raw for a in articles] == ["Héllo wörld. It works."]
    assert {e.source.rsplit("/", 1)[-1]: e.reason for e in errors} == {
        "bom.txt": "empty file", "bom16.txt": "empty file"}


def test_unsupported_and_malformed_urls_are_one_error_each(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A fine article. It has two sentences.", encoding="utf-8")
    items = ["ftp://example.org/file", "ftp:/example.org/file", "http://[::1", str(good)]
    articles, errors = read(items)
    assert [a.id for a in articles] == ["good"]
    assert [str(e) for e in errors] == [
        "ftp://example.org/file: unsupported URL scheme 'ftp' (only http and https URLs "
        "are read)",
        "ftp:/example.org/file: unsupported URL scheme 'ftp' (only http and https URLs "
        "are read)",
        "http://[::1: invalid URL (Invalid IPv6 URL)",
    ]
