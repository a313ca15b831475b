"""The optional semantic extra: a clear error without it, offline meaning-based links with it.

The tests that need the model skip, with the reason, unless ``analyser[semantic]`` is
installed (CI installs only ``.[test]``); the error path runs wherever it is missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from analyser.config import DEFAULT_SETTINGS, ConfigError, SettingsResolver, load_config_file
from analyser.document import parse
from analyser.metrics import repetition, run_family, semantic

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
needs_model = pytest.mark.skipif(
    not semantic.available(),
    reason=f"the semantic extra is not installed ({semantic.INSTALL_HINT})",
)
without_model = pytest.mark.skipif(
    semantic.available(), reason="the semantic extra is installed: its absence cannot be tested"
)


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def links(text: str, semantic_on: bool) -> dict[int, int]:
    doc = parse(text)
    res = run_family(repetition.FAMILY, doc, replace(DEFAULT_SETTINGS, semantic=semantic_on))
    return {f.sentence: f.related_sentence for f in res.findings if f.code == "RPT002"}


def test_default_install_stays_light():
    assert DEFAULT_SETTINGS.semantic is False
    # the lexical path never imports the model's libraries
    code = ("import sys; from analyser.analysis import analyse_text; "
            "analyse_text('The vote is today. The count follows.'); "
            "print('sentence_transformers' in sys.modules, 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]


def test_config_key_must_be_a_boolean(tmp_path):
    cfg = tmp_path / "analyser.toml"
    cfg.write_text('semantic = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="semantic.*true or false"):
        load_config_file(cfg)


@without_model
def test_asking_without_the_extra_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match=r"--semantic.*pip install 'analyser\[semantic\]'"):
        SettingsResolver(SimpleNamespace(semantic=True))
    cfg = tmp_path / "analyser.toml"
    cfg.write_text("semantic = true\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"analyser.toml: semantic = true.*analyser\[semantic\]"):
        load_config_file(cfg)
    with pytest.raises(semantic.SemanticUnavailable, match="analyser"):
        semantic.require()
    # on the command line: exit code 2, one line naming the fix, no report written
    out = subprocess.run([sys.executable, "-m", "analyser", "report", str(SEEDS), "--semantic",
                          "-o", str(tmp_path / "r.html")], capture_output=True, text=True,
                         cwd=REPO, timeout=300)
    assert out.returncode == 2, out.stderr
    assert "analyser[semantic]" in out.stderr
    assert not (tmp_path / "r.html").exists()


@needs_model
def test_embeddings_are_unit_vectors_and_close_in_meaning():
    e = semantic.embed(["Sovereignty is not for sale.", "Our independence cannot be bought.",
                        "The minimum wage rises next April."])
    assert e.shape == (3, 384)
    assert np.allclose(np.linalg.norm(e, axis=1), 1.0, atol=1e-4)
    assert e[0] @ e[1] > e[0] @ e[2] + 0.2  # no shared word, same meaning
    assert os.environ.get("HF_HUB_OFFLINE") == "1"  # loaded from the package, hub forbidden


@needs_model
def test_probability_and_similarity_grow_with_the_cosine():
    assert semantic.probability(0.9, 0.0) > semantic.probability(0.5, 0.0)
    assert semantic.probability(0.9, 2.0) > semantic.probability(0.9, -2.0)
    assert 0.0 <= semantic.similarity(-0.2, 0.0) <= semantic.similarity(0.8, 0.3) <= 1.0


@needs_model
def test_seed_links_by_meaning():
    # seed 001 restates its lead in other words: only the embedding links them
    lexical, meaning = links(seed("001"), False), links(seed("001"), True)
    assert 4 not in lexical
    assert meaning.get(4) == 1
    # seed 002: different dates are different facts, however close their embeddings
    doc = parse(seed("002"))
    found = links(seed("002"), True)
    for i, j in found.items():
        a, b = doc.sentence_text(i), doc.sentence_text(j)
        assert not (a.startswith("February") and b.startswith("February") and a != b), (a, b)
    # every lexical link survives (the semantic model agrees on the lexical ones)
    assert set(links(seed("002"), False)) <= set(found)


@needs_model
def test_semantic_analysis_is_offline(tmp_path):
    # a fresh process, sockets refused: the model still loads and the report is written
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network disabled in this test')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse\n"
        "from analyser.cli import main\n"
        f"raise SystemExit(main(['score', {str(SEEDS)!r}, '--semantic']))\n"
    )
    env = dict(os.environ, HF_HOME=str(tmp_path / "hf"), XDG_CACHE_HOME=str(tmp_path / "c"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, timeout=600, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "001" in out.stdout
