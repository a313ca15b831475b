"""What the fuzz targets found, each minimised to a plain test.

Each was found by the fuzz suite (issue 17) and is fixed; the test keeps it fixed.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

import pytest

from analyser import analyse_paths, analyse_text
from analyser.analysis import analyse_article
from analyser.ingest import IngestError, iter_articles
from analyser.models import Article

from .hostile import FOUND_JSONL_ROWS, FOUND_TAGS
from .invariants import analyse_or_input_error, check_analysis, check_record


def _read_jsonl(tmp_path, middle: str) -> list:
    path = tmp_path / "corpus.jsonl"
    path.write_text(f'{{"text": "First row."}}\n{middle}\n{{"text": "Third row."}}\n',
                    encoding="utf-8")
    return list(iter_articles([str(path)]))


def test_a_row_with_a_huge_integer_is_one_row_error(tmp_path):
    items = _read_jsonl(tmp_path, FOUND_JSONL_ROWS["huge integer"])
    for item in items:
        check_record(item)
    assert [type(i).__name__ for i in items] == ["Article", "IngestError", "Article"]
    assert "#2" in items[1].source or "line 2" in items[1].reason


def test_a_deeply_nested_row_is_one_row_error(tmp_path):
    items = _read_jsonl(tmp_path, FOUND_JSONL_ROWS["deep nesting"])
    assert [type(i).__name__ for i in items] == ["Article", "IngestError", "Article"]
    assert isinstance(items[1], IngestError)


def test_a_row_with_a_lone_surrogate_is_analysed_or_one_row_error(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(FOUND_JSONL_ROWS["lone surrogate"] + '\n{"text": "Second row."}\n',
                    encoding="utf-8")
    corpus = analyse_paths([str(path)])
    assert len(corpus.analyses) + len(corpus.errors) == 2


@pytest.mark.parametrize("tag", FOUND_TAGS)
def test_a_link_inside_svg_or_math_is_no_bug(tag):
    page = f"<{tag}><x></x><a>0:0:0:0:0?"
    analysis = analyse_or_input_error(analyse_article, Article(id="p", raw=page, format="html"))
    if analysis is not None:
        check_analysis(analysis)


def test_a_broken_csv_header_is_one_error_line(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_bytes(b'"text\r\n')
    items = list(iter_articles([str(path)]))
    assert len(items) == 1
    check_record(items[0])


@pytest.mark.parametrize("clean", [False, True])
def test_a_lone_surrogate_is_analysed_or_refused_as_input(clean):
    text = ("The minister said the plan was done \ud800 today. It was a long day for the "
            "team in the capital, and officials agreed.\n") * 3
    analysis = analyse_or_input_error(analyse_text, text, clean=clean)
    if analysis is not None:
        check_analysis(analysis)


@contextmanager
def time_limit(seconds: float):
    """Stop the block with TimeoutError after ``seconds`` (so a hang fails quickly)."""

    def stop(*_):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
def test_a_long_run_of_letters_is_cleaned_in_linear_time():
    # warm up: the first analysis loads the models
    analyse_or_input_error(analyse_text, "The minister said it was done at 10 am. " * 3,
                           clean=True)
    with time_limit(5):
        analyse_text("The minister said it was done at 10 am today. " + "a" * 40_000 + ".",
                     clean=True)
