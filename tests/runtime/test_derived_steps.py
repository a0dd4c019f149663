"""Steps derived from the diff between releases, as the runtime reads them: plain rules (renames, moves) follow
every family's rules, and enum values replaced or removed by a release are rewritten or dropped, each reported
by path (never a silent loss)."""

from __future__ import annotations

import copy
import importlib
from typing import Any

import pytest
from stac_mlm.migration.context import Context
from stac_mlm.migration.derived import apply_values

tables_module = importlib.import_module("stac_mlm.migration.tables")  # the package exports a function of that name

RULE = {"from": "/properties/a~1b", "to": "/properties/c", "action": "renamed", "note": "renamed in a test"}


def _document() -> dict[str, Any]:
    return {"type": "Feature", "properties": {"x": ["old", "kept", "old"], "y": "old", "z": "old"}}


def test_replaced_values_are_rewritten_where_the_entry_points_and_reported() -> None:
    context = Context(_document())
    apply_values(context, ({"path": "/properties/x/*", "value": "old", "to": "new", "note": "n"},))
    assert context.document["properties"] == {"x": ["new", "kept", "new"], "y": "old", "z": "old"}
    assert [(e.path, e.action, e.original, e.target) for e in context.report] == [
        ("/properties/x/0", "converted", "old", "/properties/x/0"),
        ("/properties/x/2", "converted", "old", "/properties/x/2"),
    ]


def test_removed_values_are_dropped_and_reported_by_path() -> None:
    context = Context(_document())
    entries = ({"path": "/properties/x/*", "value": "old"}, {"path": "/properties/y", "value": "old"})
    apply_values(context, entries)
    assert context.document["properties"] == {"x": ["kept"], "z": "old"}
    dropped = [(e.path, e.original) for e in context.report if e.action == "dropped"]
    assert dropped == [("/properties/x/0", "old"), ("/properties/x/2", "old"), ("/properties/y", "old")]
    assert any(e.action == "moved" for e in context.report), "the item that moved up its list is reported"


def test_other_values_and_types_are_left_alone() -> None:
    document = {"properties": {"x": [1, "1", None], "y": {"old": "old"}}}
    context = Context(copy.deepcopy(document))
    apply_values(
        context, ({"path": "/properties/x/*", "value": 1.5, "to": 2}, {"path": "/properties/y", "value": "old"})
    )
    assert context.document == document and context.report == []


def test_derived_steps_are_merged_into_the_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = copy.deepcopy(tables_module._raw())
    value = {"path": "/properties/x", "value": "old", "to": "new"}
    required = {"path": "/properties/r", "value": "PLACEHOLDER"}
    derived = {"from": "v1", "to": "v2", "required": [required], "rules": [RULE], "values": [value]}
    raw["releases"] = {**raw.get("releases", {}), "derived": [derived]}
    monkeypatch.setattr(tables_module, "_raw", lambda: raw)
    merged = tables_module.tables.__wrapped__()
    assert merged.values == (value,)
    assert merged.common["required"][-1] == required
    assert merged.derived_rules == (tables_module.Rule.load(RULE),)
    for family in merged.families.values():
        assert tables_module.Rule.load(RULE) not in family.rules, family.name  # run once, not per family
