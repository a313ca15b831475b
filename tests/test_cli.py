"""The command line as a user runs it: score, report, extract, exit codes, no partial output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analyser.cli import main

REPO = Path(__file__).resolve().parents[1]
READABILITY_COLUMNS = [
    "words", "sentences", "words_per_sentence", "syllables_per_word", "flesch_reading_ease",
    "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
    "automated_readability_index", "dale_chall", "linsear_write", "consensus_grade",
    "long_sentence_ratio", "reading_time_minutes",
]


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analyser", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def seed_scores():
    out = run("score", "seeds", "--format", "json")
    assert out.returncode == 0, out.stderr
    return {row["id"][:3]: row for row in json.loads(out.stdout)}


def test_score_json_has_one_row_per_seed_with_readability_columns(seed_scores):
    assert sorted(seed_scores) == ["000", "001", "002", "003"]
    for row in seed_scores.values():
        for col in READABILITY_COLUMNS:
            assert isinstance(row[col], (int, float)), col
        assert row["analyser_version"] and row["ruleset_version"]


def test_seed_001_sentence_count_matches_hand_count(seed_scores):
    # Hand count of seed 001: the headline, three bullet points (list items), and one
    # paragraph of ten sentences. Sentence statistics use prose only: ten sentences.
    row = seed_scores["001"]
    assert row["sentences"] == 10
    assert row["sentences_total"] == 14


def test_score_defaults_to_seeds_and_writes_csv(tmp_path):
    out_file = tmp_path / "scores.csv"
    out = run("score", "-o", str(out_file))
    assert out.returncode == 0, out.stderr
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and lines[0].startswith("id,outlet,title")


def test_bad_inputs_exit_2_others_processed(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("This is a fine article. It has two sentences.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out_file = tmp_path / "out.jsonl"
    status = main(["score", str(good), str(empty), str(tmp_path / "nope.txt"),
                   "--format", "jsonl", "-o", str(out_file)])
    err = capsys.readouterr().err
    assert status == 2
    assert f"{empty}: empty file" in err
    assert "nope.txt: no such file or folder" in err
    rows = [json.loads(x) for x in out_file.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["good"]


def test_no_partial_file_when_nothing_readable(tmp_path, capsys):
    out_file = tmp_path / "report.html"
    status = main(["report", str(tmp_path / "missing.txt"), "-o", str(out_file)])
    assert status == 2
    assert not out_file.exists()
    assert not list(tmp_path.glob(".*part"))


def test_inputs_are_never_changed(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(b"Caf\xe9 news. It was \x93fine\x94.\n")
    before = page.read_bytes()
    out = run("score", str(page), "--format", "json")
    assert out.returncode == 0
    assert "not UTF-8; decoded as cp1252" in out.stderr
    assert page.read_bytes() == before


def test_report_writes_one_self_contained_file(tmp_path):
    out_file = tmp_path / "r.html"
    out = run("report", "seeds", "-o", str(out_file))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(out_file)
    html = out_file.read_text(encoding="utf-8")
    assert html.count("plotly.js v") <= 2  # the library banner, embedded once
    assert "<script src" not in html and "<link " not in html  # nothing loaded from outside


def test_extract_json(seeds_dir):
    out = run("extract", str(seeds_dir / "001_6afff10da7a3cbd5.txt"), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"title", "text", "removed"} <= set(data)
    assert "Sheinbaum firmly stated" in data["text"]


def test_usage_error_exit_2():
    out = run("score", "--format", "xml")
    assert out.returncode == 2


def test_score_writes_no_file_when_nothing_readable(tmp_path, capsys):
    out_file = tmp_path / "scores.csv"
    status = main(["score", str(tmp_path / "missing.txt"), "-o", str(out_file)])
    assert status == 2 and not out_file.exists()
    assert "nothing written" in capsys.readouterr().err


def test_score_prints_no_header_only_table_when_nothing_readable(tmp_path, capsys):
    status = main(["score", str(tmp_path / "missing.txt")])
    captured = capsys.readouterr()
    assert status == 2 and captured.out == ""
    assert "nothing written to standard output" in captured.err


def test_check_follows_links_only_when_asked(tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "page.txt").write_text("The council approved the budget on Monday. "
                                      "It will take effect in May.\n", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside / "page.txt")
    main(["check", str(folder), "--format", "json"])
    assert json.loads(capsys.readouterr().out)["files"] == []  # the link is skipped
    main(["check", str(folder), "--format", "json", "--follow-links"])
    files = json.loads(capsys.readouterr().out)["files"]
    assert [Path(f["path"]).name for f in files] == ["link.txt"]


def test_extract_json_of_a_folder_is_one_list(seeds_dir, capsys):
    status = main(["extract", str(seeds_dir), "--format", "json"])
    docs = json.loads(capsys.readouterr().out)
    assert status == 0 and isinstance(docs, list) and len(docs) == 4
    assert all({"title", "text", "removed"} <= set(d) for d in docs)


def test_author_column_comes_from_the_byline(tmp_path, capsys):
    page = tmp_path / "story.txt"
    page.write_text("Council approves budget\n\nBy Jane Doe | May 3, 2025\n\n"
                    "The city council approved the budget on Tuesday by seven votes to two. "
                    "The plan cuts spending on roads and raises money for schools.\n",
                    encoding="utf-8")
    assert main(["score", str(page), "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["author"] == "Jane Doe"


@pytest.mark.parametrize("jobs", ["0", "-3", "two"])
def test_jobs_must_be_a_whole_number_of_at_least_one(jobs, capsys):
    assert main(["score", "seeds", "-j", jobs]) == 2
    err = capsys.readouterr().err
    assert "argument -j/--jobs:" in err
    assert ("must be at least 1" if jobs != "two" else "expected a whole number") in err


def test_stories_lists_the_seeds_as_one_story():
    out = run("stories")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0].startswith("story-1 (4 outlets, 4 tellings")
    assert out.stdout.rstrip().endswith("4 articles, 1 story told by two or more outlets "
                                        "(4 articles)")
    data = json.loads(run("stories", "--format", "json").stdout)
    assert [g["story"] for g in data] == ["story-1"]
    assert {a["id"][:3] for a in data[0]["articles"]} == {"000", "001", "002", "003"}
    assert all(a["telling"] and not a["copy_of"] for a in data[0]["articles"])


def test_stories_goes_on_past_a_bad_input(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00" * 10)
    out = run("stories", "seeds", str(bad))
    assert out.returncode == 2
    assert "bad.txt" in out.stderr
    assert "1 story told by two or more outlets" in out.stdout


def test_report_exports_the_story_tables(tmp_path):
    out = run("report", "seeds", "-o", str(tmp_path / "r.html"), "--export",
              str(tmp_path / "tables"))
    assert out.returncode == 0, out.stderr
    import pandas as pd

    stories = pd.read_csv(tmp_path / "tables" / "stories.csv")
    assert list(stories["story"].unique()) == ["story-1"] and len(stories) == 4
    assert {"analyser_version", "ruleset_version"} <= set(stories.columns)
    paired = pd.read_csv(tmp_path / "tables" / "paired.csv")
    assert paired.empty  # no outlet is named on three of the four pages: nothing to pair
    articles = pd.read_csv(tmp_path / "tables" / "articles.csv", keep_default_na=False)
    assert set(articles["story"]) == {"story-1"}
