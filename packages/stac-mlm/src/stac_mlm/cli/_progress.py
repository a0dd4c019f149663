"""A one-line progress display on stderr, shown only on a terminal and only for batches that take a while."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

#: Seconds before the first redraw: quick batches show nothing.
DELAY = 1.0
#: Redraws per second, at most.
RATE = 8.0
#: Width of the bar, drawn when the input's total size is known.
BAR = 24


class Progress:
    """Counts judged documents; redraws at most ``rate`` times a second once ``delay`` seconds have passed.

    With ``total`` (bytes of input), a bar shows the share of the input judged so far. Only differences of
    readings of ``clock`` (default ``time.monotonic``) count, never the readings themselves: a monotonic
    clock may start anywhere (near 0 just after boot).
    """

    def __init__(
        self,
        stream: TextIO,
        enabled: bool,
        total: int | None = None,
        delay: float | None = None,
        rate: float | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.stream = stream
        self.enabled = enabled
        self.clock = time.monotonic if clock is None else clock  # looked up now, so a patched clock counts
        self.started = self.clock()
        self.delay = DELAY if delay is None else delay
        self.interval = 1 / (RATE if rate is None else rate)
        self.last: float | None = None  # when the line was last drawn (None: never)
        self.shown = False
        self.total = total
        self.documents = self.invalid = self.size = 0

    def update(self, documents: int, invalid: int, size: int = 0) -> None:
        self.documents += documents
        self.invalid += invalid
        self.size += size
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.last is not None and now - self.last < self.interval:
            return
        self.last = now
        speed = self.documents / max(now - self.started, 1e-9)
        bar = ""
        if self.total:
            done = min(self.size / self.total, 1.0)
            filled = round(done * BAR)
            bar = f"[{'#' * filled}{'.' * (BAR - filled)}] {done:4.0%} "
        counts = f"{self.documents:,} documents checked, {self.invalid:,} invalid ({speed:,.0f}/s)"
        self.stream.write(f"\r\x1b[2K{bar}{counts}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Erase the line before other text goes to the terminal (and at the end)."""
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False
