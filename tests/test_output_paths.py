"""Output paths (issue 17, points 1, 2, 3 and 13): one writer for every output, regular
files only, never an input, checked before any work, nothing half-written, stale
temporary files cleaned by the next run."""

from __future__ import annotations

import fcntl
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from analyser.cli import main
from analyser.errors import OutputError
from analyser.export import atomic_open, output_target, remove_stale_parts

REPO = Path(__file__).resolve().parents[1]
ARTICLE = ("The council approved the budget on Tuesday by seven votes to two. "
           "The plan cuts spending on roads and raises money for schools.\n")


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def no_analysis(monkeypatch):
    """Fails the test if any input is analysed: a bad output path must stop the run first."""
    import analyser.corpus

    def refuse(*args, **kwargs):
        raise AssertionError("inputs were analysed before the output path was checked")

    monkeypatch.setattr(analyser.corpus, "analyse_paths", refuse)


def refused(capsys, *argv: str) -> str:
    """Run the command line, expecting exit 2 with exactly one error line; that line."""
    assert main(list(argv)) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("analyser: error: "), err
    assert "Traceback" not in err[0] and "internal error" not in err[0]
    return err[0]


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "analyser", *args], capture_output=True,
                          text=True, timeout=300, env=env, **kwargs)


# --- 1: what is at the path is never replaced by a regular file -----------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_device_is_refused_and_stays_a_device(page, capsys, no_analysis):
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    line = refused(capsys, "score", str(page), "-o", "/dev/full")
    assert line == "analyser: error: /dev/full: is a device, not a regular file"
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path, page, capsys, no_analysis):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    assert "is a named pipe (FIFO)" in refused(capsys, "score", str(page), "-o", str(fifo))
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_socket_is_refused(tmp_path, page, capsys, no_analysis):
    sock = socket.socket(socket.AF_UNIX)
    path = tmp_path / "s.csv"
    try:
        sock.bind(str(path))
        assert "is a socket" in refused(capsys, "score", str(page), "-o", str(path))
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        sock.close()


def test_a_symlink_to_stdout_is_refused_and_kept(tmp_path, page):
    link = tmp_path / "out.csv"
    link.symlink_to("/dev/stdout")
    out = run("score", str(page), "-o", str(link))  # stdout is a pipe here
    assert out.returncode == 2 and out.stdout == ""
    assert "not a regular file" in out.stderr and "Traceback" not in out.stderr
    assert link.is_symlink() and os.readlink(link) == "/dev/stdout"


