"""JSON pointers (RFC 6901): the one place that escapes and unescapes their tokens."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def pointer_token(key: Any) -> str:
    """One token: ``~`` becomes ``~0`` and ``/`` becomes ``~1``."""
    return str(key).replace("~", "~0").replace("/", "~1")


def join_pointer(parts: Iterable[Any]) -> str:
    """The pointer of a path of keys and list indexes (``""`` for the whole document)."""
    return "".join("/" + pointer_token(part) for part in parts)


def split_pointer(pointer: str) -> list[str]:
    """The unescaped tokens of a pointer; a pointer that does not start with ``/`` is an error."""
    if not pointer:
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer[1:].split("/")]
