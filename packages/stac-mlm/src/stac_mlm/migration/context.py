"""What the engine and the finishing steps work on: the document being migrated (changed in place)
and its report. Converters and suppliers never see it: they read a ``DocumentView`` (match.py)."""

from __future__ import annotations

from typing import Any

from .. import pointer
from ..pointer import MISSING, Segments, format_pointer
from . import match
from .match import DocumentView
from .report import ReportEntry, new_entry
from .results import assumed, placeholder, shown
from .tables import SchemaFacts, facts, tables


def put_unless_different(document: Any, segments: Segments, value: Any, notes: list[str]) -> bool:
    """Write ``value`` unless the place already holds a different one (then add a note, return False)."""
    current = pointer.get(document, segments)
    if current is not MISSING and current != value:
        notes.append(f"not written to {format_pointer(segments)}, which already holds {shown(current)}")
        return False
    pointer.put(document, segments, value)
    return True


class Context:
    """The document being migrated (changed in place) and its report."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.report: list[ReportEntry] = []
        self.facts: SchemaFacts = facts()
        self.common: dict[str, Any] = tables().common
        self.emptied: list[tuple[list[Any], Segments]] = []  # lists with removed items, and their paths
        self.archive_listing: list[tuple[str, Any, str]] = []  # files named in a model archive, no href
        self.view = DocumentView(document)  # what converters and suppliers read

    # reading and writing -------------------------------------------------------------------------
    def get(self, path: str | Segments, default: Any = None) -> Any:
        """The value at a JSON Pointer of the document, or ``default``."""
        segments = pointer.parse_pointer(path) if isinstance(path, str) else path
        value = pointer.get(self.document, segments)
        return default if value is MISSING else value

    def put(self, path: str | Segments, value: Any) -> bool:
        """Write ``value`` unless the place already holds a different one (then return False)."""
        segments = pointer.parse_pointer(path) if isinstance(path, str) else path
        return put_unless_different(self.document, segments, value, [])

    def add(self, path: str, action: str, detail: str, original: Any = MISSING, target: str | None = None) -> None:
        """Add an entry to the report."""
        self.report.append(new_entry(path, action, detail, original, target))

    def placeholder(self, target: str, detail: str, fill: str | None) -> None:
        """Report a stand-in written at ``target``: why (``detail``) and what to put there (``fill``)."""
        self.report.append(placeholder(target, detail, fill))

    def assume(self, target: str, detail: str, value: Any = MISSING) -> None:
        """Report a value written by assumption (``value`` is shown in the detail)."""
        self.report.append(assumed(target, detail, value))

    # the document's parts ------------------------------------------------------------------------
    @property
    def is_item(self) -> bool:
        """Whether the document is a STAC Item."""
        return self.document.get("type") == "Feature"  # match.is_item, without a call

    def assets(self) -> dict[str, Any]:
        """The document's assets (empty when it has none)."""
        return match.assets_of(self.document)

    def model_asset_key(self) -> str | None:
        """The key of the first asset with the ``mlm:model`` role, if any."""
        return match.model_asset_key(self.document)

    def free_asset_key(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``wanted-3``... when taken: an asset key not yet used."""
        return match.free_asset_key(self.document, wanted)
