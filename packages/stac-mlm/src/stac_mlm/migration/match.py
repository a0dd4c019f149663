"""What a converter receives: one match of a rule, and read-only access to the document.

A ``Match`` holds the matched value (for a rule with `with`, a dict keyed by each path's last
segment), its input path, the input path of each `with` value, and a ``DocumentView``. Reading
through the view gives copies of objects and arrays, so a converter cannot change the document;
it says what to change with its result (``results.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import pointer
from ..pointer import MISSING, Segments, format_pointer
from .tables import SchemaFacts, facts, tables


def is_item(document: dict[str, Any]) -> bool:
    """Whether the document is a STAC Item."""
    return document.get("type") == "Feature"


def assets_of(document: dict[str, Any]) -> dict[str, Any]:
    """The document's assets (empty when it has none); the document's own object."""
    assets = document.get("assets")
    return assets if isinstance(assets, dict) else {}


def model_asset_key(document: dict[str, Any]) -> str | None:
    """The key of the first asset with the ``mlm:model`` role, if any."""
    assets: Any = document.get("assets")
    for key, asset in assets.items() if isinstance(assets, dict) else ():
        roles = asset.get("roles") if isinstance(asset, dict) else None
        if isinstance(roles, list) and "mlm:model" in roles:
            return str(key)
    return None


def free_asset_key(document: dict[str, Any], wanted: str, taken: tuple[str, ...] = ()) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... when used: an asset key neither the document nor
    ``taken`` (keys a converter is about to write) holds."""
    assets = assets_of(document)
    key, number = wanted, 2
    while key in assets or key in taken:
        key, number = f"{wanted}-{number}", number + 1
    return key


class DocumentView:
    """Read-only access to the document being migrated, with the schema facts and the common tables."""

    __slots__ = ("_document", "common", "facts")

    def __init__(self, document: dict[str, Any]) -> None:
        self._document = document
        self.facts: SchemaFacts = facts()
        self.common: dict[str, Any] = tables().common

    def get(self, path: str | Segments, default: Any = None) -> Any:
        """The value at a JSON Pointer (a copy of an object or array), or ``default``."""
        segments = pointer.parse_pointer(path) if isinstance(path, str) else path
        value = pointer.get(self._document, segments)
        if value is MISSING:
            return default
        return pointer.copy_json(value) if type(value) is dict or type(value) is list else value

    def has(self, path: str | Segments) -> bool:
        """Whether the document has a value at a JSON Pointer."""
        segments = pointer.parse_pointer(path) if isinstance(path, str) else path
        return pointer.get(self._document, segments) is not MISSING

    @property
    def is_item(self) -> bool:
        """Whether the document is a STAC Item."""
        return is_item(self._document)

    def assets(self) -> dict[str, Any]:
        """A copy of the document's assets (empty when it has none)."""
        copied: dict[str, Any] = pointer.copy_json(assets_of(self._document))
        return copied

    def asset_roles(self) -> dict[str, tuple[str, ...]]:
        """Each asset's roles (the text ones), without copying the assets."""
        return {
            str(key): tuple(r for r in roles if isinstance(r, str)) if isinstance(roles, list) else ()
            for key, asset in assets_of(self._document).items()
            for roles in [asset.get("roles") if isinstance(asset, dict) else None]
        }

    def model_asset_key(self) -> str | None:
        """The key of the first asset with the ``mlm:model`` role, if any."""
        return model_asset_key(self._document)

    def free_asset_key(self, wanted: str, taken: tuple[str, ...] = ()) -> str:
        """An asset key not yet used (``wanted``, else ``wanted-2``...), nor in ``taken``."""
        return free_asset_key(self._document, wanted, taken)


@dataclass(frozen=True, slots=True)
class Match:
    """One match of a rule: ``value`` found at ``path`` (a JSON Pointer into the input); for a rule
    with `with`, ``value`` maps each value's last path segment to it and ``matched`` holds each
    value's path segments. ``document`` reads the rest of the document."""

    value: Any
    path: str
    document: DocumentView
    matched: tuple[Segments, ...] = ()

    @property
    def sources(self) -> dict[str, str]:
        """For a rule with `with`: each value's key (the last segment of its path) and its input path."""
        return {segments[-1]: format_pointer(segments) for segments in self.matched}

    @property
    def segments(self) -> Segments:
        """The input path, split."""
        return pointer.parse_pointer(self.path)

    @property
    def facts(self) -> SchemaFacts:
        """What the migration reads from the target schema (tasks, patterns, fields...)."""
        return self.document.facts

    @property
    def common(self) -> dict[str, Any]:
        """The common migration tables (common.yaml)."""
        return self.document.common

    def get(self, path: str | Segments, default: Any = None) -> Any:
        """The document's value at a JSON Pointer (a copy of an object or array), or ``default``."""
        return self.document.get(path, default)


_new = object.__new__
_set_value, _set_path, _set_document, _set_matched = (
    Match.__dict__[name].__set__ for name in ("value", "path", "document", "matched")
)


def new_match(value: Any, path: str, document: DocumentView, matched: tuple[Segments, ...] = ()) -> Match:
    """``Match(...)`` for the engine's inner loop: the same match, its slots filled directly."""
    found = _new(Match)
    _set_value(found, value)
    _set_path(found, path)
    _set_document(found, document)
    _set_matched(found, matched)
    return found
