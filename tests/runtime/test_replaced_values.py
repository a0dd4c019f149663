"""Converters follow enum values that a later release replaced: a legacy value that names a replaced value is
written as its replacement and reported, not dropped (the derived ``values`` entries are patched in)."""

from __future__ import annotations

import copy
import importlib
import json
from collections.abc import Iterator
from typing import Any

import pytest
from stac_mlm.migration import migrate
from stac_mlm.migration.replaced import replacement
from stac_mlm.migration.tables import ACCELERATOR_ENUM, DATA_TYPE_ENUM, TASK_ENUM, facts
from support.legacy import LEGACY_FIXTURES

tables_module = importlib.import_module("stac_mlm.migration.tables")  # the package exports a function of that name


def _value(enum: str, old: str, new: str, where: str) -> dict[str, Any]:
    return {"path": where, "enum": enum, "value": old, "to": new, "action": "converted", "note": f"{old} -> {new}"}


@pytest.fixture
def patched(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """The bundled tables with a patchable ``releases.derived`` list (the caches cleared before and after)."""
    raw = copy.deepcopy(tables_module._raw())
    raw["releases"] = {**raw.get("releases", {}), "derived": []}
    monkeypatch.setattr(tables_module, "_raw", lambda: raw)
    tables_module.tables.cache_clear()
    yield raw
    tables_module.tables.cache_clear()


def _derive(raw: dict[str, Any], *values: dict[str, Any]) -> None:
    raw["releases"]["derived"].append({"from": "v1", "to": "v2", "values": list(values)})
    tables_module.tables.cache_clear()


def test_a_legacy_task_naming_a_replaced_value_gets_its_replacement(patched: dict[str, Any]) -> None:
    task = sorted(facts().tasks)[0]
    old, middle = f"{task}-legacy", f"{task}-middle"
    assert old not in facts().tasks and middle not in facts().tasks
    _derive(patched, _value(TASK_ENUM, old, middle, "/properties/mlm:tasks/*"))
    _derive(patched, _value(TASK_ENUM, middle, task, "/properties/mlm:tasks/*"))  # a later release, again
    document = json.loads((LEGACY_FIXTURES / "ml-model-v1.0.0-item.json").read_text(encoding="utf-8"))
    document["properties"]["ml-model:prediction_type"] = f"{task.upper()} Legacy"
    migration = migrate(document)
    assert migration.document["properties"]["mlm:tasks"] == [task]
    converted = [e for e in migration.report if e.action == "converted" and e.original == f"{task.upper()} Legacy"]
    assert converted and f"{old} -> {middle}" in converted[0].detail and f"{middle} -> {task}" in converted[0].detail
    assert not [e for e in migration.report if e.action == "dropped" and "prediction_type" in e.path]


@pytest.mark.parametrize("judged", [False, True])
def test_an_accelerator_mapped_to_a_replaced_value_gets_its_replacement(patched: dict[str, Any], judged: bool) -> None:
    accelerator = sorted(facts().accelerators)[0]
    old = f"{accelerator}-legacy"
    patched["common"]["accelerator_names"] = {"legacy board": {"value": old, "assumed": judged, "note": "a guess"}}
    # the entry names another place: the converter follows the enum, not the entry's path
    _derive(patched, _value(ACCELERATOR_ENUM, old, accelerator, "/assets/*/mlm:accelerator"))
    document = json.loads((LEGACY_FIXTURES / "mlm-v1.5.2-item.json").read_text(encoding="utf-8"))
    document["properties"]["mlm:accelerator"] = "Legacy Board"
    migration = migrate(document)
    assert migration.document["properties"]["mlm:accelerator"] == accelerator
    assert any(f"{old} -> {accelerator}" in e.detail for e in migration.report if e.path.endswith("mlm:accelerator"))
    guesses = [e for e in migration.report if e.action == "assumed" and "a guess" in e.detail]
    assert len(guesses) == judged  # a judgement call stays reported as one


def test_no_replacement_without_a_chain_into_the_latest_values(patched: dict[str, Any]) -> None:
    known = facts().tasks
    _derive(patched, _value(TASK_ENUM, "a", "b", "/x"), _value(TASK_ENUM, "b", "a", "/x"))  # a cycle
    _derive(patched, _value(TASK_ENUM, "c", "d", "/x"))  # ends outside the latest values
    _derive(patched, _value(ACCELERATOR_ENUM, "e", sorted(known)[0], "/x"))  # another enum's value
    assert [replacement(TASK_ENUM, v, known) for v in ("a", "c", "e", sorted(known)[0], 1)] == [None] * 5
    assert replacement(ACCELERATOR_ENUM, "e", known) is not None


def test_a_raster_data_type_naming_a_replaced_value_gets_its_replacement(patched: dict[str, Any]) -> None:
    from stac_mlm.migration.converters.dlm import _raster_type

    data_type = sorted(facts().data_types)[0]
    assert _raster_type(f"{data_type}-legacy") is None
    _derive(patched, _value(DATA_TYPE_ENUM, f"{data_type}-legacy", data_type, "/x"))
    assert _raster_type(f"{data_type}-legacy") == data_type
