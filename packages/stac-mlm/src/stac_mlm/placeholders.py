"""Placeholders: the stand-ins `migrate` and `describe` write for required values a person must fill.

Each stand-in is recognisable from the document alone: the table of marks (``placeholder_marks`` in
schema/migrations/common.yaml, bundled as ``_generated/migrations.json``) gives, for a path pattern, the
stand-in value and what to put in its place. ``find(document)`` lists every placeholder a document holds;
`migrate`, `validate` and `lint` read them through it.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from . import pointer

__all__ = ["Placeholder", "find", "marks"]


class Placeholder(NamedTuple):
    """A stand-in to fill: where it is (``path``, a JSON Pointer) and what to put there (``fill``)."""

    path: str
    fill: str

    def __str__(self) -> str:
        return f"{self.path}: {self.fill}"


class Mark(NamedTuple):
    """One row of the marks table: a path pattern (``*`` matches any key or index), the stand-in, the hint."""

    path: str
    walk: pointer.Walk
    equals: Any
    fill: str


@cache
def marks() -> tuple[Mark, ...]:
    """The marks table, in its order (compiled once)."""
    from .migration.tables import tables  # the migration package uses Placeholder: imported when first needed

    return tuple(
        Mark(row["path"], pointer.compile_walk(pointer.parse_pointer(row["path"])), row["equals"], row["fill"])
        for row in tables().common["placeholder_marks"]
    )


def _same(value: Any, stand_in: Any) -> bool:
    """JSON equality: ``true`` is not ``1``, ``1`` is ``1.0``."""
    if isinstance(value, bool) or isinstance(stand_in, bool):
        return value is stand_in
    return bool(type(value) is type(stand_in) and value == stand_in) or (
        isinstance(value, int | float) and isinstance(stand_in, int | float) and value == stand_in
    )


def find(document: Any, *, skip: tuple[str, ...] = ()) -> list[Placeholder]:
    """Every placeholder in ``document``, in the order of the marks table then of the document.

    A placeholder at or below a path of ``skip`` (JSON Pointers already listed by the caller) is left out."""
    found: list[Placeholder] = []
    seen: set[str] = set()
    for mark in marks():
        for segments, _, value in pointer.walk(document, mark.walk):
            path = pointer.format_pointer(segments)
            if path in seen or any(path == s or path.startswith(s + "/") for s in skip):
                continue
            if _same(value, mark.equals):
                seen.add(path)
                found.append(Placeholder(path, mark.fill))
    return found
