"""Large inputs (issue 17): the per-article word limit, and steps whose work must stay
linear in the input's length. Speed itself is measured in benchmarks/large_input.py."""

from __future__ import annotations

import json
import math
import random

import pytest

from analyser import analyse_text
from analyser.clean.features import _distance, line_features
from analyser.cli import main
from analyser.config import load_config_file
from analyser.errors import ConfigError, InputError
from analyser.settings import DEFAULT_MAX_ARTICLE_WORDS, Settings

ARTICLE = "The minister said the plan was ready. Troops will stay home. " * 20


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_default_limit_passes_long_reads():
    # a long read of 20,000 words and a 100,000-word novel are still articles
    assert DEFAULT_MAX_ARTICLE_WORDS >= 100_000
    assert Settings().max_article_words == DEFAULT_MAX_ARTICLE_WORDS


def test_an_article_over_the_limit_is_an_input_error():
    analysis = analyse_text(ARTICLE, settings=Settings(max_article_words=220))
    assert analysis.scores["words_total"] == 220
    with pytest.raises(InputError, match=r"^article has 220 words, over the limit of 219 "
                                         r"\(max-article-words\)$"):
        analyse_text(ARTICLE, settings=Settings(max_article_words=219))


def test_the_limit_comes_from_the_config_file(tmp_path):
    cfg = write(tmp_path / "analyser.toml", "max-article-words = 50000\n")
    assert load_config_file(cfg).max_article_words == 50_000


@pytest.mark.parametrize("value", ["0", "-5", "1.5", "'many'", "true", "inf"])
def test_a_bad_limit_names_the_file_and_the_key(tmp_path, value):
    cfg = write(tmp_path / "analyser.toml", f"max-article-words = {value}\n")
    with pytest.raises(ConfigError, match=r"analyser\.toml: max-article-words: "):
        load_config_file(cfg)


def test_an_article_over_the_limit_is_one_line_and_the_others_go_on(tmp_path, capsys):
    write(tmp_path / "analyser.toml", "max-article-words = 100\n")
    long = write(tmp_path / "long.txt", ARTICLE)
    short = write(tmp_path / "short.txt", "A short piece. It has two sentences and no more.")
    out = tmp_path / "out.jsonl"
    status = main(["score", str(long), str(short), "--format", "jsonl", "-o", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert err == [f"analyser: error: {long}: article has 220 words, over the limit of 100 "
                   "(max-article-words)"]
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == [
        "short"]


@pytest.mark.parametrize("seed", range(30))
def test_distance_to_the_nearest_prose_line_is_exact(seed):
    # the text cleaner's "distance to prose" feature, by binary search instead of a scan
    # of every prose line for every line (quadratic on a page of many lines)
    rng = random.Random(seed)
    n = rng.randint(0, 40)
    positions = sorted(rng.sample(range(n), rng.randint(0, n))) if n else []
    for i in range(n):
        expected = min((abs(i - j) for j in positions), default=n)
        assert _distance(positions, i, n) == expected


def test_line_features_are_linear_work_on_many_lines():
    # 20,000 lines: a scan of every prose line for each line would be 200 million steps
    lines = ["This is a line of running prose with enough words to count as prose."] * 10_000
    lines += ["Menu"] * 10_000
    feats = line_features(lines)
    assert len(feats) == 20_000
    assert feats[-1][28] == pytest.approx(math.log1p(10_000))  # log of the distance
