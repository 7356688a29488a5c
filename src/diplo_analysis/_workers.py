"""Metadata extraction during a load: in this process, or streamed to worker processes.

:func:`diplo_analysis.load_readouts` reads and de-duplicates records in its own
process, which is quick, and hands each kept record to a :class:`MetadataStream`.
With several workers the stream sends the records in chunks as they come, so
that the workers extract metadata while the files are still being read, and
gives the results back in input order: the frame is the same whatever the
number of processes.

The default (``n_jobs=None``) uses worker processes only where that is safe
and cheap: a platform whose default way of starting processes is ``fork``
(Linux up to Python 3.13), a process that is not itself a daemonic worker, a
machine with more than one usable CPU, and a load of at least
``PARALLEL_MIN_RECORDS`` kept records. Anywhere else, and whenever worker
processes cannot be started, die, or cannot be sent a record, the extraction
runs in this process (with a ``RuntimeWarning`` in the latter cases): a load
never fails for want of them.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import warnings
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Optional

#: Records sent to a worker at a time.
CHUNK = 256
#: At most this many worker processes when ``n_jobs`` is left to the default.
MAX_AUTO_JOBS = 8

_POOL_ERRORS = (OSError, NotImplementedError, BrokenProcessPool)


def usable_cpus() -> int:
    """Return the number of CPUs this process may run on (at least 1)."""
    if hasattr(os, "process_cpu_count"):  # Python >= 3.13
        n = os.process_cpu_count()
    elif hasattr(os, "sched_getaffinity"):
        n = len(os.sched_getaffinity(0))
    else:  # pragma: no cover - platforms without affinity masks
        n = os.cpu_count()
    return n or 1


def auto_context():
    """Return the ``fork`` context the default ``n_jobs`` may use, or None.

    None where the platform's default start method is not ``fork`` (macOS,
    Windows, Linux from Python 3.14), where this program chose another start
    method, or inside a daemonic worker process (which may not have children).
    With ``spawn`` or ``forkserver`` every worker would import the package
    afresh and re-run an unguarded script; they are used only when asked for
    with an explicit ``n_jobs``.
    """
    if mp.current_process().daemon:
        return None
    methods = mp.get_all_start_methods()
    if not methods or methods[0] != "fork":
        return None
    if mp.get_start_method(allow_none=True) not in (None, "fork"):
        return None
    return mp.get_context("fork")


def resolve_jobs(n_jobs: Optional[int]):
    """Return (number of processes, this one included; multiprocessing context or None) for ``n_jobs``.

    ``None``: :func:`auto_context` and up to :data:`MAX_AUTO_JOBS` usable
    CPUs where it allows, else 1. ``-1``: every usable CPU. A positive integer:
    that many. Raises ValueError for anything else.
    """
    if n_jobs is None:
        context = auto_context()
        return (1, None) if context is None else (min(usable_cpus(), MAX_AUTO_JOBS), context)
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or not (n_jobs >= 1 or n_jobs == -1):
        raise ValueError(f"n_jobs must be None, a positive integer or -1 (one per CPU), got {n_jobs!r}")
    return (usable_cpus() if n_jobs == -1 else n_jobs), None


def _extract_chunk(extract: Callable, records: list) -> list:
    return [extract(r) for r in records]


class MetadataStream:
    """Collect records and return ``extract(record)`` for each, in order.

    Parameters
    ----------
    extract : callable
        Record -> metadata dict.
    n_jobs : int
        Processes that extract, this one included: ``n_jobs - 1`` workers
        (1: none, every record is extracted by :meth:`results` here).
    context : multiprocessing context or None
        How workers are started (None: the platform's default).
    min_records : int
        No worker is started before this many records have come; a load with
        fewer is extracted in this process.
    prepare : callable, optional
        Called before the workers start (they inherit what it builds, where
        they are forked).
    """

    def __init__(self, extract: Callable, n_jobs: int, context=None, min_records: int = 500,
                 prepare: Optional[Callable[[], None]] = None) -> None:
        self.extract = extract
        self.prepare = prepare
        self.context = context
        self.min_records = min_records
        self.records: list = []
        self.futures: list = []
        self.spans: list[tuple[int, int]] = []  # records of each future
        self.sent = 0
        self.pool: Optional[ProcessPoolExecutor] = None
        self.failed = False
        if n_jobs > 1:
            try:
                pickle.dumps(extract)  # a replaced function other processes cannot import
            except Exception:
                n_jobs = 1
        self.n_jobs = n_jobs

    @property
    def parallel(self) -> bool:
        """Whether records may go to worker processes."""
        return self.n_jobs > 1

    def add(self, record) -> None:
        """Take one record; send a chunk to the workers when one is full."""
        self.records.append(record)
        n = len(self.records)
        if self.pool is None:
            if self.failed or n < self.min_records:
                return
            self._start()
        if self.pool is not None and n - self.sent >= CHUNK:
            self._submit(n)

    def results(self) -> list:
        """Return the metadata of every record taken, in order; the workers are stopped.

        This process works too: it extracts the records not sent yet, then
        takes back chunks no worker has started, from the last one down,
        while the workers finish the first ones. If the workers fail in any
        way (a worker killed, a record that cannot be sent), every record is
        extracted again here: an error of the extraction itself is then raised
        as it would be in one process, and anything else only warns.
        """
        extract = self.extract
        failure: Optional[BaseException] = None
        try:
            if self.pool is not None:
                tail = [extract(r) for r in self.records[self.sent:]]
                local: dict[int, list] = {}
                for k in range(len(self.futures) - 1, -1, -1):
                    if not self.futures[k].cancel():
                        break  # a worker has it, and all before it
                    a, b = self.spans[k]
                    local[k] = [extract(r) for r in self.records[a:b]]
                out: list = []
                for k, future in enumerate(self.futures):
                    out.extend(local[k] if k in local else future.result())
                out.extend(tail)
                return out
        except Exception as exc:  # which kind of failure is decided below, by extracting here
            failure = exc
        finally:
            self.close()
        out = [extract(r) for r in self.records]  # raises here if the extraction itself fails
        if failure is not None:
            self._warn(failure)
        return out

    def close(self) -> None:
        """Stop the workers (pending work is cancelled); safe to call twice."""
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def _start(self) -> None:
        if self.prepare is not None:
            self.prepare()
        try:  # this process is one of the n_jobs
            self.pool = ProcessPoolExecutor(max_workers=self.n_jobs - 1, mp_context=self.context)
        except _POOL_ERRORS as exc:
            self._fail(exc)

    def _submit(self, upto: int) -> None:
        try:
            self.futures.append(self.pool.submit(_extract_chunk, self.extract, self.records[self.sent:upto]))
        except (*_POOL_ERRORS, RuntimeError) as exc:  # RuntimeError: a pool that can no longer take work
            self._fail(exc)
        else:
            self.spans.append((self.sent, upto))
            self.sent = upto

    @staticmethod
    def _warn(exc: BaseException) -> None:
        warnings.warn(
            f"load_readouts: worker processes failed ({type(exc).__name__}: {exc}); "
            "extracting metadata in this process",
            RuntimeWarning,
            stacklevel=4,
        )

    def _fail(self, exc: BaseException) -> None:
        self._warn(exc)
        self.failed = True
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)  # a broken pool has stopped its workers: joined here
