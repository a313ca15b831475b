"""benchmarks/fit_readability_grade.py: its cross-validation and JSON output, end to end on
a small synthetic set (no shared data needed)."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EASY = ["The cat sat on the mat.", "We went to the park.", "It was a warm day.",
        "The dog ran home.", "She had a red hat.", "They ate some bread."]
HARD = ["Notwithstanding considerable opposition, the administration reaffirmed its "
        "commitment to accelerating hydrocarbon exploration.",
        "Critics characterised the announcement as disingenuous, contending that projections "
        "systematically underestimated infrastructural liabilities.",
        "The jurisprudential ramifications of the legislation, which parliamentarians "
        "scrutinised exhaustively, remained indeterminate.",
        "Epistemological considerations notwithstanding, the committee's deliberations "
        "culminated in an unprecedented constitutional realignment."]


@pytest.fixture(scope="module")
def fit():
    pytest.importorskip("sklearn")
    pytest.importorskip("scipy")
    pytest.importorskip("pandas")
    spec = importlib.util.spec_from_file_location(
        "fit_readability_grade", REPO / "benchmarks" / "fit_readability_grade.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fit_readability_grade", module)
    spec.loader.exec_module(module)
    return module


def text(hard: int, seed: int) -> str:
    """Six sentences, ``hard`` of them hard, picked by ``seed``."""
    easy = [EASY[(seed + k) % len(EASY)] for k in range(6 - hard)]
    tough = [HARD[(seed + k) % len(HARD)] for k in range(hard)]
    return " ".join(easy + tough)


def write_data(tmp: Path) -> tuple[Path, Path, Path]:
    clear = tmp / "clear.csv.gz"
    with gzip.open(clear, "wt", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text", "bt_easiness", "category", "lexile_band"])
        for i in range(48):
            hard = i % 5
            w.writerow([f"x{i}", text(hard, i), -hard + 0.1 * ((i * 7) % 5),
                        "Lit" if i % 2 else "Info", str(500 + 200 * hard)])
    onestop = tmp / "onestop.csv.gz"
    with gzip.open(onestop, "wt", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["article_id", "level", "text"])
        for a in range(6):
            for level, hard in (("ele", 0), ("int", 2), ("adv", 4)):
                w.writerow([f"a{a}", level, text(hard, a)])
    news = tmp / "news.jsonl.gz"
    with gzip.open(news, "wt", encoding="utf-8") as fh:
        for i in range(10):
            fh.write(json.dumps({"text": " ".join([text(i % 4, i)] * (1 + i % 3))}) + "\n")
    return clear, onestop, news


def test_cross_validation_orders_a_synthetic_set(fit, tmp_path):
    clear, onestop, news = write_data(tmp_path)
    data = fit.Data(clear, onestop, news)
    oof_c, oof_o, chosen = fit.cross_validate(data, folds=3)
    assert oof_c.shape == data.y.shape and oof_o.shape == data.levels.shape
    assert len(chosen) == 3 and set(chosen) <= set(fit.L2_GRID)
    # harder text (lower easiness) gets higher out-of-fold hardness
    assert fit.spearman(-oof_c, data.y) > 0.8
    assert fit.pairwise_accuracy(oof_o, data.levels, data.groups) > 0.8


def test_main_rewrites_the_document_model(fit, tmp_path):
    from analyser.metrics import grade

    clear, onestop, news = write_data(tmp_path)
    out = tmp_path / "model.json"
    shutil.copy(REPO / "analyser" / "metrics" / "data" / "readability_grade.json", out)
    args = ["--clear", str(clear), "--onestop", str(onestop), "--news", str(news),
            "--folds", "3", "--out", str(out)]
    assert fit.main(args) == 0
    after = json.loads(out.read_text("utf-8"))
    assert "sentence" not in after  # the sentence model lives in sentence_grade.json
    doc = after["document"]
    assert doc["features"] == fit.doc_features()
    assert set(doc["features"]) <= set(grade.FEATURES)
    assert len(doc["weights"]) == len(doc["means"]) == len(doc["scales"]) == len(
        doc["features"])
    cal = doc["calibration"]
    assert cal["slope"] > 0
    # the grade of an easy synthetic text is below that of a hard one with this model
    easy = grade.score(grade.features(fit.doc_stats(text(0, 1))[1]), doc)
    hard = grade.score(grade.features(fit.doc_stats(text(4, 1))[1]), doc)
    assert grade.to_grade(easy, doc) < grade.to_grade(hard, doc)


def test_lexile_bands_map_to_rising_grades(fit):
    import numpy as np

    assert fit.lexile_value("1300") == 1300
    assert fit.lexile_value("610L-800L") == 705
    assert np.isnan(fit.lexile_value("n/a"))
    g = fit.lexile_to_grade(np.array([500.0, 900.0, 1300.0]))
    assert g[0] < g[1] < g[2]
    # the line passes near each Common Core band's midpoint
    for lo_g, hi_g, lo, hi in fit.LEXILE_GRADE_BANDS:
        mid = fit.lexile_to_grade(np.array([(lo + hi) / 2]))[0]
        assert abs(mid - (lo_g + hi_g) / 2) < 1.5


def test_skips_cleanly_without_data(fit, tmp_path, capsys):
    assert fit.main(["--clear", str(tmp_path / "absent.csv.gz"), "--dry-run"]) == 0
    assert "skipped" in capsys.readouterr().out
