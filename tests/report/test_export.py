"""`analyser report --export DIR` writes the frames beside the report."""

from __future__ import annotations

import pandas as pd
import pytest

from analyser.cli import main

from .helpers import SEEDS


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    out, folder = tmp / "seeds.html", tmp / "frames"
    assert main(["report", str(SEEDS), "-o", str(out), "--export", str(folder)]) == 0
    return out, folder


def test_report_and_csv_frames_are_written(exported):
    out, folder = exported
    assert out.is_file() and out.stat().st_size > 1_000_000
    articles = pd.read_csv(folder / "articles.csv")
    sentences = pd.read_csv(folder / "sentences.csv")
    findings = pd.read_csv(folder / "findings.csv")
    assert len(articles) == 4 and {"id", "words", "analyser_version"} <= set(articles)
    assert {"article_id", "index", "text"} <= set(sentences)
    assert sentences["article_id"].nunique() == 4
    assert {"article_id", "code", "category", "start", "end", "text", "message"} <= set(findings)


def test_parquet_frames_match_csv(exported):
    pytest.importorskip("pyarrow")
    _, folder = exported
    for name in ("articles", "sentences", "findings"):
        csv = pd.read_csv(folder / f"{name}.csv")
        parquet = pd.read_parquet(folder / f"{name}.parquet")
        assert len(parquet) == len(csv) and list(parquet.columns) == list(csv.columns)


def test_no_temporary_files_left(exported):
    out, folder = exported
    leftovers = [p.name for p in [*out.parent.iterdir(), *folder.iterdir()]
                 if p.name.startswith(".") or p.suffix == ".part"]
    assert leftovers == []
