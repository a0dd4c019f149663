"""The version diff judges each kind of change: breaking when a document valid before may be invalid after.

The facts of the live model are changed one at a time (names picked from the model itself), and the
verdicts are checked against the generated schemas where that is cheap.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from stac_ext_codegen.cli import main as codegen
from stac_ext_codegen.diff import compare, describe
from stac_ext_codegen.model import SourceModel
from support.paths import REPO, SCHEMA_DIR


@pytest.fixture(scope="module")
def facts() -> dict[str, Any]:
    return describe(SourceModel.load(SCHEMA_DIR))


def _field_class(facts: dict[str, Any]) -> str:
    """The class with the most slots (the one declaring every field), and its first optional slot."""
    return max(facts["objects"], key=lambda name: len(facts["objects"][name]["slots"]))


def _optional(facts: dict[str, Any], cls: str) -> str:
    return next(key for key, slot in facts["objects"][cls]["slots"].items() if slot["presence"] == "optional")


def _verdicts(old: dict[str, Any], new: dict[str, Any]) -> dict[str, bool]:
    return {change.kind: change.breaking for change in compare(old, new)}


def test_a_version_compared_with_itself_has_no_change(facts: dict[str, Any]) -> None:
    assert compare(facts, copy.deepcopy(facts)) == []


def test_presence(facts: dict[str, Any]) -> None:
    cls = _field_class(facts)
    key = _optional(facts, cls)
    new = copy.deepcopy(facts)
    new["objects"][cls]["slots"][key]["presence"] = "required"
    assert _verdicts(facts, new) == {"presence-changed": True}
    assert _verdicts(new, facts) == {"presence-changed": False}
    new["objects"][cls]["slots"][key]["presence"] = "forbidden"
    assert _verdicts(facts, new) == {"presence-changed": True}
    assert _verdicts(new, facts) == {"presence-changed": False}


def test_fields_added_and_removed(facts: dict[str, Any]) -> None:
    cls = _field_class(facts)
    key = _optional(facts, cls)
    fewer = copy.deepcopy(facts)
    removed = fewer["objects"][cls]["slots"].pop(key)
    assert _verdicts(fewer, facts) == {"field-added": False}
    required = copy.deepcopy(facts)
    required["objects"][cls]["slots"][key] = {**removed, "presence": "required"}
    assert _verdicts(fewer, required) == {"field-added": True}
    closed = facts["objects"][cls]["extra_keys"] is not None
    assert _verdicts(facts, fewer) == {"field-removed": closed}


def test_types_and_constraints(facts: dict[str, Any]) -> None:
    cls = _field_class(facts)
    key = _optional(facts, cls)
    slot = facts["objects"][cls]["slots"][key]
    new = copy.deepcopy(facts)
    new["objects"][cls]["slots"][key]["ranges"] = ["boolean-or-nothing"]
    assert _verdicts(facts, new) == {"type-changed": True}
    wider = copy.deepcopy(facts)
    wider["objects"][cls]["slots"][key]["ranges"] = [*slot["ranges"], "any"]
    assert _verdicts(facts, wider) == {"type-changed": False}
    bounded = copy.deepcopy(facts)
    bounded["objects"][cls]["slots"][key]["constraints"]["minimum_value"] = 10
    tighter = copy.deepcopy(bounded)
    tighter["objects"][cls]["slots"][key]["constraints"]["minimum_value"] = 20
    assert _verdicts(bounded, tighter) == {"constraint-changed": True}
    assert _verdicts(tighter, bounded) == {"constraint-changed": False}
    assert _verdicts(facts, bounded)["constraint-added"] is True
    assert _verdicts(bounded, facts)["constraint-removed"] is False


def test_enums_and_rules(facts: dict[str, Any]) -> None:
    closed = next(name for name, enum in facts["enums"].items() if not enum["open"] and enum["values"])
    fewer = copy.deepcopy(facts)
    fewer["enums"][closed]["values"].pop()
    assert _verdicts(fewer, facts) == {"enum-value-added": False}
    assert _verdicts(facts, fewer) == {"enum-value-removed": True}
    opened = copy.deepcopy(fewer)
    opened["enums"][closed]["open"] = True
    assert _verdicts(fewer, opened) == {"enum-openness-changed": False}
    enforced = next(rule_id for rule_id, rule in facts["rules"].items() if rule["enforced"] and rule["apply"])
    without = copy.deepcopy(facts)
    del without["rules"][enforced]
    assert _verdicts(without, facts) == {"rule-added": True}
    assert _verdicts(facts, without) == {"rule-removed": False}
    reworded = copy.deepcopy(facts)
    reworded["rules"][enforced]["text"] += " Reworded."
    assert _verdicts(facts, reworded) == {"rule-text-changed": False}


def test_diff_command_rejects_an_unknown_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert codegen(["--root", str(REPO), "diff", "v0.0.1", "v0.0.2"]) == 2
    assert "no version v0.0.1" in capsys.readouterr().err


def test_diff_command_between_a_version_and_itself(capsys: pytest.CaptureFixture[str]) -> None:
    index = json.loads((REPO / "packages/stac-mlm/src/stac_mlm/_generated/versions.json").read_text())
    latest = index["latest"]
    assert codegen(["--root", str(REPO), "diff", latest, latest, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["changes"] == []
