"""Enum values that a later release replaced or removed (``values`` of the steps derived from the diff, see
schema/migrations/releases.yaml): each matching value is rewritten to its replacement or dropped, and every
one is reported by path."""

from __future__ import annotations

from typing import Any

from .. import pointer
from ..pointer import MISSING, format_pointer
from .context import Context
from .engine import compact


def apply_values(context: Context, entries: tuple[dict[str, Any], ...]) -> None:
    """Rewrite or drop, at each entry's path (``*`` for list items and map values), the value it names."""
    document = context.document
    for entry in entries:
        old = entry["value"]
        for segments, _ in pointer.expand(document, pointer.parse_pointer(entry["path"])):
            found = pointer.get(document, segments)
            if found is MISSING or type(found) is not type(old) or found != old:
                continue
            where = format_pointer(segments)
            if "to" in entry:
                pointer.put(document, segments, entry["to"])
                context.add(where, str(entry.get("action", "converted")), str(entry.get("note", "")), old, where)
            else:
                pointer.remove(document, segments, context.emptied)
                context.add(where, "dropped", str(entry.get("note", "")), old)
        if context.emptied:
            compact(context)
