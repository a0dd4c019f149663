"""Turn the paths given to ``stac-mlm validate`` into a stream of entries, lazily and in input order.

Three kinds of entry, all cheap for the main process to make so that the judging (in worker processes
for large batches) is where the time goes:

- a document ``(source, payload)``: its JSON text (bytes) or, for a file on disk, its ``Path`` (read by
  whichever process judges it);
- a ``Block`` of whole NDJSON lines (about 1 MiB), split into documents by the process that judges it;
- ``Unusable``: an input that cannot be read, reported in its place while the rest goes on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..batch import NotJSON, parse
from ..reading import InputError, open_regular, read_bytes

#: Largest document (a file, or one line of NDJSON) read; beyond it the input is reported unusable.
MAX_DOCUMENT = 256 * 1024 * 1024
TOO_LARGE = f"larger than {MAX_DOCUMENT // 2**20} MiB: not read"
BLOCK = 1024 * 1024
LINE_SUFFIXES = (".ndjson", ".jsonl")
STDIN = "<stdin>"

Document = tuple[str, bytes | Path]


@dataclass(frozen=True, slots=True)
class Unusable:
    """An input that could not be read at all (not a verdict on a document)."""

    source: str
    message: str


@dataclass(frozen=True, slots=True)
class Block:
    """Whole lines of the NDJSON input ``name``, the first of them being line ``first``."""

    name: str
    first: int
    data: bytes

    def documents(self) -> Iterator[Document]:
        """The non-blank lines, each a document named ``name:line``."""
        for number, line in enumerate(self.data.split(b"\n"), self.first):
            if line and not line.isspace():
                yield (f"{self.name}:{number}", line.rstrip(b"\r"))


Entry = Document | Block | Unusable


def label(path: str) -> str:
    """A printable name for a path, even when the file name is not valid UTF-8."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def reason(error: OSError) -> str:
    return "cannot read: " + (error.strerror or str(error)).lower()


def read_file(path: Path) -> bytes:
    """The bytes of one regular file (``InputError`` for anything else, or when larger than MAX_DOCUMENT)."""
    try:
        return read_bytes(path, cap=MAX_DOCUMENT)
    except InputError as error:
        if error.reason.startswith("is larger than"):
            raise InputError(error.source, TOO_LARGE) from None
        raise


def _blocks(handle: BinaryIO, name: str, first: int = 1) -> Iterator[Block | Unusable]:
    """Cut the stream at line ends into blocks that hold at least one non-blank line; a line longer than
    MAX_DOCUMENT is reported and skipped."""
    number = first
    pending = bytearray()
    while data := handle.read(BLOCK):
        pending += data
        cut = pending.rfind(b"\n") + 1
        if cut == 0:
            if len(pending) > MAX_DOCUMENT:
                while (rest := handle.readline(BLOCK)) and not rest.endswith(b"\n"):
                    pass
                yield Unusable(f"{name}:{number}", f"line {TOO_LARGE}")
                number += 1
                pending.clear()
            continue
        lines = bytes(pending[:cut])
        del pending[:cut]
        if lines.strip():
            yield Block(name, number, lines)
        number += lines.count(b"\n")
    if pending.strip():
        yield Block(name, number, bytes(pending))


def _line_file(path: str, name: str) -> Iterator[Entry]:
    found = False
    try:
        with open_regular(path) as handle:
            for entry in _blocks(handle, name):
                found = True
                yield entry
    except InputError as error:
        yield Unusable(name, error.reason)
        return
    except OSError as error:
        yield Unusable(name, reason(error))
        return
    if not found:
        yield Unusable(name, "contains no documents")


def _directory(path: str) -> Iterator[Entry]:
    found = reported = False
    problems: list[OSError] = []

    def failed(error: OSError) -> None:
        nonlocal reported
        reported = True
        problems.append(error)

    for folder, subfolders, files in os.walk(path, onerror=failed):
        subfolders.sort()
        for name in sorted(files):
            if name.lower().endswith(".json"):
                found = True
                full = os.path.join(folder, name)
                yield (label(full), Path(full))
        yield from _walk_errors(problems, path)
    yield from _walk_errors(problems, path)  # a folder that failed last is reported too
    if not found and not reported:
        yield Unusable(label(path), "no *.json files in this directory")


def _walk_errors(problems: list[OSError], top: str) -> Iterator[Unusable]:
    while problems:
        error = problems.pop(0)
        yield Unusable(label(error.filename or top), reason(error))


def _is_json(line: bytes) -> bool:
    try:
        parse(line)
    except NotJSON:
        return False
    return True


def _stdin(stream: BinaryIO) -> Iterator[Entry]:
    """Standard input is NDJSON when its first non-blank line is a whole JSON value and more follow; otherwise
    it is one document."""
    number, blank = 0, b""
    while line := stream.readline(MAX_DOCUMENT + 1):
        number += 1
        if not line.isspace():
            break
        blank += line
    if not line:
        yield Unusable(STDIN, "is empty: no documents")
        return
    if len(line) > MAX_DOCUMENT:
        yield Unusable(STDIN, TOO_LARGE)
        return
    if _is_json(line):
        following = _blocks(stream, STDIN, number + 1)
        second = next(following, None)
        if second is None:
            yield (STDIN, line.rstrip(b"\r\n"))
        else:
            yield (f"{STDIN}:{number}", line.rstrip(b"\r\n"))
            yield second
            yield from following
        return
    data = blank + line + stream.read(MAX_DOCUMENT + 1 - len(blank) - len(line))
    yield Unusable(STDIN, TOO_LARGE) if len(data) > MAX_DOCUMENT else (STDIN, data)


def entries(paths: list[str], stdin: BinaryIO | None = None) -> Iterator[Entry]:
    """Every entry of the given paths, in order: files, directories (``*.json`` found recursively, sorted,
    a folder's files before its subfolders), ``.ndjson``/``.jsonl`` files and ``-`` for standard input."""
    for path in paths:
        if path == "-":
            yield from _stdin(stdin if stdin is not None else sys.stdin.buffer)
        elif os.path.isdir(path):
            yield from _directory(path)
        elif not os.path.exists(path):
            yield Unusable(label(path), "no such file or directory")
        elif path.lower().endswith(LINE_SUFFIXES):
            yield from _line_file(path, label(path))
        else:
            yield (label(path), Path(path))
