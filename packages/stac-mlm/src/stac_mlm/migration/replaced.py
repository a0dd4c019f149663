"""Enum values that later releases replaced (the derived ``values`` entries that name a replacement): the
converters' vocabulary follows them, so a legacy value naming a replaced value is written as the value that
replaced it, with the releases' note, instead of being dropped as unknown."""

from __future__ import annotations

from typing import Any

from .tables import Tables, built_once, tables


def _steps(current: Tables) -> dict[str, dict[str, tuple[str, str]]]:
    """Per enum, each replaced value and its direct replacement with the note (entries in release order)."""
    steps: dict[str, dict[str, tuple[str, str]]] = {}
    for entry in current.values:
        enum, old, new = entry.get("enum"), entry.get("value"), entry.get("to")
        if isinstance(enum, str) and isinstance(old, str) and isinstance(new, str):
            steps.setdefault(enum, {})[old] = (new, str(entry.get("note", "")))
    return steps


_steps_of = built_once(_steps)  # worked out once per tables object


def _table() -> dict[str, dict[str, tuple[str, str]]]:
    return _steps_of(tables())


def replacement(enum: str, value: Any, known: frozenset[str]) -> tuple[str, str] | None:
    """The value of ``known`` (the latest release's values) that replaced ``value`` through one or more
    releases, with the notes of those steps; None when no release replaced it or the chain leaves ``known``."""
    steps = _table().get(enum)
    if not steps or not isinstance(value, str):
        return None
    notes: list[str] = []
    seen = {value}
    while value in steps:
        value, note = steps[value]
        notes.append(note)
        if value in seen:
            return None  # a cycle: no release's value to write
        seen.add(value)
    return (value, "; ".join(filter(None, notes))) if notes and value in known else None
