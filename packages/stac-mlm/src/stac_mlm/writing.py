"""The one place that writes user files: every write goes to a temporary file in the target's folder, is
flushed to disk, then renamed over the target (``os.replace``), so the target holds either its old bytes or
the whole new text, never a part (not after an error, not after ``kill -9``)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file: the same path once symlinks are resolved, or (both existing) the
    same file on disk (a hard link)."""
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


@contextlib.contextmanager
def replacing(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary stream whose bytes replace ``target`` when the block ends without an error; after an
    error the target is left as it was and the temporary file is removed."""
    path = Path(target)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent or ".")
    try:
        os.chmod(temporary, _mode(path))
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``target`` by ``data`` atomically (see ``replacing``)."""
    with replacing(target) as handle:
        handle.write(data)


def _mode(path: Path) -> int:
    """The permissions the new file gets: the target's when it exists, else what the umask allows."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk where the system allows opening a folder (not on Windows)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
