"""Standard streams as the commands meet them: closed at start, a reader that goes away, a SIGTERM.

- A stream closed before the command starts (``>&-``, ``<&-``) is one line on stderr, exit 2 (``Unusable``).
- A reader that goes away (``| head -1``) is not an error: output stops, the run goes on to its verdict.
- Any other failure to write standard output is one line on stderr, exit 2.
- SIGTERM ends the run like Ctrl-C, through ``Terminated``, so worker pools are stopped on the way out.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from typing import TextIO


class Unusable(Exception):
    """A standard stream the command needs cannot be used; the message says which and why."""


class Terminated(BaseException):
    """The process received SIGTERM (a BaseException, like KeyboardInterrupt, so no handler swallows it)."""


def stdout() -> TextIO:
    if sys.stdout is None:
        raise Unusable("standard output is closed: nowhere to write the results")
    return sys.stdout


def stdin_closed() -> bool:
    return sys.stdin is None


class Output:
    """Writes to a text stream; once the reader has gone (broken pipe), further text is dropped."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.gone = False

    def write(self, text: str) -> None:
        if self.gone or not text:
            return
        try:
            self.stream.write(text)
        except BrokenPipeError:
            self._went_away()
        except OSError as error:
            raise Unusable(f"cannot write to standard output: {(error.strerror or str(error)).lower()}") from None

    def flush(self) -> None:
        if self.gone:
            return
        try:
            self.stream.flush()
        except BrokenPipeError:
            self._went_away()
        except OSError as error:
            raise Unusable(f"cannot write to standard output: {(error.strerror or str(error)).lower()}") from None

    def _went_away(self) -> None:
        self.gone = True
        with contextlib.suppress(OSError, ValueError):  # later flushes (at exit) go nowhere, quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.stream.fileno())
            os.close(devnull)


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


@contextlib.contextmanager
def sigterm_stops() -> Iterator[None]:
    """While inside, SIGTERM raises ``Terminated`` (only from the main thread; elsewhere a no-op)."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
