"""Metadata extraction in worker processes: the same frame, a safe default, fallbacks."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import subprocess
import sys
import warnings
from concurrent.futures import Future, wait
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from diplo_analysis import _workers, corpus
from diplo_analysis._workers import MetadataStream, resolve_jobs
from diplo_analysis.corpus import load_readouts
from diplo_analysis.records import ReadoutError

PEOPLE = [("France", "Odile Ferrand"), ("Brazil", "Tiago Moreira"), ("Japan", "Kenji Aramaki"),
          ("Kenya", "Wanjiru Otieno"), ("Norway", "Sigrid Haugland"), ("Chile", "Renata Ibarra")]
TOPICS = ["grain exports", "river shipping", "a vaccine plant", "fishing quotas", "a rail link", "power lines"]


def invented_readouts(path: Path, n: int, bad_line_at: int | None = None) -> Path:
    """Write ``n`` invented readouts of several shapes (calls, meetings, decrees) as JSON Lines."""
    lines = []
    for i in range(n):
        country, name = PEOPLE[i % len(PEOPLE)]
        topic = TOPICS[(i // len(PEOPLE)) % len(TOPICS)]
        day = 1 + i % 28
        if i % 3 == 0:
            title = f"Telephone conversation with President of {country} {name}"
            text = (f"Vladimir Putin had a telephone conversation with President of {country} {name} "
                    f"at the request of the {country} side. They spoke about {topic}, item {i}.")
        elif i % 3 == 1:
            title = f"Meeting with Prime Minister of {country} {name}"
            text = f"Vladimir Putin met with Prime Minister of {country} {name} to talk over {topic}, item {i}."
        else:
            title = f"Executive order on {topic} number {i}"
            text = f"Vladimir Putin signed executive order number {i} on {topic} for the regions."
        lines.append(json.dumps({"title": title, "text": text, "date": f"2019-03-{day:02d}",
                                 "url": f"http://en.kremlin.ru/events/president/news/{70000 + i}",
                                 "publisher": "Kremlin"}))
        if bad_line_at is not None and i == bad_line_at:
            lines.append("{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def small_pool(monkeypatch):
    """Workers from the first record on, two records to a chunk."""
    monkeypatch.setattr(corpus, "PARALLEL_MIN_RECORDS", 1)
    monkeypatch.setattr(_workers, "CHUNK", 2)


# ------------------------------------------------------------------ same frame
@pytest.mark.parametrize("n_jobs", [2, 3, None])
def test_any_number_of_processes_gives_the_same_frame(tmp_path, small_pool, n_jobs):
    path = invented_readouts(tmp_path / "r.jsonl", 30)
    one = load_readouts(path, n_jobs=1)
    many = load_readouts(path, n_jobs=n_jobs)
    pd.testing.assert_frame_equal(one, many, check_exact=True)
    assert one["medium"].value_counts().to_dict() == {"phone": 10, "in_person": 10, "other": 10, "video": 0}
    assert one.loc[one["medium"] == "phone", "initiator"].eq("counterpart").all()


@pytest.mark.corpus
def test_metadata_of_a_corpus_is_the_same_in_one_process_and_several(shared_corpus):
    """Real readouts, loaded by the default (workers where the platform forks), against one process."""
    if resolve_jobs(None)[0] < 2:
        pytest.skip("the default uses one process here (no fork start method, or one CPU)")
    kremlin = shared_corpus / "kremlin_en_2021_2022" / "kremlin_en_2021_2022.jsonl"
    one = load_readouts(kremlin, n_jobs=1)
    default = load_readouts(kremlin)
    assert len(one) > corpus.PARALLEL_MIN_RECORDS  # large enough for the workers to start
    pd.testing.assert_frame_equal(one, default, check_exact=True)


# ------------------------------------------------------------------ this process takes back work
class _StubPool:
    """Stands in for ProcessPoolExecutor: futures that no worker ever starts, or already done ones."""

    def __init__(self, done: bool):
        self.done, self.futures, self.shut = done, [], False

    def submit(self, fn, extract, records):
        f = Future()
        if self.done:
            f.set_running_or_notify_cancel()
            f.set_result([("worker", r) for r in records])
        self.futures.append(f)
        return f

    def shutdown(self, wait=True, cancel_futures=False):
        self.shut = True


@pytest.mark.parametrize("done", [False, True])
def test_results_come_back_in_order_whoever_extracted_them(monkeypatch, done):
    pool = _StubPool(done)
    monkeypatch.setattr(_workers, "ProcessPoolExecutor", lambda **kw: pool)
    monkeypatch.setattr(_workers, "CHUNK", 3)
    stream = MetadataStream(lambda r: ("here", r), 2, min_records=4)
    for r in range(11):
        stream.add(r)
    # the workers start at the 4th record, which goes with 0-2; then 4-6 and 7-9 are sent, 10 is kept
    assert [len(f.result()) if done else None for f in pool.futures] == ([4, 3, 3] if done else [None] * 3)
    assert stream.sent == 10
    out = stream.results()
    assert [r for _, r in out] == list(range(11))
    who = [w for w, _ in out]
    if done:  # the workers' results are used as they are
        assert who == ["worker"] * 10 + ["here"]
    else:  # chunks no worker started are taken back
        assert who == ["here"] * 11
        assert all(f.cancelled() for f in pool.futures)
    assert pool.shut and stream.pool is None


def test_few_records_never_start_workers(monkeypatch):
    started = []
    monkeypatch.setattr(_workers, "ProcessPoolExecutor", lambda **kw: started.append(kw))
    stream = MetadataStream(str, 4, min_records=10)
    for r in range(9):
        stream.add(r)
    assert stream.results() == [str(r) for r in range(9)] and started == []


# ------------------------------------------------------------------ fallbacks
def test_a_pool_that_cannot_start_falls_back_to_this_process(tmp_path, small_pool, monkeypatch):
    path = invented_readouts(tmp_path / "r.jsonl", 12)
    expected = load_readouts(path, n_jobs=1)

    def no_pool(**kw):
        raise OSError("no semaphores here")

    monkeypatch.setattr(_workers, "ProcessPoolExecutor", no_pool)
    with pytest.warns(RuntimeWarning, match=r"worker processes failed \(OSError: no semaphores here\)"):
        df = load_readouts(path, n_jobs=2)
    pd.testing.assert_frame_equal(expected, df, check_exact=True)


def _double_here_die_in_a_worker(x):
    if str(os.getpid()) != os.environ["DIPLO_TEST_PARENT_PID"]:
        os._exit(3)  # a worker killed mid-task (out of memory, say)
    return 2 * x


def test_a_worker_that_dies_falls_back_to_this_process(monkeypatch):
    monkeypatch.setenv("DIPLO_TEST_PARENT_PID", str(os.getpid()))
    monkeypatch.setattr(_workers, "CHUNK", 4)
    stream = MetadataStream(_double_here_die_in_a_worker, 2, None, min_records=1)
    for x in range(20):
        stream.add(x)
    wait(stream.futures)  # else results() may take back every chunk before the worker has started one
    with pytest.warns(RuntimeWarning, match="BrokenProcessPool"):
        out = stream.results()
    assert out == [2 * x for x in range(20)]
    assert mp.active_children() == []


def test_a_record_that_cannot_be_sent_falls_back_to_this_process(monkeypatch):
    import threading

    from diplo_analysis.metadata import extract_metadata
    from diplo_analysis.records import Record

    monkeypatch.setattr(_workers, "CHUNK", 2)
    records = [Record(path="p.jsonl", line=i, title=f"Meeting with President of Chile Ana Soto {i}",
                      text=f"The President met with President of Chile Ana Soto, item {i}.", url=f"http://x.cl/{i}",
                      date="2023-01-02", meta={"lock": threading.Lock()} if i == 3 else {})
               for i in range(6)]
    stream = MetadataStream(extract_metadata, 2, None, min_records=1)
    for r in records:
        stream.add(r)
    wait(stream.futures)  # the pool has tried to send record 3; else results() may take its chunk back unsent
    with pytest.warns(RuntimeWarning, match="cannot pickle"):
        out = stream.results()
    assert out == [extract_metadata(r) for r in records]
    assert mp.active_children() == []


def _fail_on_seven(x):
    if x == 7:
        raise ValueError("record 7 is not a readout")
    return x


def test_an_error_of_the_extraction_itself_is_raised_not_hidden(monkeypatch):
    monkeypatch.setattr(_workers, "CHUNK", 4)
    stream = MetadataStream(_fail_on_seven, 2, None, min_records=1)
    for x in range(20):
        stream.add(x)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no fallback warning either
        with pytest.raises(ValueError, match="record 7"):
            stream.results()
    assert mp.active_children() == []


def test_errors_raise_stops_the_workers(tmp_path, small_pool):
    path = invented_readouts(tmp_path / "r.jsonl", 20, bad_line_at=15)
    with pytest.raises(ReadoutError, match=r"r\.jsonl:17: invalid JSON"):
        load_readouts(path, errors="raise", n_jobs=2)
    assert mp.active_children() == []


# ------------------------------------------------------------------ the default
def test_default_uses_forked_workers_up_to_eight(monkeypatch):
    monkeypatch.setattr(_workers.mp, "get_all_start_methods", lambda: ["fork", "spawn", "forkserver"])
    monkeypatch.setattr(_workers.mp, "get_start_method", lambda allow_none=False: None)
    monkeypatch.setattr(_workers, "usable_cpus", lambda: 2)
    n, ctx = resolve_jobs(None)
    assert n == 2 and ctx.get_start_method() == "fork"
    monkeypatch.setattr(_workers, "usable_cpus", lambda: 64)
    assert resolve_jobs(None)[0] == _workers.MAX_AUTO_JOBS == 8
    monkeypatch.setattr(_workers, "usable_cpus", lambda: 1)
    assert resolve_jobs(None)[0] == 1  # one CPU: this process only


@pytest.mark.parametrize("why", ["spawn platform", "other method chosen", "daemonic worker"])
def test_default_stays_in_this_process_where_fork_is_not_safe(monkeypatch, why):
    monkeypatch.setattr(_workers, "usable_cpus", lambda: 4)
    monkeypatch.setattr(_workers.mp, "get_all_start_methods", lambda: ["fork", "spawn", "forkserver"])
    monkeypatch.setattr(_workers.mp, "get_start_method", lambda allow_none=False: None)
    if why == "spawn platform":
        monkeypatch.setattr(_workers.mp, "get_all_start_methods", lambda: ["spawn", "fork", "forkserver"])
    elif why == "other method chosen":
        monkeypatch.setattr(_workers.mp, "get_start_method", lambda allow_none=False: "forkserver")
    else:
        monkeypatch.setattr(_workers.mp, "current_process", lambda: SimpleNamespace(daemon=True))
    assert resolve_jobs(None) == (1, None)
    # an explicit number is obeyed, started the platform's default way
    assert resolve_jobs(3) == (3, None)
    assert resolve_jobs(-1) == (4, None)


def test_default_leaves_the_start_method_to_the_program():
    """Asking what the default would do must not fix the start method (set_start_method would then fail)."""
    code = ("import multiprocessing as mp\n"
            "from diplo_analysis._workers import resolve_jobs\n"
            "resolve_jobs(None)\n"
            "assert mp.get_start_method(allow_none=True) is None\n"
            "mp.set_start_method('spawn')\n"
            "print(mp.get_start_method())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "spawn"


@pytest.mark.parametrize("bad", [0, -2, 1.5, "2", True])
def test_bad_n_jobs(bad):
    with pytest.raises(ValueError, match="n_jobs must be None, a positive integer or -1"):
        resolve_jobs(bad)


def test_load_tables_builds_what_workers_inherit():
    from diplo_analysis import dates, gazetteer, metadata

    built = [gazetteer.country_lookup, gazetteer._country_split, gazetteer._leader_index, gazetteer._leader_split,
             gazetteer._given_names,
             gazetteer._publisher_rows, gazetteer._cctld, dates._mfa_anchors, dates._tenures]
    for f in built:
        f.cache_clear()
    metadata.load_tables()
    assert all(f.cache_info().currsize == 1 for f in built)


def test_workers_start_after_the_tables_are_built(monkeypatch):
    order = []
    monkeypatch.setattr(_workers, "CHUNK", 2)
    monkeypatch.setattr(_workers, "ProcessPoolExecutor", lambda **kw: order.append("pool") or _StubPool(True))
    stream = MetadataStream(str, 2, min_records=2, prepare=lambda: order.append("tables"))
    for r in range(3):
        stream.add(r)
    assert order == ["tables", "pool"] and stream.results() == [("worker", 0), ("worker", 1), "2"]

