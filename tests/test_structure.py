"""The shape of the house: every module imports on its own, no import circles, small
modules and functions, a leaf settings module, and a bug reported as a bug (exit 3)."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from analyser import cli
from analyser.metrics import Family

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "analyser"
#: The house limits (see README, "Layout").
MAX_MODULE_LINES = 500
MAX_COMPLEXITY = 25


def _modules() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        out.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


def _import_alone(module: str) -> tuple[str, int, str]:
    # a fresh interpreter per module: a circle hidden by the order of earlier imports shows
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True,
                          text=True, timeout=300, cwd=REPO)
    return module, done.returncode, done.stderr[-2000:]


def test_every_module_imports_in_isolation():
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(_import_alone, _modules()))
    failed = [(m, err) for m, code, err in results if code != 0]
    assert not failed, "\n\n".join(f"{m}:\n{err}" for m, err in failed)


def _loaded_after(statement: str) -> set[str]:
    code = (f"import sys; {statement}; "
            "print('\\n'.join(m for m in sys.modules if m.startswith('analyser')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, cwd=REPO, check=True)
    return set(done.stdout.split())


def test_config_imports_no_metric_module():
    loaded = _loaded_after("import analyser.config")
    assert not {m for m in loaded if m.startswith("analyser.metrics")}, sorted(loaded)


@pytest.mark.parametrize("leaf", ["analyser.settings", "analyser.errors", "analyser.tokens",
                                  "analyser.extras", "analyser.toml_compat"])
def test_leaf_modules_import_nothing_from_the_package(leaf):
    # importing a submodule runs the package's __init__ first; load the file directly
    path = PACKAGE / (leaf.split(".", 1)[1].replace(".", "/") + ".py")
    loaded = _loaded_after(
        "import importlib.util as u; s = u.spec_from_file_location('leaf', "
        f"{str(path)!r}); m = u.module_from_spec(s); sys.modules['leaf'] = m; "
        "s.loader.exec_module(m)")
    assert loaded == set(), sorted(loaded)


def test_no_module_over_the_line_limit():
    long = {str(p.relative_to(REPO)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, long


def test_no_function_over_the_complexity_limit():
    from radon.complexity import cc_visit

    over = []
    for path in PACKAGE.rglob("*.py"):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            items = [block, *getattr(block, "methods", [])]
            over += [f"{path.relative_to(REPO)}:{b.lineno} {b.name} {b.complexity}"
                     for b in items if b.complexity > MAX_COMPLEXITY]
    assert not over, over


def _boom(ctx):
    raise KeyError("a bug in a metric")


@pytest.fixture
def broken_family(monkeypatch):
    """Every analysis runs one family that raises, as a bug in a metric would."""
    import analyser.metrics as metrics

    monkeypatch.setattr(metrics, "families", lambda: (Family("broken", _boom),))


def test_a_broken_metric_is_an_internal_error_not_an_input_error(broken_family, capsys,
                                                                  tmp_path):
    seed = str(next(iter(sorted((REPO / "seeds").glob("*.txt")))))
    code = cli.main(["score", seed, "-o", str(tmp_path / "out.csv")])
    err = capsys.readouterr().err
    assert code == 3, err
    assert f"internal error while analysing {seed}: KeyError" in err
    assert "please report it" in err and "--debug" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out.csv").exists()  # no partial output


def test_debug_prints_the_traceback_of_an_internal_error(broken_family, capsys):
    seed = str(next(iter(sorted((REPO / "seeds").glob("*.txt")))))
    assert cli.main(["check", seed, "--debug"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "a bug in a metric" in err and "_boom" in err


def test_verbose_shows_log_messages(capsys):
    seed = str(next(iter(sorted((REPO / "seeds").glob("*.txt")))))
    import logging

    try:
        assert cli.main(["-v", "score", seed]) == 0
    finally:
        logging.getLogger("analyser").handlers.clear()
        logging.getLogger("analyser").setLevel(logging.NOTSET)
    assert "analyser: INFO:" in capsys.readouterr().err
