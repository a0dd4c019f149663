"""What converters and finishing steps see: the document being migrated, its report, and the values a
converter returns to say what happened (KEEP, PLACED, REPORTED, Drop)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import pointer
from ..pointer import MISSING, Segments, format_pointer
from . import match
from .match import DocumentView
from .report import ReportEntry, new_entry
from .results import shown
from .tables import SchemaFacts, facts, tables


def put_unless_different(document: Any, segments: Segments, value: Any, notes: list[str]) -> bool:
    """Write ``value`` unless the place already holds a different one (then add a note, return False)."""
    current = pointer.get(document, segments)
    if current is not MISSING and current != value:
        notes.append(f"not written to {format_pointer(segments)}, which already holds {shown(current)}")
        return False
    pointer.put(document, segments, value)
    return True


class _Keep:
    """Returned by a converter when the rule does not apply to this value: it stays as it is."""


KEEP: Any = _Keep()


class _Placed:
    """Returned by a converter that wrote its results itself (with ``Context.put``)."""


PLACED: Any = _Placed()


class _Reported:
    """Returned by a converter that wrote its results and reported each input value itself. (The engine
    removes the consumed values, except for a rule whose `to` is its `from`: there the converter does.)"""


REPORTED: Any = _Reported()


@dataclass(frozen=True, slots=True)
class Drop:
    """Returned by a converter when the value has no v1.5.2 form; ``reason`` goes into the report."""

    reason: str


class Context:
    """The document being migrated (changed in place) and its report, as converters see them."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.report: list[ReportEntry] = []
        self.facts: SchemaFacts = facts()
        self.common: dict[str, Any] = tables().common
        self.notes: list[str] = []  # remarks a converter adds to the current rule's entry
        self.path = ""  # the input path of the value being converted
        self.emptied: list[tuple[list[Any], Segments]] = []  # lists with removed items, and their paths
        self.target: str | None = None  # where a converter that placed its result put it (for the report)
        self.archive_listing: list[tuple[str, Any, str]] = []  # files named in a model archive, no href
        self.matched: list[tuple[Segments, Any]] = []  # for a rule with `with`: the values read, by path
        self.view = DocumentView(document)  # what converters read
        self.view._context = self  # type: ignore[attr-defined]  # transitional: old-style converters

    # reading and writing -------------------------------------------------------------------------
    def get(self, path: str | Segments, default: Any = None) -> Any:
        """The value at a JSON Pointer of the document, or ``default``."""
        segments = pointer.parse_pointer(path) if isinstance(path, str) else path
        value = pointer.get(self.document, segments)
        return default if value is MISSING else value

    def has(self, path: str | Segments) -> bool:
        """Whether the document has a value at a JSON Pointer."""
        segments = pointer.parse_pointer(path) if isinstance(path, str) else path
        return pointer.get(self.document, segments) is not MISSING

    def put(self, path: str | Segments, value: Any) -> bool:
        """Write ``value`` unless the place already holds a different one (then note it and return False)."""
        segments = pointer.parse_pointer(path) if isinstance(path, str) else path
        return put_unless_different(self.document, segments, value, self.notes)

    def add(self, path: str, action: str, detail: str, original: Any = MISSING, target: str | None = None) -> None:
        """Add an entry to the report."""
        self.report.append(new_entry(path, action, detail, original, target))

    def placeholder(self, target: str, detail: str, fill: str | None) -> None:
        """Report a stand-in written at ``target``: why (``detail``) and what to put there (``fill``)."""
        text = f"{detail}; put here: {fill}" if fill else detail
        self.report.append(new_entry(target, "placeholder", text, target=target, fill=fill))

    def assume(self, target: str, detail: str, value: Any = MISSING) -> None:
        """Report a value written by assumption (``value`` is shown in the detail)."""
        suffix = f" ({shown(value)})" if value is not MISSING else ""
        self.add(target, "assumed", detail + suffix, target=target)

    @property
    def sources(self) -> dict[str, str]:
        """For a rule with `with`: each value's key (the last segment of its path) and its input path."""
        return {segments[-1]: format_pointer(segments) for segments, _ in self.matched}

    # the document's parts ------------------------------------------------------------------------
    @property
    def is_item(self) -> bool:
        """Whether the document is a STAC Item."""
        return match.is_item(self.document)

    def assets(self) -> dict[str, Any]:
        """The document's assets (empty when it has none)."""
        return match.assets_of(self.document)

    def model_asset_key(self) -> str | None:
        """The key of the first asset with the ``mlm:model`` role, if any."""
        return match.model_asset_key(self.document)

    def free_asset_key(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``wanted-3``... when taken: an asset key not yet used."""
        return match.free_asset_key(self.document, wanted)
