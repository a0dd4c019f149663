"""Run a function over chunks of a stream on several processes, with bounded memory and ordered results."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING, TypeVar

from ._sources import Block, Entry, Unusable

if TYPE_CHECKING:  # pragma: no cover
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")

#: Files, or bytes of text, per chunk sent to a worker (a block of NDJSON lines is a chunk of its own).
CHUNK_DOCUMENTS = 64
CHUNK_BYTES = 1024 * 1024
#: Chunks in flight per worker: enough to keep every core busy.
IN_FLIGHT_PER_JOB = 4
#: Bytes of input in flight (sent to workers, results not yet written), beyond the one chunk always allowed.
IN_FLIGHT_BYTES = 32 * 1024 * 1024


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def weight(entry: Entry) -> int:
    """Bytes of input an entry stands for: its text, or the size of the file it names (0 if unknown)."""
    if isinstance(entry, Block):
        return len(entry.data)
    if isinstance(entry, Unusable):
        return 0
    if isinstance(entry[1], bytes):
        return len(entry[1])
    try:
        return os.stat(entry[1]).st_size
    except OSError:
        return 0


def chunked(
    entries: Iterable[Entry], documents: int = CHUNK_DOCUMENTS, size: int = CHUNK_BYTES
) -> Iterator[tuple[list[Entry], int]]:
    """Group consecutive entries in input order, with their weight in bytes: up to ``documents`` entries or
    ``size`` bytes, a block of lines on its own."""
    chunk: list[Entry] = []
    total = 0
    for entry in entries:
        if isinstance(entry, Block):
            if chunk:
                yield chunk, total
                chunk, total = [], 0
            yield [entry], len(entry.data)
            continue
        chunk.append(entry)
        total += weight(entry)
        if len(chunk) >= documents or total >= size:
            yield chunk, total
            chunk, total = [], 0
    if chunk:
        yield chunk, total


def _quiet_worker(parent: int) -> None:
    """Worker setup: Ctrl-C is the main process's business; the worker dies with it (``parent``, its pid as
    the main process read it before forking: one read here could already name the reaper); it never holds
    stdout."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C and stops the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # held while the parent forked this worker (see _held)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    die_with_parent(parent)
    with contextlib.suppress(OSError):  # results go back through the pool, so stdout is not needed here
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


def die_with_parent(parent: int | None = None) -> None:
    """Ask Linux to kill this process when its parent ends (``prctl(PR_SET_PDEATHSIG)``); exit at once if
    the parent ``parent`` (default: the current one) is already gone. Elsewhere, does nothing."""
    parent = os.getppid() if parent is None else parent
    if sys.platform != "linux":  # pragma: no cover
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent ended before the request was in place
        os._exit(1)


_PR_SET_PDEATHSIG = 1
_HELD = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while workers may be forked: Python drops an exception raised by a signal
    handler inside its fork hooks, so a signal arriving then would be lost. Delivered on leaving."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not on POSIX
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _context() -> multiprocessing.context.BaseContext:
    # fork starts workers at once and they inherit the compiled validator; elsewhere, the platform's default
    return multiprocessing.get_context("fork" if sys.platform == "linux" else None)


def _stop(executor: ProcessPoolExecutor) -> None:
    """End the workers now (an interrupted run must not leave them running, holding the terminal)."""
    processes = getattr(executor, "_processes", None) or {}  # no public way to reach them
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.kill()
    executor.shutdown(wait=False, cancel_futures=True)


def ordered_map(func: Callable[[list[Entry]], T], chunks: Iterable[tuple[list[Entry], int]], jobs: int) -> Iterator[T]:
    """``map(func, chunks)`` in order. With several chunks, on up to ``jobs`` processes (no more than the
    usable CPUs or the chunks), keeping at most ``IN_FLIGHT_BYTES`` of input in flight."""
    chunks = iter(chunks)
    jobs = max(1, min(jobs, usable_cpus()))
    head = list(islice(chunks, jobs if jobs > 1 else 1))
    jobs = min(jobs, len(head))
    if jobs <= 1:
        yield from (func(chunk) for chunk, _ in chain(head, chunks))
        return
    from concurrent.futures import ProcessPoolExecutor  # only for batches large enough to spread

    executor = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_quiet_worker, initargs=(os.getpid(),))
    pending: deque[tuple[Future[T], int]] = deque()
    in_flight = 0
    done = False
    try:
        for chunk, size in chain(head, chunks):
            while pending and (len(pending) >= jobs * IN_FLIGHT_PER_JOB or in_flight + size > IN_FLIGHT_BYTES):
                future, weight_ = pending.popleft()
                in_flight -= weight_
                yield future.result()
            with _held():
                future = executor.submit(func, chunk)
            pending.append((future, size))
            in_flight += size
        while pending:
            yield pending.popleft()[0].result()
        done = True
    finally:
        if done:
            executor.shutdown(wait=True)
        else:
            _stop(executor)
