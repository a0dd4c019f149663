"""The one place that reads user files: every command (validate, migrate, lint, describe, check) reads
through here, so the same rules hold everywhere.

- Only regular files are opened: a FIFO, device or socket is refused without blocking.
- With ``root``, a path that resolves (through symlinks) outside that folder is refused.
- Every read has a byte cap; JSON and YAML values have a nesting-depth cap.
- JSON is strict (no ``NaN`` / ``Infinity``, no number beyond a 64-bit float such as ``1e400``); YAML is
  read with the safe loader and aliases are refused, never expanded (no "billion laughs").
- Every failure is one ``InputError`` naming the file and the reason in plain words. Nothing here executes
  code from a file.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

#: Largest file read as one document (JSON, YAML, a model card, a config), unless a caller gives its own cap.
MAX_BYTES = 256 * 1024 * 1024
#: Chunk size for streamed reads (capped reads, hashing, archive entries).
CHUNK = 1024 * 1024
#: Deepest nesting of arrays and objects accepted in a JSON or YAML value.
MAX_DEPTH = 512


class InputError(ValueError):
    """A user file that cannot be read as asked: ``source`` names it, ``reason`` says why."""

    def __init__(self, source: str | os.PathLike[str], reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")


def label(path: str | os.PathLike[str]) -> str:
    """A printable name for a path, even when the file name is not valid UTF-8."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _os_reason(error: OSError) -> str:
    return "cannot read: " + (error.strerror or str(error)).lower()


