"""What a folder yields: regular files only, no symbolic link out of it unless asked, and a
folder that cannot be read named in one line (issue 17, points 4, 8 and 11)."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from analyser.ingest import IngestError, iter_articles

STORY = "The council met on Monday. It voted to keep the library open."
SECRET = "The outside file says something private. Nobody asked for it."
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def read(paths, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = list(iter_articles([str(p) for p in paths], **kw))
    articles = [i for i in items if not isinstance(i, IngestError)]
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    return articles, errors, [str(w.message) for w in caught]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    # A separate process with a timeout: a FIFO that is opened hangs the run for ever.
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    return subprocess.run([sys.executable, "-m", "analyser", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=60)


@needs_fifo
def test_a_fifo_in_a_folder_is_skipped_with_a_warning_never_opened(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(folder / "x.txt")
    out = run_cli("score", "news", "--format", "json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert '"id": "story"' in out.stdout
    assert out.stderr.splitlines() == [
        "analyser: warning: news/x.txt: not a regular file (a named pipe); skipped"]


@needs_fifo
def test_a_fifo_given_directly_is_refused_in_one_line(tmp_path):
    os.mkfifo(tmp_path / "x.txt")
    os.mkfifo(tmp_path / "rows.jsonl")
    out = run_cli("check", "x.txt", "rows.jsonl", cwd=tmp_path)
    assert out.returncode == 2
    reason = ("not a regular file (a named pipe); to read a stream, pipe it to standard "
              "input and give -")
    assert sorted(out.stderr.splitlines()) == [
        f"analyser: error: rows.jsonl: {reason}", f"analyser: error: x.txt: {reason}"]


def test_a_device_given_directly_is_refused(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    # /dev/zero has size 0 and never ends: read, it would fill memory.
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    _, errors, _ = read([tmp_path / "zero.txt"])
    assert errors == [f"{tmp_path / 'zero.txt'}: not a regular file (a character device); "
                      "to read a stream, pipe it to standard input and give -"]


def _linked_folder(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "news"
    (folder / "desk").mkdir(parents=True)
    (folder / "desk" / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    (folder / "same.txt").symlink_to(folder / "desk" / "story.txt")  # inside: fine
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    return folder


def test_links_out_of_a_folder_are_not_followed(tmp_path):
    folder = _linked_folder(tmp_path)
    articles, errors, warned = read([folder])
    assert not errors
    assert sorted(Path(a.source).name for a in articles) == ["same.txt", "story.txt"]
    assert all(SECRET not in a.raw for a in articles)
    assert warned == [
        f"{folder / 'leak.txt'}: symbolic link to a file outside the folder (use "
        "--follow-links to read it); skipped",
        f"{folder / 'linked'}: symbolic link to a folder outside the folder (use "
        "--follow-links to read it); skipped",
    ]


def test_follow_links_reads_them_and_a_loop_once(tmp_path):
    folder = _linked_folder(tmp_path)
    articles, errors, warned = read([folder], follow_links=True)
    assert not errors and not warned
    names = sorted(str(Path(a.source).relative_to(folder)) for a in articles)
    assert names == ["desk/story.txt", "leak.txt", "linked/secret.txt", "same.txt"]


def test_follow_links_on_the_command_line_and_in_the_api(tmp_path):
    from analyser import analyse_paths
    from analyser.cli import main

    folder = _linked_folder(tmp_path)
    with pytest.warns(UserWarning, match="outside the folder"):
        assert len(analyse_paths([folder])) == 2
    assert len(analyse_paths([folder], follow_links=True)) == 4
    out = tmp_path / "scores.csv"
    assert main(["score", str(folder), "--follow-links", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + 4


def test_a_link_given_directly_is_read(tmp_path):
    folder = _linked_folder(tmp_path)
    articles, errors, _ = read([folder / "leak.txt"])
    assert not errors and articles[0].raw == SECRET


def test_a_broken_link_in_a_folder_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    articles, errors, warned = read([tmp_path])
    assert len(articles) == 1 and not errors
    assert warned == [f"{tmp_path / 'gone.txt'}: broken symbolic link; skipped"]


def _deny(monkeypatch, denied: set[str]) -> None:
    """Listing the ``denied`` folders fails as it does without read permission (the tests
    run as root in CI, where chmod does not deny anything)."""
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) in denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_sub_folder_is_named_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text(STORY, encoding="utf-8")
    _deny(monkeypatch, {str(tmp_path / "locked")})
    articles, errors, _ = read([tmp_path])
    assert [Path(a.source).name for a in articles] == ["story.txt"]
    assert errors == [f"{tmp_path / 'locked'}: cannot read folder: Permission denied"]


def test_an_unreadable_folder_is_reported_as_unreadable(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    _deny(monkeypatch, {str(folder)})
    _, errors, _ = read([folder])
    assert errors == [f"{folder}: cannot read folder: Permission denied"]
    empty = tmp_path / "empty"
    empty.mkdir()
    _, errors, _ = read([empty])
    assert errors == [f"{empty}: folder has no .txt, .md, .html or corpus files"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads any folder")
def test_an_unreadable_folder_for_real(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    folder.chmod(0)
    try:
        _, errors, _ = read([tmp_path])
    finally:
        folder.chmod(0o755)
    assert errors == [f"{folder}: cannot read folder: Permission denied"]


def test_files_and_standard_input_over_the_cap_are_refused_unread(tmp_path, monkeypatch):
    import io

    from analyser.ingest.decode import MAX_FILE_BYTES

    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: no disk used
        fh.truncate(MAX_FILE_BYTES + 1)
    _, errors, _ = read([big])
    assert errors == [f"{big}: file larger than {MAX_FILE_BYTES // 1_000_000} MB"]
    stream = io.BytesIO(b"word " * (MAX_FILE_BYTES // 5) + b"more")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(stream))
    _, errors, _ = read(["-"])
    assert errors == [f"<stdin>: input larger than {MAX_FILE_BYTES // 1_000_000} MB"]
