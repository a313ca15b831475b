"""The Dask engine: a two-worker LocalCluster on loopback gives the local run's table."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analyser.cli import main
from analyser.errors import OutputError

REPO = Path(__file__).resolve().parents[1]

TEXTS = [
    "The council approved the budget on Monday. It will, you know, raise taxes by 2%.",
    "Basically, the mayor said the plan was very important. Critics disagreed strongly.",
    "Rain fell across the north. Rivers rose and three roads were closed overnight.",
    "Ministers met the striking nurses' union in Leeds on Tuesday to discuss pay and "
    "staffing levels at hospitals across Yorkshire.",
]


def test_the_default_install_never_imports_dask(tmp_path):
    code = (
        "import sys\nfrom analyser.cli import main\n"
        f"main(['score', {str(REPO / 'seeds')!r}, '-o', {str(tmp_path / 'o.csv')!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(REPO)), check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed", reason="Dask is not installed "
                                      "(pip install 'analyser[dask]')")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, host="127.0.0.1")
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture
def corpus(tmp_path):
    """A folder of two corpus files (JSONL and CSV): a repeated id, a row without text and
    one story told by two outlets."""
    folder = tmp_path / "in"
    folder.mkdir()
    rows = [{"id": f"a{i % 5}", "outlet": f"o{i % 3}", "published": "2024-05-01",
             "title": "Nurses meet ministers" if i % 4 == 3 else f"Title {i}",
             "text": TEXTS[i % 4]} for i in range(11)]
    rows.insert(4, {"id": "empty", "text": ""})
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows),
                                    encoding="utf-8")
    pd.DataFrame(rows[:6]).to_csv(folder / "b.csv", index=False)
    return folder


def _parts(folder: Path) -> pd.DataFrame:
    return pd.concat([pd.read_parquet(f) for f in sorted(folder.glob("part-*.parquet"))],
                     ignore_index=True)


def _local(corpus: Path, tmp_path: Path) -> pd.DataFrame:
    out = tmp_path / "local.parquet"
    assert main(["score", str(corpus), "--format", "parquet", "-o", str(out)]) == 2
    return pd.read_parquet(out)


def test_dask_gives_the_local_table_row_for_row(client, corpus, tmp_path):
    from analyser.distributed import score_corpus

    out = tmp_path / "dask"
    run = score_corpus([str(corpus)], out, client=client, rows=3)
    assert run.partitions == 4 + 2 and run.resumed == 0
    assert [s for s, _ in run.skipped] == [f"{corpus / 'a.jsonl'}#5", f"{corpus / 'b.csv'}#5"]
    expected = _local(corpus, tmp_path)
    got = _parts(out)
    assert (expected["story"] != "").any()  # the comparison covers stories
    pd.testing.assert_frame_equal(got, expected)
    summary = json.loads((out / "_summary.json").read_text(encoding="utf-8"))
    assert summary["skipped"] == 2 and summary["articles"] == len(expected)


def test_a_rerun_skips_the_partitions_already_done(client, corpus, tmp_path):
    from analyser.distributed import WORK, score_corpus

    out = tmp_path / "dask"
    score_corpus([str(corpus)], out, client=client, rows=3)
    first = _parts(out)
    (out / WORK / "part-00002.pkl").unlink()  # as if interrupted before this one
    run = score_corpus([str(corpus)], out, client=client, rows=3)
    assert run.resumed == run.partitions - 1
    pd.testing.assert_frame_equal(_parts(out), first)
    with pytest.raises(OutputError, match="other inputs"):
        score_corpus([str(corpus / "a.jsonl")], out, client=client, rows=3)


def test_command_line_on_a_scheduler(client, corpus, tmp_path, capsys):
    out = tmp_path / "dask"
    status = main(["score", str(corpus / "*.jsonl"), "--engine", "dask", "--scheduler",
                   client.scheduler.address, "-o", str(out)])
    assert status == 2  # one record skipped
    err = capsys.readouterr().err
    assert "row has no 'text'" in err and "1 skipped" in err
    assert len(_parts(out)) == 11
    assert main(["score", str(corpus), "--engine", "dask", "-o", str(corpus)]) == 2
    assert "holds an input" in capsys.readouterr().err


def test_analyse_dataframe_maps_over_a_dask_frame(client, corpus):
    dd = pytest.importorskip("dask.dataframe")
    from analyser import analyse_text
    from analyser.distributed import analyse_dataframe

    df = pd.DataFrame({"id": ["x", "y", "z"], "text": [TEXTS[0], "", TEXTS[2]]})
    got = analyse_dataframe(dd.from_pandas(df, npartitions=2)).compute()
    assert list(got["error"] == "") == [True, False, True]
    assert got.loc[0, "words"] == analyse_text(TEXTS[0]).scores["words"]
    assert got.loc[2, "flesch_reading_ease"] == pytest.approx(
        analyse_text(TEXTS[2]).scores["flesch_reading_ease"])


def test_partitions_are_sized_to_the_workers_and_a_resumed_run_keeps_its_cut(tmp_path):
    from analyser.distributed import (
        MIN_PARTITION_ROWS,
        PARTITION_ROWS,
        PLAN,
        TASKS_PER_WORKER,
        partition_rows,
    )

    # enough partitions for TASKS_PER_WORKER tasks on each worker, within the bounds
    assert partition_rows(2225, 2) == -(-2225 // (2 * TASKS_PER_WORKER))
    assert partition_rows(10, 2) == MIN_PARTITION_ROWS
    assert partition_rows(10**6, 2) == PARTITION_ROWS
    assert partition_rows(2225, 0) == partition_rows(2225, 1)
    # a folder holding a plan: its partition size, whatever the workers now
    (tmp_path / PLAN).write_text(json.dumps([["a.jsonl", 0, 40], ["a.jsonl", 40, 77],
                                             ["b.jsonl", 0, 12]]), encoding="utf-8")
    assert partition_rows(2225, 2, tmp_path) == 40
    assert partition_rows(2225, 2, tmp_path / "new") == partition_rows(2225, 2)


def test_default_partitions_give_the_same_table(client, corpus, tmp_path):
    from analyser.distributed import score_corpus

    out = tmp_path / "dask"
    run = score_corpus([str(corpus)], out, client=client)  # one partition per file here
    assert run.partitions == 2
    pd.testing.assert_frame_equal(_parts(out), _local(corpus, tmp_path))
