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