def inside(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> bool:
    """Whether ``path``, with every symlink resolved, lies in the folder ``root`` (also resolved)."""
    return Path(path).resolve().is_relative_to(Path(root).resolve())


def kind(mode: int) -> str:
    """A file type in words, for a refusal message."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def open_regular(path: str | os.PathLike[str], *, root: str | os.PathLike[str] | None = None) -> BinaryIO:
    """The regular file ``path``, open for reading in binary (the caller closes it).

    The file is opened without blocking and checked with ``fstat`` on the open descriptor, so a FIFO
    cannot hang the read and a swap between check and open cannot slip another file type in."""
    name = label(path)
    if root is not None and not inside(path, root):
        raise InputError(name, f"resolves outside the folder {label(root)}: not followed")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise InputError(name, _os_reason(error)) from None
    handle = os.fdopen(descriptor, "rb")
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        handle.close()
        raise InputError(name, f"is {kind(mode)}: only regular files are read")
    return handle


def read_capped(handle: BinaryIO, name: str, *, cap: int = MAX_BYTES) -> bytes:
    """All bytes of an open stream, at most ``cap`` of them (more is an ``InputError``, read no further)."""
    parts: list[bytes] = []
    total = 0
    try:  # in chunks: read(cap + 1) would allocate a buffer of the cap's size before reading a byte
        while total <= cap and (part := handle.read(min(CHUNK, cap + 1 - total))):
            parts.append(part)
            total += len(part)
    except OSError as error:
        raise InputError(name, _os_reason(error)) from None
    if total > cap:
        raise InputError(name, f"is larger than {_size(cap)}: not read")
    return b"".join(parts)


def read_lines(handle: BinaryIO, name: str, *, cap: int = MAX_BYTES) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines of an open stream with their numbers (from 1), one at a time: memory holds one
    line. A line longer than ``cap`` is an ``InputError`` naming it (``name:number``)."""
    number = 0
    while True:
        try:
            line = handle.readline(cap + 1)
        except OSError as error:
            raise InputError(name, _os_reason(error)) from None
        if not line:
            return
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            raise InputError(f"{name}:{number}", f"is a line larger than {_size(cap)}: not read")
        if not line.isspace():
            yield number, line


def read_bytes(
    path: str | os.PathLike[str], *, cap: int = MAX_BYTES, root: str | os.PathLike[str] | None = None
) -> bytes:
    """The bytes of the regular file ``path``, at most ``cap`` of them (more is an ``InputError``)."""
    with open_regular(path, root=root) as handle:
        return read_capped(handle, label(path), cap=cap)


def _size(count: int) -> str:
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if count >= scale:
            return f"{count / scale:g} {unit}"
    return f"{count} bytes"


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (an optional byte-order mark dropped), or an ``InputError`` naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            source, f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None


def read_text(path: str | os.PathLike[str], *, cap: int = MAX_BYTES, root: str | os.PathLike[str] | None = None) -> str:
    """The UTF-8 text of a regular file, under the same rules as ``read_bytes``."""
    return decode(read_bytes(path, cap=cap, root=root), label(path))


def depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """The nesting depth of a JSON-like value (a scalar is 0), counted without recursion; stops past ``limit``."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        deepest = max(deepest, level + 1)
        if deepest > limit:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"the number {text[:40]} is too large for a 64-bit float")
    return value


def parse_json(text: str | bytes, source: str, *, max_depth: int = MAX_DEPTH) -> Any:
    """Strict JSON (``NaN``, ``Infinity`` and numbers beyond a 64-bit float such as ``1e400`` refused) nested
    at most ``max_depth`` levels."""
    if isinstance(text, bytes):
        text = decode(text, source)
    try:
        value = json.loads(text, parse_constant=_reject_constant, parse_float=_finite)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise InputError(source, f"is not valid JSON: {error.msg} ({where})") from None
    except RecursionError:
        raise InputError(source, f"is nested deeper than {max_depth} levels: not read") from None
    except ValueError as error:
        raise InputError(source, f"is not valid JSON: {error}") from None
    if depth(value, max_depth) > max_depth:
        raise InputError(source, f"is nested deeper than {max_depth} levels: not read")
    return value


def load_json(
    path: str | os.PathLike[str],
    *,
    cap: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
    root: str | os.PathLike[str] | None = None,
) -> Any:
    """Read and parse a JSON file under the caps."""
    return parse_json(read_bytes(path, cap=cap, root=root), label(path), max_depth=max_depth)


def parse_yaml(text: str, source: str, *, max_depth: int = MAX_DEPTH) -> Any:
    """YAML with the safe loader, refusing aliases (``*name``) and nesting deeper than ``max_depth``.

    Needs PyYAML (the ``hf`` extra); without it, an ``InputError`` says which extra to install."""
    try:
        yaml: Any = importlib.import_module("yaml")  # untyped; its stubs are not a dependency
    except ImportError:
        raise InputError(source, "is YAML, and reading YAML needs PyYAML: pip install 'stac-mlm[hf]'") from None

    class _Loader(yaml.SafeLoader):  # type: ignore[misc]
        """The safe loader, composing no alias and no node deeper than the cap."""

        level = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                raise InputError(source, f"uses a YAML alias (line {mark.line + 1}): aliases are not expanded")
            self.level += 1
            if self.level > max_depth:
                raise InputError(source, f"is nested deeper than {max_depth} levels: not read")
            try:
                return super().compose_node(parent, index)
            finally:
                self.level -= 1

    try:
        return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise InputError(source, f"is not valid YAML{where}: {problem}") from None
    except RecursionError:
        raise InputError(source, f"is nested deeper than {max_depth} levels: not read") from None


def load_yaml(
    path: str | os.PathLike[str],
    *,
    cap: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
    root: str | os.PathLike[str] | None = None,
) -> Any:
    """Read and parse a YAML file under the caps."""
    return parse_yaml(read_text(path, cap=cap, root=root), label(path), max_depth=max_depth)


# --- Model files: large binaries read in part, hashed in a stream, and zip archives (describe, check) ---


def read_range(
    path: str | os.PathLike[str], offset: int, count: int, *, root: str | os.PathLike[str] | None = None
) -> bytes:
    """At most ``count`` bytes of a regular file from ``offset`` (fewer at its end)."""
    with open_regular(path, root=root) as handle:
        try:
            handle.seek(offset)
            return bytes(handle.read(count))
        except OSError as error:
            raise InputError(label(path), _os_reason(error)) from None


def size_and_sha256(path: str | os.PathLike[str], *, root: str | os.PathLike[str] | None = None) -> tuple[int, str]:
    """The size in bytes and the SHA-256 (hex) of a regular file, read in chunks (no size cap: nothing is kept)."""
    import hashlib

    digest = hashlib.sha256()
    size = 0
    with open_regular(path, root=root) as handle:
        try:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
        except OSError as error:
            raise InputError(label(path), _os_reason(error)) from None
    return size, digest.hexdigest()


#: Most entries accepted in a zip archive (a model archive holds a few per tensor).
MAX_ZIP_ENTRIES = 100_000
#: Largest sum of the uncompressed sizes an archive may declare.
MAX_ZIP_TOTAL = 64 * 2**30
#: Largest entry read into memory from an archive (configs, graphs); counted while inflating.
MAX_ZIP_ENTRY = 64 * 2**20


class ZipArchive:
    """A zip archive opened for reading metadata: every entry name is checked (no absolute path, no ``..``,
    no drive or backslash), the entry count and the declared uncompressed total are capped, and an entry is
    read only up to ``MAX_ZIP_ENTRY`` bytes, counted while it inflates (a lying header cannot bomb memory).
    Nothing is extracted to disk. Use as a context manager."""

    def __init__(self, path: str | os.PathLike[str], *, root: str | os.PathLike[str] | None = None) -> None:
        import zipfile

        self.source = label(path)
        self._handle = open_regular(path, root=root)
        try:
            self._zip = zipfile.ZipFile(self._handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            self._handle.close()
            raise InputError(self.source, f"is not a readable zip archive ({error})") from None
        try:
            self._check()
        except InputError:
            self.close()
            raise

    def _check(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise InputError(self.source, f"holds {len(infos)} entries, more than the cap of {MAX_ZIP_ENTRIES}")
        total = sum(info.file_size for info in infos)
        if total > MAX_ZIP_TOTAL:
            raise InputError(
                self.source, f"declares {_size(total)} uncompressed, more than the cap of {_size(MAX_ZIP_TOTAL)}"
            )
        for info in infos:
            name = info.filename
            parts = name.replace("\\", "/").split("/")
            if name.startswith(("/", "\\")) or "\\" in name or ":" in parts[0] or ".." in parts:
                raise InputError(self.source, f"holds an entry with an unsafe path ({name!r}): not read")
        self.sizes = {info.filename: info.file_size for info in infos if not info.is_dir()}

    def names(self) -> list[str]:
        """The file entries, in archive order."""
        return list(self.sizes)

    def read(self, name: str, cap: int = MAX_ZIP_ENTRY) -> bytes:
        """The bytes of one entry, at most ``cap`` (declared or inflated beyond it is an ``InputError``)."""
        import zipfile

        where = f"{self.source}: entry {name!r}"
        if self.sizes.get(name, 0) > cap:
            raise InputError(where, f"declares {_size(self.sizes[name])}, more than the cap of {_size(cap)}")
        chunks: list[bytes] = []
        count = 0
        try:
            with self._zip.open(name) as entry:
                while chunk := entry.read(min(CHUNK, cap + 1 - count)):
                    count += len(chunk)
                    chunks.append(chunk)
                    if count > cap:
                        raise InputError(where, f"inflates past the cap of {_size(cap)}: not read")
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
            raise InputError(where, f"cannot be read ({error})") from None
        return b"".join(chunks)

    def close(self) -> None:
        self._zip.close()
        self._handle.close()

    def __enter__(self) -> ZipArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
