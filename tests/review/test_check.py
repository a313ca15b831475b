"""``analyser check``: every exit status, output formats, selection, suppression, Markdown,
and positions that point at the right words in the original files."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from analyser.cli import main

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
EXAMPLE = REPO / "docs" / "examples" / "analyser.toml"
CLEAN = ("The city council approved the budget on Tuesday by seven votes to two. The plan "
         "cuts spending on roads and raises money for schools. The mayor will sign it next "
         "week, and the new rates start in April.\n")
FILLER = ("The council was, you know, firm about the budget on Tuesday. The plan cuts spending "
          "on roads and raises money for schools. The mayor will sign it next week.\n")
NO_LIMITS = ("[thresholds]\nreadability_grade = false\nfiller_per_1k = false\n"
             "padding_index = false\n")


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def check_json(capsys, *args: str) -> tuple[int, dict]:
    code, out, _ = run(capsys, *args, "--format", "json")
    return code, json.loads(out)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def isolated(tmp_path, monkeypatch):
    """A folder with no house-style file above it (discovery stops at a config we write)."""
    import analyser.config as config

    real = config.find_config
    monkeypatch.setattr(config, "find_config",
                        lambda start: real(start) if tmp_path in Path(start).resolve().parents
                        or Path(start).resolve() == tmp_path else None)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def assert_points_at_words(path: str | Path, findings: list[dict]) -> None:
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    for f in findings:
        at = lines[f["line"] - 1][f["column"] - 1:]
        assert at.startswith(f["text"].split("\n")[0]), (f["code"], f["line"], f["column"], at[:40])


# --- exit statuses -------------------------------------------------------------------------


def test_exit_0_on_a_clean_file(isolated, capsys):
    page = write(isolated / "clean.txt", CLEAN)
    code, out, _ = run(capsys, str(page))
    assert code == 0
    assert out.strip().splitlines()[-1] == (
        "0 findings (0 errors, 0 warnings, 0 suggestions) in 1 file; 0 thresholds exceeded")


def test_exit_0_when_only_warnings(isolated, capsys):
    write(isolated / "analyser.toml", NO_LIMITS)
    page = write(isolated / "filler.txt", FILLER)
    code, out, _ = run(capsys, str(page))
    assert code == 0
    assert re.search(r"filler\.txt:1:\d+: FIL001 ", out)


def test_exit_1_on_an_error_level_finding(isolated, capsys):
    write(isolated / "analyser.toml", NO_LIMITS + "[levels]\nFIL = 'error'\n")
    page = write(isolated / "filler.txt", FILLER)
    code, out, _ = run(capsys, str(page))
    assert code == 1
    assert "(1 error," in out
    code, _, _ = run(capsys, str(page), "--exit-zero")
    assert code == 0


def test_exit_1_on_a_threshold_exceeded_under_the_default_house_style(isolated, capsys):
    page = isolated / "000.txt"
    shutil.copy(seed("000"), page)
    code, out, _ = run(capsys, str(page))
    assert code == 1
    assert re.search(r"000\.txt:1:1: THR001 filler_per_1k [\d.]+ is over the house maximum 2\b",
                     out)
    assert re.search(r"000\.txt:1:1: THR001 padding_index [\d.]+ is over the house maximum", out)
    assert re.search(r"; [1-9]\d* thresholds? exceeded$", out.strip())


def test_exit_2_on_a_missing_file_and_the_others_are_still_checked(isolated, capsys):
    page = write(isolated / "filler.txt", FILLER)
    code, out, err = run(capsys, str(isolated / "missing.txt"), str(page))
    assert code == 2
    assert "missing.txt: no such file or folder" in err
    assert "FIL001" in out
    assert "1 input could not be checked" in out


def test_exit_2_on_an_invalid_config_naming_file_and_key(isolated, capsys):
    bad = write(isolated / "bad.toml", "[levels]\nFIL = 'loud'\n")
    page = write(isolated / "clean.txt", CLEAN)
    code, out, err = run(capsys, str(page), "--config", str(bad))
    assert code == 2
    assert str(bad) in err and "levels.FIL" in err


def test_exit_2_on_a_discovered_invalid_config(isolated, capsys):
    write(isolated / "analyser.toml", "selct = ['FIL']\n")
    code, _, err = run(capsys, str(write(isolated / "clean.txt", CLEAN)))
    assert code == 2
    assert "analyser.toml: selct: unknown key" in err


def test_exit_2_on_a_threshold_naming_no_score(isolated, capsys):
    write(isolated / "analyser.toml", "[thresholds]\nreadabilty_grade = 12\n")
    code, _, err = run(capsys, str(write(isolated / "clean.txt", CLEAN)))
    assert code == 2
    assert "thresholds.readabilty_grade: no such score (did you mean 'readability_grade'?)" in err


def test_exit_2_on_a_bad_command_line_code(isolated, capsys):
    code, _, err = run(capsys, str(write(isolated / "clean.txt", CLEAN)), "--select", "F!L")
    assert code == 2 and "--select" in err


# --- selection -----------------------------------------------------------------------------


def test_select_and_ignore_on_the_command_line(isolated, capsys):
    write(isolated / "analyser.toml", NO_LIMITS)
    page = write(isolated / "filler.txt", FILLER)
    _, out, _ = run(capsys, str(page), "--ignore", "FIL")
    assert "FIL001" not in out
    _, out, _ = run(capsys, str(page), "--select", "HDG,INT")
    assert "FIL001" not in out
    _, out, _ = run(capsys, str(page), "--select", "FIL001")
    assert "FIL001" in out


def test_per_file_ignores(isolated, capsys):
    write(isolated / "analyser.toml", NO_LIMITS + '[per-file-ignores]\n"drafts/*.txt" = ["FIL"]\n')
    draft = write(isolated / "drafts" / "a.txt", FILLER)
    # different texts: identical pages of one outlet look like furniture to the cleaner
    final = write(isolated / "final" / "a.txt", FILLER.replace("The mayor", "Its leader"))
    _, out, _ = run(capsys, str(draft), str(final))
    assert "final/a.txt:1:" in out and "FIL001" in out
    assert "drafts/a.txt:1:" not in out


def test_thresholds_can_be_ignored_like_any_code(isolated, capsys):
    page = isolated / "000.txt"
    shutil.copy(seed("000"), page)
    code, out, _ = run(capsys, str(page), "--ignore", "THR")
    assert "THR001" not in out and code == 0


# --- formats -------------------------------------------------------------------------------

FINDING_KEYS = {"code", "name", "category", "level", "line", "column", "end_line", "end_column",
                "text", "message", "suggestion", "in_quote"}


def test_json_schema(isolated, capsys):
    page = isolated / "000.txt"
    shutil.copy(seed("000"), page)
    code, doc = check_json(capsys, str(page), str(isolated / "missing.txt"))
    assert code == 2
    assert doc["schema"] == "analyser.check/1"
    assert isinstance(doc["version"], str) and isinstance(doc["ruleset_version"], str)
    assert set(doc) >= {"schema", "version", "files", "summary", "errors", "config"}
    (f,) = doc["files"]
    assert set(f) >= {"path", "scores", "thresholds", "findings"}
    assert f["path"] == str(page)
    assert all(isinstance(v, (int, float)) or v is None for v in f["scores"].values())
    for t in f["thresholds"]:
        assert set(t) >= {"code", "measure", "value", "limit", "bound", "level", "message"}
        assert t["code"] in ("THR001", "THR002")
    assert {t["measure"] for t in f["thresholds"]} >= {"filler_per_1k", "padding_index"}
    assert f["findings"]
    for x in f["findings"]:
        assert set(x) == FINDING_KEYS
        assert x["level"] in ("suggestion", "warning", "error")
        assert x["line"] >= 1 and x["column"] >= 1
        assert (x["end_line"], x["end_column"]) > (x["line"], x["column"])
    s = doc["summary"]
    assert s["files"] == 1 and s["input_errors"] == 1 and s["exit_status"] == 2
    assert s["findings"] == len(f["findings"])
    assert s["errors"] + s["warnings"] + s["suggestions"] == s["findings"]
    assert s["thresholds_exceeded"] == len(f["thresholds"])
    assert doc["errors"][0]["path"].endswith("missing.txt")


def test_github_annotations(isolated, capsys):
    page = write(isolated / "filler.txt", FILLER)
    code, out, _ = run(capsys, str(page), "--format", "github")
    lines = out.strip().splitlines()
    assert any(re.fullmatch(r"::warning file=.*filler\.txt,line=1,col=\d+,endLine=1,"
                            r"endColumn=\d+,title=FIL001::Filler .*", ln) for ln in lines)
    assert all(ln.startswith("::") for ln in lines[:-1])
    assert lines[-1].startswith("1 finding") or "findings" in lines[-1]


# --- Markdown and suppression --------------------------------------------------------------

MARKDOWN = """---
title: You know, a front matter title
---
# Budget passes

