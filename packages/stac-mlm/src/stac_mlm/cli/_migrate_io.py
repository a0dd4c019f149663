"""Inputs and outputs of ``stac-mlm migrate``: documents read one at a time through ``stac_mlm.reading``,
outputs and the report written through ``stac_mlm.writing`` (a temporary file renamed into place), and
the checks that no output can overwrite an input, made before anything is written."""

from __future__ import annotations

import contextlib
import io
import json
import os
import stat
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .. import reading, writing

SUFFIXES = (".json", ".jsonc")  # read from a folder (`.jsonc`: JSON with comments)
LINE_SUFFIXES = (".ndjson", ".jsonl")
STDIN = "<stdin>"


class Refused(Exception):
    """An output that would overwrite an input (or the other output): nothing is written."""


@dataclass(frozen=True, slots=True)
class Document:
    """One document's text (``data``) and its name, in the input file ``origin`` (None for stdin)."""

    name: str
    data: bytes
    origin: Path | None


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input (a file, a line, a folder) that could not be read, with the reason."""

    name: str
    reason: str


def files(source: str) -> Iterator[Path | Unreadable]:
    """The files ``source`` names: itself, or every `*.json`/`*.jsonc` under a folder (sorted, walk errors
    reported in their place)."""
    if not os.path.isdir(source):
        yield Path(source)
        return
    problems: list[OSError] = []
    found = False
    for folder, subfolders, names in os.walk(source, onerror=problems.append):
        subfolders.sort()
        for name in sorted(names):
            if name.endswith(SUFFIXES):
                found = True
                yield Path(folder, name)
        while problems:
            error = problems.pop(0)
            yield Unreadable(reading.label(error.filename or source), "cannot read: " + (error.strerror or str(error)))
    while problems:
        error = problems.pop(0)
        yield Unreadable(reading.label(error.filename or source), "cannot read: " + (error.strerror or str(error)))
    if not found:
        yield Unreadable(reading.label(source), "no *.json or *.jsonc files in this folder")


def documents(source: str) -> Iterator[Document | Unreadable]:
    """Every document of ``source``, read one at a time (memory holds one file, or one line of ndjson)."""
    if source == "-":
        yield from _split(STDIN, _stdin(), None)
        return
    for path in files(source):
        if isinstance(path, Unreadable):
            yield path
            continue
        name = reading.label(path)
        try:
            with reading.open_regular(path) as handle:
                if name.endswith(LINE_SUFFIXES):
                    for number, line in reading.read_lines(handle, name):
                        yield Document(f"{name}:{number}", line, path)
                    continue
                data = reading.read_capped(handle, name)
        except reading.InputError as error:
            yield Unreadable(error.source, error.reason)
            continue
        yield from _split(name, data, path)


def _stdin() -> bytes | Unreadable:
    stream: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return Unreadable(STDIN, "standard input is closed")
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        mode = os.fstat(stream.fileno()).st_mode
        if stat.S_ISCHR(mode) and not os.isatty(stream.fileno()):  # /dev/zero, /dev/urandom...
            return Unreadable(STDIN, f"is {reading.kind(mode)}: only files and pipes are read")
    try:
        return reading.read_capped(stream, STDIN)
    except reading.InputError as error:
        return Unreadable(STDIN, error.reason)


def _split(name: str, data: bytes | Unreadable, origin: Path | None) -> Iterator[Document | Unreadable]:
    """One document per line when the text is ndjson (several lines, each a JSON value), else one."""
    if isinstance(data, Unreadable):
        yield data
        return
    lines = [(n, line) for n, line in enumerate(data.split(b"\n"), 1) if line.strip()]
    if len(lines) > 1 and all(_is_json(line) for _, line in lines):
        for number, line in lines:
            yield Document(f"{name}:{number}", line, origin)
    else:
        yield Document(name, data, origin)


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


# outputs -------------------------------------------------------------------------------------------
def check_targets(source: str, output: str | None, report: str | None, per_file: bool) -> None:
    """Refuse (``Refused``) an output or report that resolves to an input, to the other, or (for a folder
    written file by file) a folder overlapping the input folder. Runs before anything is read or written."""
    if output and report and writing.same_file(output, report):
        raise Refused(f"-o {output} and --report {report} name the same file")
    for option, target in (("-o", output), ("--report", report)):
        if not target:
            continue
        if source == "-":
            if _is_stdin(target):
                raise Refused(f"{option} {target} is the file standard input reads")
            continue
        if os.path.isdir(source):
            if option == "-o" and per_file:
                if reading.inside(target, source) or reading.inside(source, target):
                    raise Refused(f"-o {target} overlaps the input folder {source}: outputs could replace inputs")
            elif reading.inside(target, source) and target.endswith(SUFFIXES):
                raise Refused(f"{option} {target} is a file the input folder {source} provides (or would)")
        elif writing.same_file(target, source):
            raise Refused(f"{option} {target} is the input {source}")


def _is_stdin(target: str) -> bool:
    try:
        here, there = os.fstat(0), os.stat(target)
    except (OSError, ValueError):
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def encode(value: Any, indent: int | None) -> tuple[bytes, bool]:
    """UTF-8 JSON text for ``value`` (and whether it had to be written with ``\\u`` escapes: a lone
    surrogate, which UTF-8 cannot hold, is kept that way). Raises ValueError for non-finite numbers."""
    try:
        return json.dumps(value, indent=indent, ensure_ascii=False, allow_nan=False).encode("utf-8"), False
    except UnicodeEncodeError:
        return json.dumps(value, indent=indent, ensure_ascii=True, allow_nan=False).encode("ascii"), True


def report_opening() -> bytes:
    return b'{\n  "documents": [\n'


def report_entry(entry: dict[str, Any], first: bool) -> bytes:
    """One document of the report, laid out as ``json.dumps(report, indent=2)`` lays it out."""
    text, _ = encode(entry, 2)
    return (b"" if first else b",\n") + textwrap.indent(text.decode("utf-8"), "    ").encode("utf-8")


def report_closing() -> bytes:
    return b"\n  ]\n}\n"
