"""Directory listings in an order no file system gives by chance: with ``MLM_TEST_REVERSE_LISTINGS=1``,
``os.listdir`` and ``os.scandir`` (so ``os.walk``, ``glob`` and ``pathlib``'s ``iterdir``/``glob``) list names
in reverse order, so code that forgets to sort its listings gives a different result. Standard library only;
loaded like ``clock.py`` (in the test session and in every Python process it starts).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

ENV = "MLM_TEST_REVERSE_LISTINGS"
_REAL: dict[str, Any] = {}


class _Listing:
    """What ``os.scandir`` returns (an iterator and a context manager), holding the entries reversed."""

    def __init__(self, entries: list[os.DirEntry[Any]]) -> None:
        self._entries = iter(entries)

    def __iter__(self) -> Iterator[os.DirEntry[Any]]:
        return self._entries

    def __next__(self) -> os.DirEntry[Any]:
        return next(self._entries)

    def __enter__(self) -> _Listing:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._entries = iter(())


def reverse() -> None:
    if _REAL:
        return
    _REAL.update(listdir=os.listdir, scandir=os.scandir)
    real_listdir, real_scandir = os.listdir, os.scandir

    def listdir(*args: Any) -> list[Any]:
        return sorted(real_listdir(*args), reverse=True)

    def scandir(*args: Any) -> _Listing:
        with real_scandir(*args) as found:
            return _Listing(sorted(found, key=lambda entry: entry.name, reverse=True))

    os.listdir, os.scandir = listdir, scandir  # type: ignore[assignment]


def restore() -> None:
    for name, real in _REAL.items():
        setattr(os, name, real)
    _REAL.clear()


@contextmanager
def reversed_listings() -> Iterator[None]:
    """Reverse listings inside the block (leaving them reversed afterwards if they already were)."""
    already = bool(_REAL)
    reverse()
    try:
        yield
    finally:
        if not already:
            restore()


def active() -> bool:
    return bool(_REAL)


def requested() -> bool:
    return os.environ.get(ENV, "").strip() not in {"", "0"}


def apply_from_environment() -> bool:
    if requested():
        reverse()
    return bool(_REAL)
