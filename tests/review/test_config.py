"""House style as configuration: discovery, validation, merging, command-line overrides."""

from __future__ import annotations

import pickle
from pathlib import Path
from types import SimpleNamespace

import pytest

from analyser.analysis import validate_settings
from analyser.config import (
    HOUSE_STYLE,
    ConfigError,
    Settings,
    find_config,
    load_config_file,
    load_settings,
)
from analyser.settings import DEFAULT_MAX_THRESHOLDS

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "docs" / "examples" / "analyser.toml"

HOUSE_RULES = '''
[[rule]]
code = "HSE101"
name = "going-forward-test"
category = "padding"
phrases = ["going forward"]
message = "House style — delete '{text}'."
suggestion = "Delete '{text}'."
rationale = "Adds nothing."
flag = ["We will publish weekly going forward."]
pass = ["The car kept going."]
'''


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- discovery ---------------------------------------------------------------------------


def test_find_config_walks_up_to_the_nearest_file(tmp_path):
    cfg = write(tmp_path / "analyser.toml", "ignore = ['FIL']\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    page = write(deep / "story.txt", "Text.")
    assert find_config(page) == cfg.resolve()
    assert find_config(deep) == cfg.resolve()
    nearer = write(tmp_path / "a" / "analyser.toml", "ignore = ['HDG']\n")
    assert find_config(page) == nearer.resolve()


def test_pyproject_counts_only_with_a_tool_analyser_table(tmp_path):
    outer = write(tmp_path / "analyser.toml", "")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path / "sub") == outer.resolve()
    with_section = write(tmp_path / "sub" / "pyproject.toml", "[tool.analyser]\nignore = []\n")
    assert find_config(tmp_path / "sub") == with_section.resolve()


def test_analyser_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.analyser]\nignore = ['FIL']\n")
    own = write(tmp_path / "analyser.toml", "ignore = ['HDG']\n")
    assert find_config(tmp_path) == own.resolve()


def test_no_config_found_gives_none_or_a_file_outside(tmp_path):
    found = find_config(tmp_path)
    assert found is None or tmp_path not in found.parents


# --- reading and validation ----------------------------------------------------------------


def test_top_level_keys_and_threshold_forms(tmp_path):
    cfg = write(tmp_path / "analyser.toml", '''
select = ["fil", "HDG"]
extend-select = ["PAD001"]
ignore = ["HDG008"]
long-sentence-words = 30
[thresholds]
readability_grade = {max = 12}
flesch_reading_ease = {min = 40}
hard_sentence_ratio = {min = 0.0, max = 0.4}
padding_index = 30
filler_per_1k = false
[levels]
FIL = "error"
[per-file-ignores]
"drafts/*.md" = ["FIL"]
''')
    s = load_config_file(cfg)
    assert s.select == ("FIL", "HDG", "PAD001")
    assert s.ignore == ("HDG008",)
    assert s.long_sentence_words == 30
    assert s.thresholds["readability_grade"] == 12
    assert s.thresholds["padding_index"] == 30
    assert s.thresholds["hard_sentence_ratio"] == 0.4
    assert s.min_thresholds == {"flesch_reading_ease": 40, "hard_sentence_ratio": 0.0}
    assert "filler_per_1k" not in s.thresholds  # false drops the built-in limit
    assert s.levels == {"FIL": "error"}
    assert s.level_for("FIL001", "warning") == "error"
    assert s.ignored_for(tmp_path / "drafts" / "a.md") == ("FIL",)
    assert s.ignored_for(tmp_path / "final" / "a.md") == ()
    assert s.config_path == str(cfg.resolve())


def test_thresholds_merge_over_the_built_in_house_style(tmp_path):
    s = load_config_file(write(tmp_path / "analyser.toml", "[thresholds]\nwords = {max = 900}\n"))
    for name, limit in DEFAULT_MAX_THRESHOLDS.items():
        assert s.thresholds[name] == limit
    assert s.thresholds["words"] == 900


