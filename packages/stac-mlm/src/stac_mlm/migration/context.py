"""What converters and finishing steps see: the document being migrated, its report, and the values a
converter returns to say what happened (KEEP, PLACED, REPORTED, Drop)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .. import pointer
from ..pointer import MISSING, Segments, format_pointer
from .report import ReportEntry, new_entry
from .tables import SchemaFacts, facts, tables


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

    # reading and writing -------------------------------------------------------------------------
    def get(self, path: str | Segments, default: Any = None) -> Any:
        segments = pointer.parse_pointer(path) if isinstance(path, str) else path
        value = pointer.get(self.document, segments)
        return default if value is MISSING else value

    def has(self, path: str | Segments) -> bool:
        segments = pointer.parse_pointer(path) if isinstance(path, str) else path
        return pointer.get(self.document, segments) is not MISSING

    def put(self, path: str | Segments, value: Any) -> bool:
        """Write ``value`` unless the place already holds a different one (then note it and return False)."""
        segments = pointer.parse_pointer(path) if isinstance(path, str) else path
        current = pointer.get(self.document, segments)
        if current is not MISSING and current != value:
            self.notes.append(f"not written to {format_pointer(segments)}, which already holds {shown(current)}")
            return False
        pointer.put(self.document, segments, value)
        return True

    def add(self, path: str, action: str, detail: str, original: Any = MISSING, target: str | None = None) -> None:
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
        return self.document.get("type") == "Feature"

    def assets(self) -> dict[str, Any]:
        assets = self.document.get("assets")
        return assets if isinstance(assets, dict) else {}

    def model_asset_key(self) -> str | None:
        for key, asset in self.assets().items():
            roles = asset.get("roles") if isinstance(asset, dict) else None
            if isinstance(roles, list) and "mlm:model" in roles:
                return key
        return None

    def free_asset_key(self, wanted: str) -> str:
        assets = self.assets()
        key, number = wanted, 2
        while key in assets:
            key, number = f"{wanted}-{number}", number + 1
        return key
