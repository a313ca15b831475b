"""The rule-set version is derived from the content of the files that decide results."""

from __future__ import annotations

import shutil
from pathlib import Path

import analyser.version as version

PACKAGE = Path(version.__file__).parent


def test_version_names_the_release_and_the_content_hash():
    release, digest = version.RULESET_VERSION.split("+")
    assert release == version.RULESET_RELEASE
    assert digest == version.ruleset_hash()[:10]


def test_changing_one_rule_file_changes_the_ruleset_version(tmp_path, monkeypatch):
    copy = tmp_path / "analyser"
    for folder, _ in version.RULESET_FILES:
        shutil.copytree(PACKAGE / folder, copy / folder)
    monkeypatch.setattr(version, "files", lambda _name: copy)
    before = version.ruleset_hash()
    assert before == version.ruleset_hash()  # deterministic
    rule_file = copy / "rules" / "filler.toml"
    rule_file.write_text(rule_file.read_text(encoding="utf-8") + "\n# edited\n",
                         encoding="utf-8")
    assert version.ruleset_hash() != before
    word_list = copy / "metrics" / "data" / "first_names.txt"
    rule_file.write_text(rule_file.read_text(encoding="utf-8").replace("\n# edited\n", ""),
                         encoding="utf-8")
    assert version.ruleset_hash() == before
    word_list.write_text(word_list.read_text(encoding="utf-8") + "zebedee\n", encoding="utf-8")
    assert version.ruleset_hash() != before


def test_line_endings_do_not_change_the_hash(tmp_path, monkeypatch):
    copy = tmp_path / "analyser"
    for folder, _ in version.RULESET_FILES:
        shutil.copytree(PACKAGE / folder, copy / folder)
    monkeypatch.setattr(version, "files", lambda _name: copy)
    before = version.ruleset_hash()
    rule_file = copy / "rules" / "hedge.toml"
    rule_file.write_bytes(rule_file.read_bytes().replace(b"\n", b"\r\n"))
    assert version.ruleset_hash() == before