def test_tool_analyser_table_in_pyproject_and_in_analyser_toml(tmp_path):
    py = write(tmp_path / "pyproject.toml", "[tool.analyser]\nignore = ['MET']\n")
    assert load_config_file(py).ignore == ("MET",)
    own = write(tmp_path / "x" / "analyser.toml", "[tool.analyser]\nignore = ['WSL']\n")
    assert load_config_file(own).ignore == ("WSL",)


@pytest.mark.parametrize("text,key", [
    ("selct = ['FIL']\n", "selct"),
    ("select = 'not a code!'\n", "select"),
    ("ignore = [1]\n", "ignore"),
    ("[levels]\nFIL = 'loud'\n", "levels.FIL"),
    ("[thresholds]\nreadability_grade = {max = 'twelve'}\n", "thresholds.readability_grade.max"),
    ("[thresholds]\nreadability_grade = {min = 12, max = 10}\n", "thresholds.readability_grade"),
    ("[thresholds]\nreadability_grade = {maximum = 12}\n", "thresholds.readability_grade.maximum"),
    ("[thresholds]\n'Readability Grade' = 12\n", "thresholds.Readability Grade"),
    ("[per-file-ignores]\n'drafts/*' = 'lots'\n", 'per-file-ignores."drafts/*"'),
    ("extend-rules = ['missing.toml']\n", "extend-rules"),
    ("long-sentence-words = -3\n", "long-sentence-words"),
    ("ignore = ['FIL']\n[tool.analyser]\nignore = ['HDG']\n", "ignore"),
])
def test_invalid_config_names_the_file_and_the_key(tmp_path, text, key):
    cfg = write(tmp_path / "analyser.toml", text)
    with pytest.raises(ConfigError) as err:
        load_config_file(cfg)
    message = str(err.value)
    assert str(cfg) in message
    assert f": {key}:" in message or f" {key}" in message, message


def test_unknown_key_suggests_the_right_one(tmp_path):
    cfg = write(tmp_path / "analyser.toml", "per-file-ignore = {}\n")
    with pytest.raises(ConfigError, match="did you mean 'per-file-ignores'"):
        load_config_file(cfg)


