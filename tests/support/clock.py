"""A freshly booted machine's clock: with ``MLM_TEST_CLOCK_ORIGIN=<seconds>`` set, ``time.monotonic`` and
``time.perf_counter`` (and their ``_ns`` forms) read about ``<seconds>`` when the process starts and advance
at the normal rate. Only the origin moves, so every difference of readings is unchanged.

Loaded by ``tests/conftest.py`` for the test session, and by ``boot/sitecustomize.py`` (put on ``PYTHONPATH``
for child processes) in every Python process the tests start. Standard library only.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

ENV = "MLM_TEST_CLOCK_ORIGIN"
CLOCKS = ("monotonic", "perf_counter")
#: Where the real clocks were kept when shifted (to undo the shift; also tells that the shift is active).
_REAL: dict[str, Callable[[], float] | Callable[[], int]] = {}


def requested_origin() -> float | None:
    """The origin asked for in the environment, or None; a value that is not a number is an error."""
    value = os.environ.get(ENV, "").strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise SystemExit(f"{ENV}={value!r}: expected a number of seconds, such as 0") from None


def shift(origin: float) -> None:
    """Make the monotonic clocks of this process read ``origin`` now (undone by :func:`restore`)."""
    restore()
    for name in CLOCKS:
        real: Callable[[], float] = getattr(time, name)
        real_ns: Callable[[], int] = getattr(time, f"{name}_ns")
        offset_ns = real_ns() - round(origin * 1e9)
        _REAL[name], _REAL[f"{name}_ns"] = real, real_ns

        def shifted(real_ns: Callable[[], int] = real_ns, offset_ns: int = offset_ns) -> float:
            return (real_ns() - offset_ns) / 1e9

        def shifted_ns(real_ns: Callable[[], int] = real_ns, offset_ns: int = offset_ns) -> int:
            return real_ns() - offset_ns

        setattr(time, name, shifted)
        setattr(time, f"{name}_ns", shifted_ns)


def restore() -> None:
    """Give the real clocks back."""
    for name, real in _REAL.items():
        setattr(time, name, real)
    _REAL.clear()


@contextmanager
def suspended() -> Iterator[None]:
    """The real clocks inside the block; the shift as it was (same offset: time never runs back) after it."""
    names = [f"{name}{suffix}" for name in CLOCKS for suffix in ("", "_ns")]
    saved = {name: getattr(time, name) for name in names}
    real = dict(_REAL)
    restore()
    try:
        yield
    finally:
        restore()
        for name, function in saved.items():
            setattr(time, name, function)
        _REAL.update(real)


def active() -> bool:
    return bool(_REAL)


def apply_from_environment() -> float | None:
    """Shift the clocks when the environment asks for it; the origin used, or None."""
    origin = requested_origin()
    if origin is not None:
        shift(origin)
    return origin
