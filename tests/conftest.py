"""Shared fixtures: the repo's seeds, the optional ../shared data sets, and the temporary
folders that everything the tests write goes to (never the checkout, never the home folder).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    """Send every cache to one temporary folder for the whole session.

    Set here, before collection, so the processes the tests start (the CLI, Chromium)
    inherit it too: the NLTK cmudict corpus goes to ``ANALYSER_CACHE``, Chromium's
    settings and dconf's cache to the XDG folders, Hypothesis's data to its own folder.
    """
    from hypothesis.configuration import set_hypothesis_home_dir

    scratch = Path(tempfile.mkdtemp(prefix="analyser-tests-"))
    config.add_cleanup(lambda: shutil.rmtree(scratch, ignore_errors=True))
    env = pytest.MonkeyPatch()
    config.add_cleanup(env.undo)
    env.setenv("ANALYSER_CACHE", str(scratch / "analyser"))
    env.setenv("XDG_CACHE_HOME", str(scratch / "cache"))
    env.setenv("XDG_CONFIG_HOME", str(scratch / "config"))
    set_hypothesis_home_dir(scratch / "hypothesis")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` beside the repo; skips the test when it is absent."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip(f"shared data sets not found at {path} (they live beside the repo)")
    return path


@pytest.fixture(scope="session")
def shared_file(shared_data: Path) -> Callable[..., Path]:
    """``shared_file("news", "news.jsonl.gz")``: a file or folder under ``../shared/data``;
    skips the test when it is not there."""

    def find(*parts: str) -> Path:
        path = shared_data.joinpath(*parts)
        if not path.exists():
            pytest.skip(f"{path} not found (the shared data sets live beside the repo)")
        return path

    return find


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the browser tests save screenshots (pytest keeps the last few sessions'
    temporary folders, so they can be looked at after a run)."""
    return tmp_path_factory.mktemp("screenshots", numbered=False)


@pytest.fixture(scope="session")
def benchmark_module() -> Callable[[str], object]:
    """A loader of a ``benchmarks/`` script by name, as a module (the scripts are not a
    package; one script imports its siblings by name, so each is registered once)."""
    import importlib.util
    import sys

    def load(name: str):
        if name not in sys.modules:
            spec = importlib.util.spec_from_file_location(
                name, REPO / "benchmarks" / f"{name}.py")
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
        return sys.modules[name]

    return load
