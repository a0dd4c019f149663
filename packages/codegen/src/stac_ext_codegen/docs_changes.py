"""The history pages of the docs site: changes between consecutive versions, and the migration mapping tables."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from .docs import _cell


def _migration_tables(folder: Path) -> list[dict[str, Any]]:
    """Tables of the mapping files found under ``folder`` (lists of records in YAML, JSON or CSV)."""
    import csv

    tables = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml", ".json", ".csv"}):
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as handle:
                data: Any = list(csv.DictReader(handle))
        else:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for title, records in _record_lists(path.stem, data):
            columns = list(dict.fromkeys(k for r in records for k in r))
            rows = [[_cell(_plain(r.get(c, ""))) for c in columns] for r in records]
            source = path.relative_to(folder).as_posix()
            tables.append({"title": title, "source": source, "columns": columns, "rows": rows})
    return tables


def _record_lists(title: str, data: Any) -> Iterable[tuple[str, list[dict[str, Any]]]]:
    if isinstance(data, list) and data and all(isinstance(r, dict) for r in data):
        yield title, data
    elif isinstance(data, dict) and data and all(_flat_record(v) for v in data.values()):
        yield title, [{"key": key, **value} for key, value in data.items()]  # a mapping keyed by source name
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _record_lists(f"{title}: {key}", value)


def _flat_record(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and not any(isinstance(v, dict | list) for v in value.values())


def _plain(value: Any) -> str:
    if isinstance(value, str):
        return f"`{value}`" if value and " " not in value else value
    return "" if value is None else f"`{json.dumps(value, ensure_ascii=False)}`"


def _changes_context(index: Any) -> dict[str, Any]:
    """Every consecutive pair of versions, newest first, with the diff between them."""
    from .diff import diff_versions

    versions = index.all
    pairs = [
        {
            "old": old.version,
            "new": new.version,
            "draft": new.status == "draft",
            "changes": diff_versions(index, old.version, new.version),
        }
        for old, new in itertools.pairwise(versions)
    ]
    return {"pairs": pairs[::-1], "versions": [v.version for v in versions]}
