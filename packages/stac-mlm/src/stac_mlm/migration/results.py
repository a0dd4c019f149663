"""What a converter returns: the engine alone writes it into the document and the report.

``Value`` is written to the rule's ``to``; ``Keep`` leaves the input as it is (the rule does not
apply); ``Dropped`` removes the input with a reason; ``Placed`` lists the writes the converter wants
(the engine applies them, then removes the input). Each result may carry ``notes`` (added to the
detail of the rule's entry) and ``entries`` (report entries the converter adds, e.g. assumed values,
placeholders, or parts of the input it dropped), which the engine records before the rule's own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..pointer import MISSING
from .report import ReportEntry, new_entry

Entries = tuple[ReportEntry, ...]
Writes = tuple[tuple[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Value:
    """The converted value, written to the rule's ``to``."""

    value: Any
    notes: tuple[str, ...] = ()
    entries: Entries = ()

    def __init__(self, value: Any, notes: tuple[str, ...] = (), entries: Entries = ()) -> None:
        # the frozen dataclass's own __init__, without its cost (one per converted value)
        _set_value(self, value)
        _set_value_notes(self, notes)
        _set_value_entries(self, entries)


@dataclass(frozen=True, slots=True)
class Keep:
    """The rule does not apply to this value: it stays as it is, unreported."""


@dataclass(frozen=True, slots=True)
class Dropped:
    """The value has no form in the target version: removed, ``reason`` reported."""

    reason: str
    notes: tuple[str, ...] = ()
    entries: Entries = ()

    def __init__(self, reason: str, notes: tuple[str, ...] = (), entries: Entries = ()) -> None:
        _set_reason(self, reason)
        _set_dropped_notes(self, notes)
        _set_dropped_entries(self, entries)


@dataclass(frozen=True, slots=True)
class Placed:
    """The converter says where its results go.

    ``writes`` are written unless the place holds a different value (then a note says so);
    ``replaces`` overwrite what is there (a value the converter read and rewrote; ``MISSING``
    removes it), applied before ``writes``; ``target`` names the main place for the input's entry;
    ``listed`` are archive files (path, entry, text) for the model asset's description. With
    ``reported`` the converter's ``entries`` report every input value: the engine adds none.
    """

    writes: Writes = ()
    entries: Entries = ()
    notes: tuple[str, ...] = ()
    target: str | None = None
    replaces: Writes = ()
    listed: tuple[tuple[str, Any, str], ...] = ()
    reported: bool = False

    def __init__(
        self,
        writes: Writes = (),
        entries: Entries = (),
        notes: tuple[str, ...] = (),
        target: str | None = None,
        replaces: Writes = (),
        listed: tuple[tuple[str, Any, str], ...] = (),
        reported: bool = False,
    ) -> None:
        # the frozen dataclass's own __init__, without its cost
        _set_writes(self, writes)
        _set_placed_entries(self, entries)
        _set_placed_notes(self, notes)
        _set_target(self, target)
        _set_replaces(self, replaces)
        _set_listed(self, listed)
        _set_reported(self, reported)


Result = Value | Keep | Dropped | Placed

_set_value, _set_value_notes, _set_value_entries = (
    Value.__dict__[name].__set__ for name in ("value", "notes", "entries")
)
_set_reason, _set_dropped_notes, _set_dropped_entries = (
    Dropped.__dict__[name].__set__ for name in ("reason", "notes", "entries")
)
_set_writes, _set_placed_entries, _set_placed_notes, _set_target, _set_replaces, _set_listed, _set_reported = (
    Placed.__dict__[name].__set__ for name in ("writes", "entries", "notes", "target", "replaces", "listed", "reported")
)

KEEP = Keep()

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # one encoder (json.dumps builds one per call)


def shown(value: Any) -> str:
    """A value as a person reads it in a report: JSON text (``null``, ``"text"``, ``[1, 2]``), shortened."""
    if type(value) is str and len(value) <= 118 and value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'  # what json.dumps gives for such text, without its cost
    try:
        text = _ENCODE(value)
    except (TypeError, ValueError):
        text = str(value)
    return text if len(text) <= 120 else text[:117] + "..."


def entry(path: str, action: str, detail: str, original: Any = MISSING, target: str | None = None) -> ReportEntry:
    """A report entry for a value at ``path`` of the input."""
    return new_entry(path, action, detail, original, target)


def assumed(target: str, detail: str, value: Any = MISSING) -> ReportEntry:
    """An entry for a value written by assumption at ``target`` (``value`` is shown in the detail)."""
    suffix = f" ({shown(value)})" if value is not MISSING else ""
    return new_entry(target, "assumed", detail + suffix, MISSING, target)


def placeholder(target: str, detail: str, fill: str | None) -> ReportEntry:
    """An entry for a stand-in written at ``target``: why (``detail``) and what to put there (``fill``)."""
    text = f"{detail}; put here: {fill}" if fill else detail
    return new_entry(target, "placeholder", text, MISSING, target, fill)