The council was, you know, firm about the budget on Tuesday, and the vote was seven to two.

Run `you know` in the shell, or see [the minutes](https://example.com/you-know) today.

<!-- you know, a comment -->

```text
It was, you know, a code block.
```

    It was, you know, indented code.

<!-- analyser: ignore FIL001 -->
The mayor was, you know, pleased with the vote and will sign the plan next week.

<!-- analyser: off -->
Officials were, you know, relieved.
<!-- analyser: on -->

[minutes]: https://example.com/basically
The new rates, you know, start in April for every household in the city.
"""


def test_markdown_code_links_comments_and_front_matter_are_never_flagged(isolated, capsys):
    write(isolated / "analyser.toml", NO_LIMITS)
    page = write(isolated / "story.md", MARKDOWN)
    _, doc = check_json(capsys, str(page))
    findings = doc["files"][0]["findings"]
    filler_lines = sorted(f["line"] for f in findings if f["code"] == "FIL001")
    lines = MARKDOWN.split("\n")
    assert [lines[n - 1][:16] for n in filler_lines] == [
        "The council was,", "The new rates, y"]
    assert_points_at_words(page, findings)


def test_suppressed_findings_are_counted_not_shown(isolated, capsys):
    write(isolated / "analyser.toml", NO_LIMITS)
    page = write(isolated / "story.md", MARKDOWN)
    _, doc = check_json(capsys, str(page))
    assert doc["files"][0]["suppressed"] >= 2
    assert doc["summary"]["suppressed"] >= 2


def test_html_positions_and_suppression(isolated, capsys):
    write(isolated / "analyser.toml", NO_LIMITS)
    html = ("<!DOCTYPE html><html><head><title>Budget</title></head><body>\n<article>\n"
            "<h1>Council passes the city budget</h1>\n"
            "<p>The council was, <em>you know</em>, firm about the budget on Tuesday, and "
            "the vote was seven to two in the end.</p>\n"
            "<!-- analyser: ignore FIL -->\n"
            "<p>The mayor was, you know, pleased with the vote and will sign the plan next "
            "week at city hall.</p>\n"
            "<p>The new rates, you know, start in April for every household in the city "
            "and its suburbs.</p>\n</article>\n</body></html>\n")
    page = write(isolated / "story.html", html)
    _, doc = check_json(capsys, str(page))
    findings = [f for f in doc["files"][0]["findings"] if f["code"] == "FIL001"]
    assert [f["line"] for f in findings] == [4, 7]
    assert_points_at_words(page, findings)


# --- the seeds -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_checked():
    import io
    from contextlib import redirect_stdout

    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["check", str(SEEDS), "--config", str(EXAMPLE), "--format", "json"])
    return code, {Path(f["path"]).name[:3]: f for f in json.loads(buf.getvalue())["files"]}


def test_seed_000_fails_for_filler_and_padding(seeds_checked):
    code, files = seeds_checked
    assert code == 1
    f = files["000"]
    codes = [x["code"] for x in f["findings"]]
    assert sum(c.startswith("FIL") for c in codes) >= 10
    assert any(c.startswith("PAD") for c in codes)
    assert {t["measure"] for t in f["thresholds"]} >= {"filler_per_1k", "padding_index"}
    fil = [x for x in f["findings"] if x["code"].startswith("FIL")]
    assert all(x["level"] == "error" for x in fil)  # the example config's [levels]


def test_seed_001_has_no_filler(seeds_checked):
    _, files = seeds_checked
    assert not [x for x in files["001"]["findings"] if x["code"].startswith("FIL")]
    assert not [t for t in files["001"]["thresholds"] if t["measure"] == "filler_per_1k"]


def test_seed_positions_point_at_the_words(seeds_checked):
    _, files = seeds_checked
    for f in files.values():
        assert_points_at_words(f["path"], f["findings"])
    # and some by hand: "This exchange, which, you know, came to light" is line 5
    you_know = [x for x in files["000"]["findings"] if x["code"] == "FIL001"]
    first = min(you_know, key=lambda x: (x["line"], x["column"]))
    line = seed("000").read_text(encoding="utf-8").split("\n")[first["line"] - 1]
    assert line.startswith("This exchange, which, you know,")
    assert first["column"] == line.index("you know") + 1


def test_default_house_style_on_the_seeds(isolated, capsys):
    for s in SEEDS.glob("*_*.txt"):
        shutil.copy(s, isolated / s.name)
    shutil.copy(SEEDS / "sources.csv", isolated / "sources.csv")
    code, doc = check_json(capsys, str(isolated))
    assert code == 1
    by = {Path(f["path"]).name[:3]: f for f in doc["files"]}
    assert {t["measure"] for t in by["000"]["thresholds"]} >= {"filler_per_1k", "padding_index"}
    assert not [x for x in by["001"]["findings"] if x["code"].startswith("FIL")]
    assert not {t["measure"] for t in by["001"]["thresholds"]} & {"filler_per_1k", "padding_index"}


# --- integrations --------------------------------------------------------------------------


def test_pre_commit_hook_definition():
    text = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"^- id: analyser-check$", text, re.M)
    assert re.search(r"^  entry: analyser check$", text, re.M)
    assert re.search(r"^  language: python$", text, re.M)
    assert re.search(r"^  types_or: \[markdown, text, html\]$", text, re.M)


def test_score_accepts_select_and_ignore(isolated, capsys):
    page = write(isolated / "filler.txt", FILLER)
    assert main(["score", str(page), "--format", "json", "--ignore", "FIL"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["filler_per_1k"] == 0
    assert main(["score", str(page), "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["filler_per_1k"] > 0


def test_files_without_prose_are_skipped_not_errors(isolated, capsys):
    code_only = write(isolated / "snippet.md", "```\nIt was, you know, code.\n```\n")
    empty = write(isolated / "empty.txt", "")
    clean = write(isolated / "clean.txt", CLEAN)
    code, out, err = run(capsys, str(code_only), str(empty), str(clean))
    assert code == 0
    assert "snippet.md: no prose to check" in err and "empty.txt: empty file" in err
    assert "FIL001" not in out
    _, doc = check_json(capsys, str(code_only), str(clean))
    assert doc["summary"]["skipped"] == 1 and doc["skipped"][0]["path"].endswith("snippet.md")


def test_statistics_counts_per_code(isolated, capsys):
    write(isolated / "analyser.toml", NO_LIMITS)
    page = write(isolated / "filler.txt", FILLER.replace("firm", "firm, you know,"))
    code, out, _ = run(capsys, str(page), "--statistics")
    lines = out.rstrip().splitlines()
    assert re.match(r"^\s+2  FIL001  you-know\s+warning$", lines[0])
    assert lines[-1].startswith("2 findings") or "findings" in lines[-1]


def test_each_file_uses_its_own_folders_config_in_any_order(isolated, capsys):
    strict = write(isolated / "strict" / "council.txt", FILLER)
    lax = write(isolated / "lax" / "budget.txt", FILLER)
    write(isolated / "strict" / "analyser.toml", NO_LIMITS + '[levels]\nFIL = "error"\n')
    write(isolated / "lax" / "analyser.toml", 'ignore = ["FIL"]\n' + NO_LIMITS)
    for order in ((strict, lax), (lax, strict)):
        code, doc = check_json(capsys, *map(str, order))
        by_path = {Path(f["path"]).parent.name: f for f in doc["files"]}
        assert [x["code"] for x in by_path["strict"]["findings"]] == ["FIL001"]
        assert by_path["strict"]["findings"][0]["level"] == "error"
        assert by_path["lax"]["findings"] == []
        assert by_path["strict"]["config"].endswith("strict/analyser.toml")
        assert by_path["lax"]["config"].endswith("lax/analyser.toml")
        assert code == 1
    # a folder argument: the sub-folders' files still find their own configs
    code, doc = check_json(capsys, str(isolated))
    assert sorted(len(f["findings"]) for f in doc["files"]) == [0, 1]


def test_a_selector_that_matches_no_rule_is_an_error(isolated, capsys):
    page = write(isolated / "story.txt", CLEAN)
    write(isolated / "analyser.toml", 'select = ["FLI"]\n')
    code, out, err = run(capsys, str(page))
    assert code == 2
    assert "analyser.toml: select: 'FLI' matches no rule (did you mean 'FIL'?)" in err
    (isolated / "analyser.toml").unlink()
    code, _, err = run(capsys, str(page), "--ignore", "ZZZ9")
    assert code == 2 and "--ignore: 'ZZZ9' matches no rule" in err
    code, _, _ = run(capsys, str(page), "--select", "THR", "--exit-zero")
    assert code == 0