def test_written_through_a_symlink_to_a_regular_file_the_link_kept(tmp_path, page, capsys):
    real = tmp_path / "data" / "scores.csv"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    hop = tmp_path / "hop.csv"
    hop.symlink_to(real)
    link = tmp_path / "out.csv"
    link.symlink_to("hop.csv")  # relative, and through a second link
    assert main(["score", str(page), "-o", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == "hop.csv" and hop.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("id,outlet,title")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the replaced file's permissions
    assert not [p for p in real.parent.iterdir() if p.name.endswith(".part")]
    assert capsys.readouterr().out.strip() == str(link)


def test_a_dangling_symlink_creates_its_target(tmp_path, page):
    link = tmp_path / "out.csv"
    link.symlink_to(tmp_path / "new" / "scores.csv")
    assert main(["score", str(page), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert (tmp_path / "new" / "scores.csv").read_text(encoding="utf-8").startswith("id,")


# --- 2: an input is never an output ----------------------------------------------------


def test_report_onto_its_own_input_is_refused(page, capsys, no_analysis):
    line = refused(capsys, "report", str(page), "-o", str(page))
    assert line == (f"analyser: error: {page}: is an input of this run; inputs are never "
                    f"overwritten")
    assert page.read_text(encoding="utf-8") == ARTICLE


def test_score_onto_its_corpus_file_is_refused(tmp_path, capsys, no_analysis):
    corpus = tmp_path / "in.csv"
    corpus.write_text(f'id,text\na,"{ARTICLE.strip()}"\n', encoding="utf-8")
    before = corpus.read_bytes()
    assert "is an input of this run" in refused(capsys, "score", str(corpus), "-o",
                                                 str(corpus))
    assert corpus.read_bytes() == before


@pytest.mark.parametrize("name", ["page.txt", "sources.csv", "more/rows.jsonl"])
def test_a_file_read_from_an_input_folder_is_refused(tmp_path, capsys, no_analysis, name):
    folder = tmp_path / "pages"
    (folder / "more").mkdir(parents=True)
    (folder / "page.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sources.csv").write_text("file,outlet\npage.txt,Daily\n", encoding="utf-8")
    (folder / "more" / "rows.jsonl").write_text('{"text": "One. Two."}\n', encoding="utf-8")
    before = (folder / name).read_bytes()
    line = refused(capsys, "score", str(folder), "-o", str(folder / name))
    assert "is an input of this run" in line
    assert (folder / name).read_bytes() == before


def test_a_link_to_an_input_and_the_config_are_inputs(tmp_path, page, capsys, no_analysis):
    link = tmp_path / "alias.txt"
    link.symlink_to(page)
    line = refused(capsys, "report", str(page), "-o", str(link))
    assert line.endswith(f"is an input of this run ({page}); inputs are never overwritten")
    config = tmp_path / "style.toml"
    config.write_text("", encoding="utf-8")
    assert "is an input" in refused(capsys, "score", str(page), "--config", str(config),
                                    "-o", str(config))
    assert link.is_symlink() and config.read_text(encoding="utf-8") == ""


def test_standard_input_read_from_a_file_is_an_input(page):
    with page.open("rb") as stdin:
        out = run("score", "-", "-o", str(page), stdin=stdin)
    assert out.returncode == 2
    assert "is an input of this run (standard input)" in out.stderr
    assert page.read_text(encoding="utf-8") == ARTICLE


# --- 3: a place that cannot be written: one line, exit 2, before any work --------------


def test_an_existing_folder_is_refused(tmp_path, page, capsys, no_analysis):
    (tmp_path / "out").mkdir()
    line = refused(capsys, "score", str(page), "-o", str(tmp_path / "out"))
    assert line.endswith("out: is a folder; give a file name")


def test_a_parent_that_is_a_file_is_refused(tmp_path, page, capsys, no_analysis):
    line = refused(capsys, "report", str(page), "-o", str(page / "sub" / "r.html"))
    assert line.endswith(f"cannot create a file there: {page} is not a folder")


def test_a_folder_name_that_does_not_exist_is_refused(tmp_path, page, capsys, no_analysis):
    line = refused(capsys, "score", str(page), "-o", f"{tmp_path / 'new'}{os.sep}")
    assert "names a folder that does not exist" in line
    assert not (tmp_path / "new").exists()


def test_a_read_only_folder_is_refused(tmp_path, page, capsys, no_analysis):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: a chmod 0o500 folder is still writable (the "
                        "parent-is-a-file and /dev/full cases cover root)")
        line = refused(capsys, "score", str(page), "-o", str(folder / "a" / "out.csv"))
        assert line.endswith(f"cannot write in {folder}: Permission denied")
    finally:
        folder.chmod(0o700)


def test_export_naming_a_file_fails_before_the_report(tmp_path, page, capsys, no_analysis):
    report = tmp_path / "r.html"
    line = refused(capsys, "report", str(page), "-o", str(report), "--export", str(page))
    assert line == f"analyser: error: {page}: is not a folder (--export names a folder)"
    assert not report.exists() and page.read_text(encoding="utf-8") == ARTICLE


def test_export_files_are_checked_like_any_output(tmp_path, page, capsys, no_analysis):
    out = tmp_path / "tables"
    (out / "articles.csv").mkdir(parents=True)
    line = refused(capsys, "report", str(page), "-o", str(tmp_path / "r.html"),
                   "--export", str(out))
    assert "articles.csv: is a folder" in line
    assert not (tmp_path / "r.html").exists()


def test_missing_folders_are_created(tmp_path, page, capsys):
    out = tmp_path / "a" / "b" / "r.html"
    tables = tmp_path / "c" / "tables"
    assert main(["report", str(page), "-o", str(out), "--export", str(tables)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tables / "articles.csv").is_file() and (tables / "findings.csv").is_file()


def test_the_default_report_path_is_checked_too(tmp_path, page, capsys, monkeypatch,
                                                no_analysis):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").write_text("a file where the folder should be", encoding="utf-8")
    assert "reports is not a folder" in refused(capsys, "report", str(page))


def test_a_full_disk_is_one_line_and_the_old_file_kept(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(OutputError, match=r"out.csv: cannot write: No space left"):
        with atomic_open(target) as fh:
            fh.write("new")
            raise OSError(28, os.strerror(28))  # ENOSPC, as a write would raise it
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_library_writers_refuse_too(tmp_path, page):
    from analyser.report import write_report

    with pytest.raises(OutputError, match="is an input of this run"):
        write_report(None, page, inputs=[str(page)])  # refused before anything is rendered
    with pytest.raises(OutputError, match="is a folder"):
        output_target(tmp_path)


# --- 13: nothing half-written; a killed run's temporary file cleaned next time ---------


def test_interrupted_write_keeps_the_old_file_and_leaves_nothing(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with atomic_open(target) as fh:
            fh.write("half")
            raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_killed_write_is_cleaned_by_the_next_run(tmp_path, page):
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, signal
        from analyser.export import atomic_open
        with atomic_open({str(target)!r}) as fh:
            fh.write("half a table")
            fh.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        """)], env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60)
    assert killed.returncode == -signal.SIGKILL
    (part,) = tmp_path.glob(".out.csv.*.part")
    assert target.read_text(encoding="utf-8") == "old\n"  # the output itself is intact
    out = run("score", str(page), "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert not part.exists() and not list(tmp_path.glob(".*.part"))
    assert target.read_text(encoding="utf-8").startswith("id,outlet,title")


def test_only_our_own_stale_temporary_files_are_removed(tmp_path):
    target = tmp_path / "out.csv"
    old = time.time() - 3600

    def touch(name: str, mtime: float = old) -> Path:
        path = tmp_path / name
        path.write_text("x", encoding="utf-8")
        os.utime(path, (mtime, mtime))
        return path

    stale = touch(".out.csv.ab_12xyz.part")
    kept = [
        touch(".out.csv.ab_12xyz.part.bak"),  # not our pattern
        touch(".out.csv.notours.part"),
        touch(".other.csv.ab_12xyz.part"),  # another output's
        touch(".out.csv.x.ab_12xyz.part"),
        touch(".out.csv.cd_34xyz.part", time.time() + 3600),  # newer than this run
    ]
    held = touch(".out.csv.ef_56xyz.part")  # a running writer's (it holds the lock)
    with held.open("rb") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        assert remove_stale_parts(target) == [stale]
    assert held.exists() and all(p.exists() for p in kept) and not stale.exists()
