"""A folder of hostile files through ``analyse_paths``: it never raises, and gives one
record (an analysis or an error) per page and per corpus row."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import strategies as st

from analyser import analyse_paths

from .hostile import article_text, csv_file, encode, html_page, jsonl_file
from .invariants import check_analysis, check_record
from .schedule import fuzz
from .test_corpus_fuzz import csv_rows, jsonl_rows
from .test_corpus_fuzz import records as records_of

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # "not UTF-8", manifests

#: File names a folder may hold: spaces, Unicode, dashes, newlines, shell characters.
STEMS = ["a", "-rf", "--help", "space name", "new\nline", "tab\tname", "ümlaut", "日本語",
         "\u202eevil", "emoji🙂", "quote'\"", "$(reboot)", "*", "a" * 200, "-", "x.y.z",
         "%{y}", "<script>"]
PAGE_SUFFIXES = [".txt", ".md", ".markdown", ".html", ".htm", ".TXT", ".Html"]
#: Files the folder walk must pass over: hidden, other types, skipped folders.
IGNORED = [".hidden.txt", "notes.pdf", "image.png", "node_modules/a.txt", ".git/b.txt",
           "__pycache__/c.txt", "sub/.d.md", "README"]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-32"]


def _page_bytes() -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.builds(encode, article_text(), st.sampled_from(ENCODINGS)),
        st.builds(encode, html_page(), st.sampled_from(ENCODINGS)),
        st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"   \n", b"\x00" * 10,
                         b"\x89PNG\r\n\x1a\n" + bytes(range(256))]),
        st.binary(max_size=200),
    )


PAGE = st.tuples(st.sampled_from(["", "sub/", "sub/deeper/", "other/"]),
                 st.sampled_from(STEMS), st.sampled_from(PAGE_SUFFIXES), _page_bytes())
MANIFEST = st.one_of(
    st.none(),
    st.builds(lambda rows: ("file,outlet,title,published,url\n" + "".join(rows)).encode(),
              st.lists(st.sampled_from([
                  "a.txt,Rate %{y} and %{meta},\"Title\nwith a break\",2024-01-01,ftp://x\n",
                  "a.txt,,,,\n", ",,,,\n", "-rf.txt,Dup\n", "a.txt,One,Two,Three,Four,Five\n",
                  "\"unterminated\n"]), max_size=4)),
    st.sampled_from([b"outlet\na.txt\n", b"\xff\xfe\x00\x00", b"file,outlet\n\x80\x81\n"]),
)


def _write(folder: Path, relative: str, data: bytes) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("paths-fuzz")


@fuzz(weight=1, pages=st.lists(PAGE, max_size=8), manifest=MANIFEST,
      jsonl=st.none() | jsonl_file(), table=st.none() | csv_file(),
      ignored=st.lists(st.sampled_from(IGNORED), max_size=3))
def test_a_folder_of_hostile_files(base, pages, manifest, jsonl, table, ignored):
    with tempfile.TemporaryDirectory(dir=base) as name:
        folder = Path(name)
        expected: dict[str, int] = {}  # source -> records it should give
        for sub, stem, suffix, data in pages:
            path = _write(folder, f"{sub}{stem}{suffix}", data)
            expected[str(path)] = 1  # the same name twice: one file
        for relative in ignored:
            _write(folder, relative, b"Ignored text. It is never read.")
        if manifest is not None:
            _write(folder, "sources.csv", manifest)
        if jsonl is not None:
            path = _write(folder, "corpus.jsonl", jsonl[0])
            expected[str(path)] = records_of(jsonl_rows(jsonl[0]))
        if table is not None:
            rows = csv_rows(table[0])
            path = _write(folder, "table.csv", table[0])
            expected[str(path)] = 1 if rows is None else records_of(rows)
        corpus = analyse_paths([str(folder)])
        for error in corpus.errors:
            check_record(error)
        for analysis in corpus.analyses:
            check_analysis(analysis)
        for frame in (corpus.articles, corpus.sentences, corpus.findings, corpus.outlets):
            assert frame is not None
    records = [a.source for a in corpus.analyses] + [e.source for e in corpus.errors]
    if not expected:  # an empty folder is one error
        assert len(corpus.errors) == 1 and not corpus.analyses
        return
    got: dict[str, int] = {}
    for source in records:
        file = source.rsplit("#", 1)[0] if source not in expected else source
        got[file] = got.get(file, 0) + 1
    assert got == {k: v for k, v in expected.items() if v}
