"""Run a function over chunks of a stream on several processes, with bounded memory and ordered results."""

from __future__ import annotations

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
    from concurrent.futures import Future

T = TypeVar("T")

#: Files, or bytes of text, per chunk sent to a worker (a block of NDJSON lines is a chunk of its own).
CHUNK_DOCUMENTS = 64
CHUNK_BYTES = 1024 * 1024
#: Chunks in flight per worker: enough to keep every core busy, few enough to keep memory flat.
IN_FLIGHT_PER_JOB = 4


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def chunked(
    entries: Iterable[Entry], documents: int = CHUNK_DOCUMENTS, size: int = CHUNK_BYTES
) -> Iterator[list[Entry]]:
    """Group consecutive entries in input order: files by ``documents``, a block of lines on its own."""
    chunk: list[Entry] = []
    weight = 0
    for entry in entries:
        if isinstance(entry, Block):
            if chunk:
                yield chunk
                chunk, weight = [], 0
            yield [entry]
            continue
        chunk.append(entry)
        if not isinstance(entry, Unusable) and isinstance(entry[1], bytes):
            weight += len(entry[1])
        if len(chunk) >= documents or weight >= size:
            yield chunk
            chunk, weight = [], 0
    if chunk:
        yield chunk


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C and stops the pool


def _context() -> multiprocessing.context.BaseContext:
    # fork starts workers at once and they inherit the compiled validator; elsewhere, the platform's default
    return multiprocessing.get_context("fork" if sys.platform == "linux" else None)


def ordered_map(func: Callable[[list[Entry]], T], chunks: Iterable[list[Entry]], jobs: int) -> Iterator[T]:
    """``map(func, chunks)`` in order; on ``jobs`` processes once there are at least two chunks of work."""
    chunks = iter(chunks)
    head = list(islice(chunks, 2))
    if jobs <= 1 or len(head) < 2:
        yield from map(func, chain(head, chunks))
        return
    from concurrent.futures import ProcessPoolExecutor  # only for batches large enough to spread

    executor = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_quiet_worker)
    pending: deque[Future[T]] = deque()
    try:
        for chunk in chain(head, chunks):
            pending.append(executor.submit(func, chunk))
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=not pending, cancel_futures=True)
