"""``check`` prints a file at a time exactly what it printed whole."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from analyser.review.check import check_paths
from analyser.review.formats import StreamPrinter, render
from analyser.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    (folder / "a.txt").write_text("Basically, the plan is very important, you know.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Rain fell. Rivers rose.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return [str(folder), str(SEEDS)]


@pytest.mark.parametrize(("fmt", "statistics"),
                         [("text", False), ("text", True), ("json", False), ("github", False)])
def test_streamed_output_equals_the_whole_output(inputs, fmt, statistics):
    whole = check_paths(inputs, Settings())
    out = io.StringIO()
    printer = StreamPrinter(fmt, out, statistics=statistics, config_path=whole.config_path)
    streamed = check_paths(inputs, Settings(), on_file=printer.file, keep=False)
    printer.finish(streamed)
    assert streamed.files == [] and streamed.summary == whole.summary
    assert whole.summary["findings"] > 0
    assert out.getvalue() == render(whole, fmt, statistics=statistics) + "\n"


def test_an_empty_run_prints_an_empty_files_list():
    out = io.StringIO()
    printer = StreamPrinter("json", out)
    printer.finish(check_paths([], Settings()))
    assert '"files": [],' in out.getvalue()