def test_bad_toml_is_a_config_error(tmp_path):
    cfg = write(tmp_path / "analyser.toml", "select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config_file(cfg)


def test_pyproject_key_prefix_in_messages(tmp_path):
    cfg = write(tmp_path / "pyproject.toml", "[tool.analyser]\nlevels = {FIL = 'shout'}\n")
    with pytest.raises(ConfigError, match=r"tool\.analyser\.levels\.FIL"):
        load_config_file(cfg)


# --- extra rules ---------------------------------------------------------------------------


def test_extend_rules_are_validated_and_resolved_beside_the_config(tmp_path):
    write(tmp_path / "rules" / "house.toml", HOUSE_RULES)
    s = load_config_file(write(tmp_path / "analyser.toml", "extend-rules = ['rules/house.toml']\n"))
    assert s.extra_rule_files == (str((tmp_path / "rules" / "house.toml").resolve()),)


def test_invalid_extra_rule_names_file_rule_and_field(tmp_path):
    write(tmp_path / "house.toml", HOUSE_RULES.replace('category = "padding"', 'category = "x"'))
    cfg = write(tmp_path / "analyser.toml", "extend-rules = ['house.toml']\n")
    with pytest.raises(ConfigError) as err:
        load_config_file(cfg)
    msg = str(err.value)
    assert "analyser.toml" in msg and "house.toml" in msg and "HSE101" in msg
    assert "'category'" in msg


def test_extra_rule_with_a_built_in_code_is_refused(tmp_path):
    write(tmp_path / "house.toml", HOUSE_RULES.replace("HSE101", "FIL001"))
    cfg = write(tmp_path / "analyser.toml", "extend-rules = ['house.toml']\n")
    with pytest.raises(ConfigError, match="FIL001"):
        load_config_file(cfg)


def test_extra_rule_with_bad_phrase_syntax_is_refused(tmp_path):
    write(tmp_path / "house.toml", HOUSE_RULES.replace('["going forward"]', '["(going"]'))
    cfg = write(tmp_path / "analyser.toml", "extend-rules = ['house.toml']\n")
    with pytest.raises(ConfigError, match="HSE101"):
        validate_settings(load_config_file(cfg))


def test_language_family_picks_up_extra_rules(tmp_path):
    from analyser import analyse_text

    write(tmp_path / "house.toml", HOUSE_RULES)
    s = load_config_file(write(tmp_path / "analyser.toml", "extend-rules = ['house.toml']\n"))
    text = "We will publish the figures weekly going forward."
    assert "HSE101" in {f.code for f in analyse_text(text, settings=s).findings}
    assert "HSE101" not in {f.code for f in analyse_text(text).findings}


# --- settings ------------------------------------------------------------------------------


def test_settings_stay_frozen_and_picklable():
    s = load_config_file(EXAMPLE)
    assert pickle.loads(pickle.dumps(s)) == s
    with pytest.raises(AttributeError):
        s.select = ()  # type: ignore[misc]
    assert Settings().thresholds == {}  # library default: no limits


def test_example_config_loads():
    s = load_config_file(EXAMPLE)
    assert s.extra_rule_files and s.levels["FIL"] == "error"


def test_load_settings_discovers_and_applies_command_line(tmp_path):
    write(tmp_path / "analyser.toml", "select = ['FIL', 'HDG']\nignore = ['HDG008']\n")
    page = write(tmp_path / "p.txt", "Text.")
    args = SimpleNamespace(paths=[str(page)], config=None, select=None, ignore=None)
    assert load_settings(args).select == ("FIL", "HDG")
    args = SimpleNamespace(paths=[str(page)], config=None, select="PAD, MET", ignore="MET002")
    s = load_settings(args)
    assert s.select == ("PAD", "MET")  # --select replaces
    assert s.ignore == ("HDG008", "MET002")  # --ignore adds
    assert not s.rule_enabled("FIL001") and s.rule_enabled("MET001")
    assert not s.rule_enabled("MET002")


def test_config_option_overrides_discovery(tmp_path):
    write(tmp_path / "analyser.toml", "ignore = ['FIL']\n")
    other = write(tmp_path / "elsewhere" / "style.toml", "ignore = ['HDG']\n")
    page = write(tmp_path / "p.txt", "Text.")
    s = load_settings(SimpleNamespace(paths=[str(page)], config=str(other)))
    assert s.ignore == ("HDG",)


def test_no_config_means_the_built_in_house_style(tmp_path, monkeypatch):
    import analyser.config as config

    monkeypatch.setattr(config, "find_config", lambda start: None)
    s = load_settings(SimpleNamespace(paths=[str(tmp_path)], config=None))
    assert s == HOUSE_STYLE
    assert s.thresholds["filler_per_1k"] == DEFAULT_MAX_THRESHOLDS["filler_per_1k"]


def test_bad_command_line_code_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="--select"):
        load_settings(SimpleNamespace(paths=[], config=str(EXAMPLE), select="fil-001"))


def test_extra_rule_examples_must_hold(tmp_path):
    write(tmp_path / "house.toml", HOUSE_RULES.replace(
        'flag = ["We will publish weekly going forward."]', 'flag = ["We will publish weekly."]'))
    cfg = write(tmp_path / "analyser.toml", "extend-rules = ['house.toml']\n")
    with pytest.raises(ConfigError, match=r"HSE101: field 'flag': example is not flagged"):
        validate_settings(load_config_file(cfg))
    write(tmp_path / "house.toml", HOUSE_RULES.replace(
        'pass = ["The car kept going."]', 'pass = ["Going forward, we wait."]'))
    with pytest.raises(ConfigError, match=r"HSE101: field 'pass': example is flagged"):
        validate_settings(load_config_file(cfg))
