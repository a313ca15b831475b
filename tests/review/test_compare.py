"""``analyser compare``: measures side by side, findings fixed and introduced, a verdict."""

from __future__ import annotations

import json
from pathlib import Path

from analyser import analyse_text
from analyser.cli import main
from analyser.review.compare import HEADLINE, compare_analyses, match_findings

DRAFT = ("The council was, you know, firm about the budget on Tuesday. It was, like, really "
         "a very long meeting. The mayor will sign it next week, basically.\n")
EDIT = ("The council was firm about the budget on Tuesday. It was a long meeting. The mayor "
        "will sign it next week, basically.\n")


def test_match_by_code_text_and_sentence_not_offsets():
    old, new = analyse_text(DRAFT), analyse_text(EDIT)
    fixed, introduced, kept = match_findings(old, new)
    fixed_codes = {old.findings[i].code for i in fixed}
    assert "FIL001" in fixed_codes  # "you know" went
    assert not any(new.findings[j].code == "FIL004" for j in introduced)  # moved, kept
    assert kept >= 1


def test_comparison_is_tighter_and_headline_first():
    c = compare_analyses(analyse_text(DRAFT), analyse_text(EDIT))
    assert c.verdict == "tighter"
    names = [m.name for m in c.measures]
    assert names == [n for n in HEADLINE if n in names]  # only headline, in order
    words = next(m for m in c.measures if m.name == "words")
    assert words.change < 0 and words.verdict == "better"


def test_compare_cli_text_and_json(tmp_path, capsys):
    old = tmp_path / "draft.txt"
    new = tmp_path / "edit.txt"
    old.write_text(DRAFT, encoding="utf-8")
    new.write_text(EDIT, encoding="utf-8")
    assert main(["compare", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "readability_grade" in out and "Fixed (" in out and "Verdict: tighter" in out
    assert "FIL001 'you know'  (old 1:" in out
    assert main(["compare", str(old), str(new), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "analyser.compare/1"
    assert data["verdict"] == "tighter"
    assert {"name", "old", "new", "change", "verdict"} <= set(data["measures"][0])
    assert any(f["code"] == "FIL001" and f["line"] == 1 for f in data["fixed"])


def test_compare_missing_file_exits_2(tmp_path, capsys):
    old = tmp_path / "draft.txt"
    old.write_text(DRAFT, encoding="utf-8")
    assert main(["compare", str(old), str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_compare_a_folder_exits_2(tmp_path, capsys):
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    assert main(["compare", str(seeds), str(seeds)]) == 2
    assert "one article per side" in capsys.readouterr().err
