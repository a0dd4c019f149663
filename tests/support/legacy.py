"""Legacy documents for the migration tests: the project's own fixtures and, when present, upstream's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.paths import REPO, UPSTREAM_DATA

LEGACY_FIXTURES = REPO / "tests" / "fixtures" / "legacy"


def fixture_paths() -> list[Path]:
    return sorted(p for p in LEGACY_FIXTURES.iterdir() if p.suffix in {".json", ".jsonc"})


def upstream_legacy_paths() -> list[Path]:
    """Every example under upstream dlm/, ml-model/ and mlm/v1.* (empty when the data is absent)."""
    folders = [UPSTREAM_DATA / "dlm", UPSTREAM_DATA / "ml-model", *sorted((UPSTREAM_DATA / "mlm").glob("v1.*"))]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("examples/**/*.json"))


# where each value went ----------------------------------------------------------------------------
ANY = object()  # "any value" where a value is expected; "not there" where one is returned


def _units(value: Any, path: str = "") -> list[tuple[str, Any]]:
    """The values a report must account for: scalars and flat lists of scalars (lists of roles, tasks,
    extension URLs, band indices are converted as one value), with their JSON Pointers."""
    if isinstance(value, dict):
        return [u for key, child in value.items() for u in _units(child, f"{path}/{_escape(key)}")]
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        return [u for index, child in enumerate(value) for u in _units(child, f"{path}/{index}")]
    return [(path, value)]


def _escape(key: Any) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


def value_at(document: Any, path: str) -> Any:
    """The value at a JSON Pointer, or ``ANY`` when the document has none there."""
    node = document
    for part in path.split("/")[1:] if path else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return ANY
    return node


def _under(path: str, ancestor: str) -> bool:
    return path == ancestor or path.startswith(ancestor + "/")


def _holds(node: Any, value: Any) -> bool:
    """Whether the value is somewhere in ``node`` (as a value, or as text inside a string)."""
    if node is ANY:
        return False
    if isinstance(value, list) and value and not isinstance(node, list):
        return all(_holds(node, item) for item in value)  # a flat list: every item is there
    if node == value and type(node) is type(value):
        return True
    if isinstance(value, str) and isinstance(node, str) and value and value in node:
        return True
    if isinstance(node, dict):
        return any(_holds(child, value) for child in node.values())
    if isinstance(node, list):
        return any(_holds(child, value) for child in node)
    return False


def _lands(path: str, value: Any, entries: list[Any], start: int, document: Any, depth: int = 0) -> bool:
    """Whether the value at ``path`` (of the document as it was at report entry ``start``) is accounted
    for: unchanged in the output, or named by the deepest report entry covering it, which says where it
    went (followed through later entries) or that it was dropped (keeping it)."""
    cover = None
    for index in range(start, len(entries)):
        entry = entries[index]
        covers = entry.has_original and entry.path and _under(path, entry.path)
        if covers and (cover is None or len(entry.path) > len(entries[cover].path)):
            cover = index
    if cover is None:
        node = value_at(document, path)
        if value in ([], {}) and type(node) is type(value):
            return True  # an empty list or object that the migration filled
        return node is not ANY and (value is ANY or node == value)
    entry = entries[cover]
    rest = path[len(entry.path) :]
    if entry.action == "dropped":
        return value is ANY or _holds(value_at(entry.original, rest) if rest else entry.original, value)
    if entry.target is None or depth > 20:
        return False
    if not rest:
        return _lands(entry.target, ANY, entries, cover + 1, document, depth + 1)
    if entry.action in ("moved", "renamed"):
        # the same value at the mapped place (or, when a later step converted it there, the place)
        return (
            _lands(entry.target + rest, value, entries, cover + 1, document, depth + 1)
            or _lands(entry.target + rest, ANY, entries, cover + 1, document, depth + 1)
            or (value is None and _lands(entry.target, ANY, entries, cover + 1, document, depth + 1))
        )
    if _lands(entry.target + rest, ANY, entries, cover + 1, document, depth + 1):
        return True  # converted at the place its container maps to
    if value is None and _lands(entry.target, ANY, entries, cover + 1, document, depth + 1):
        return True  # a null (no value) left out of a container converted as a whole
    # a container converted as a whole: the value must be found under its target
    target = entry.target
    for later in entries[cover + 1 :]:
        if later.has_original and later.target and later.path and _under(target, later.path):
            target = later.target + target[len(later.path) :]
    return _holds(value_at(document, target), value)


def misplaced_values(source: Any, migration: Any) -> list[str]:
    """Input values the report does not account for: each must stay at its path, or go where the report
    entry naming it (or its container) says (its target holds it), or be dropped by an entry that keeps it.
    A null (no value) may be left out of a container that lands where its entry says."""
    entries = [e for e in migration.report if not (e.action == "repaired" and e.path == "")]
    return [
        f"{path} = {json.dumps(value)}"
        for path, value in _units(source)
        if not _lands(path, value, entries, 0, migration.document)
    ]
