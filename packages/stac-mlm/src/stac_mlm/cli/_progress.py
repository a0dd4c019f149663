"""A one-line progress display on stderr, shown only on a terminal and only for batches that take a while."""

from __future__ import annotations

import time
from typing import TextIO

#: Seconds before the first redraw: quick batches show nothing.
DELAY = 1.0


class Progress:
    """Counts judged documents; redraws at most ``rate`` times a second once ``delay`` seconds have passed."""

    def __init__(self, stream: TextIO, enabled: bool, delay: float | None = None, rate: float = 8.0) -> None:
        self.stream = stream
        self.enabled = enabled
        self.started = time.monotonic()
        self.delay = DELAY if delay is None else delay
        self.interval = 1 / rate
        self.last = 0.0
        self.shown = False
        self.documents = self.invalid = 0

    def update(self, documents: int, invalid: int) -> None:
        self.documents += documents
        self.invalid += invalid
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.delay or now - self.last < self.interval:
            return
        self.last = now
        speed = self.documents / max(now - self.started, 1e-9)
        self.stream.write(f"\r\x1b[2K{self.documents:,} documents checked, {self.invalid:,} invalid ({speed:,.0f}/s)")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Erase the line before other text goes to the terminal (and at the end)."""
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False
