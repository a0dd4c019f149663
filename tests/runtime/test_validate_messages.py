"""`stac_mlm.validate` reports problems as a JSON pointer and a message in plain words."""

from __future__ import annotations

import json

import pytest
import stac_mlm
from support import documents

MODEL_ASSET = "/assets/weights"


def _problems(change) -> list[stac_mlm.Problem]:
    item = documents.landcover_item()
    change(item)
    return stac_mlm.validate(item)


def test_valid_document_has_no_problem() -> None:
    assert stac_mlm.validate(documents.landcover_item()) == []


def test_missing_artifact_type_names_the_asset_and_the_rule() -> None:
    problems = _problems(lambda d: d["assets"]["weights"].pop("mlm:artifact_type"))
    assert [p.path for p in problems] == [MODEL_ASSET]
    assert problems[0].rule == "R10"
    assert "`mlm:artifact_type`" in problems[0].message and "`mlm:model`" in problems[0].message
    assert "$defs" not in problems[0].message and "{" not in problems[0].message


def test_field_forbidden_at_a_level_is_named_with_the_level() -> None:
    problems = _problems(lambda d: d["properties"].__setitem__("mlm:compile_method", "jit"))
    assert [(p.path, p.message) for p in problems] == [
        ("/properties", "`mlm:compile_method` is not allowed in Item properties")
    ]


def test_closed_enum_lists_the_accepted_values() -> None:
    problems = _problems(lambda d: d["properties"].__setitem__("mlm:accelerator", "cpu"))
    assert [p.path for p in problems] == ["/properties/mlm:accelerator"]
    assert '"cpu" is not an accepted value' in problems[0].message and '"cuda"' in problems[0].message


def test_open_enum_does_not_pretend_to_be_closed() -> None:
    problems = _problems(lambda d: d["properties"].__setitem__("mlm:framework", " PyTorch"))
    assert [p.path for p in problems] == ["/properties/mlm:framework"]
    assert "accepted:" not in problems[0].message


def test_unknown_mlm_field() -> None:
    problems = _problems(lambda d: d["assets"]["weights"].__setitem__("mlm:weights_format", "pt"))
    assert [p.path for p in problems] == [MODEL_ASSET]
    assert "`mlm:weights_format`" in problems[0].message and "not defined by MLM" in problems[0].message


def test_pointer_escapes_slash_and_tilde_in_keys() -> None:
    def change(d):
        d["assets"]["a/b~c"] = d["assets"].pop("weights")
        d["assets"]["a/b~c"].pop("mlm:artifact_type")

    problems = _problems(change)
    assert "/assets/a~1b~0c" in [p.path for p in problems]


@pytest.mark.parametrize("document", [[], "x", 3, None])
def test_non_object_document(document) -> None:
    problems = stac_mlm.validate(document)
    assert [p.path for p in problems] == [""]
    assert "expected object" in problems[0].message


def test_deeply_nested_value_gives_a_problem_not_an_exception() -> None:
    deep: object = 1
    for _ in range(5000):
        deep = [deep]
    problems = _problems(lambda d: d["properties"].__setitem__("mlm:tasks", deep))
    assert problems and problems[0].path == ""
    assert "nested too deeply" in problems[0].message


def test_problem_serialises_to_path_and_message() -> None:
    problem = _problems(lambda d: d["properties"].pop("mlm:name"))[0]
    assert json.loads(json.dumps(problem.to_dict())) == {"path": "/properties", "message": "`mlm:name` is required"}
    assert str(problem) == "/properties: `mlm:name` is required"
