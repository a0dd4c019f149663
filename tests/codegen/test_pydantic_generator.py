"""The Pydantic generator on a small model that is not MLM: it applies the annotation vocabulary, and its
code names no MLM field."""

from __future__ import annotations

import copy
import json

import pytest
from support.paths import CODEGEN_SRC

TOY_SCHEMA = """
id: https://example.org/toy
name: toy
title: Toy extension
version: 0.1.0
prefixes:
  linkml: https://w3id.org/linkml/
default_prefix: toy
default_range: string
imports: [linkml:types]
types:
  Label:
    typeof: string
    annotations:
      json_schema.minLength: 1
  Level:
    typeof: integer
    minimum_value: 0
classes:
  Step:
    attributes:
      op: {required: true}
  Base:
    attributes:
      kind: {required: true}
      gone: {range: string}
  Thing:
    is_a: Base
    slot_usage:
      kind: {equals_string: thing}
      gone: {value_presence: ABSENT}
    attributes:
      tags: {range: Label, multivalued: true, list_elements_unique: true}
      levels: {range: Level, multivalued: true}
      weight: {range: float}
      maybe: {range: Label, annotations: {nullable: true}}
      steps: {range: Step, inlined: true, annotations: {one_or_many: true}}
      parts: {range: Step, multivalued: true, annotations: {json_map: strict}}
"""


@pytest.fixture(scope="module")
def toy(tmp_path_factory: pytest.TempPathFactory):
    from stac_ext_codegen.model import SourceModel
    from stac_ext_codegen.pydantic import build_pydantic

    folder = tmp_path_factory.mktemp("toy")
    (folder / "mlm.yaml").write_text(TOY_SCHEMA)
    (folder / "codegen.yaml").write_text("model: {root: mlm.yaml, rules: rules.yaml}\n")
    source = build_pydantic(SourceModel.load(folder))
    namespace: dict = {}
    exec(compile(source, str(folder / "toy.py"), "exec"), namespace)
    return namespace


def test_generator_applies_the_annotation_vocabulary(toy: dict) -> None:
    from pydantic import ValidationError

    thing = toy["Thing"]
    assert "gone" not in thing.model_fields, "ABSENT slots are not fields"
    document = {
        "kind": "thing",
        "tags": ["a", "b"],
        "levels": [0, 2.0],
        "weight": 1,
        "maybe": None,
        "steps": {"op": "x"},
        "parts": {"p": {"op": "y"}},
        "other:key": [1.0],
    }
    assert json.dumps(thing.from_dict(document).to_dict()) == json.dumps(document)
    many = {**copy.deepcopy(document), "steps": [{"op": "x"}, {"op": "z"}]}
    assert thing.from_dict(many).to_dict()["steps"] == many["steps"]
    for change in ({"tags": ["a", "a"]}, {"tags": [""]}, {"levels": [-1]}, {"levels": [1.5]}, {"steps": []}):
        with pytest.raises(ValidationError):
            thing.from_dict({**document, **change})
    built = thing(tags=["t"]).to_dict()
    assert built == {"kind": "thing", "tags": ["t"]}, "constants are written, unset fields are not"


def test_generator_code_is_independent_of_the_module_it_writes() -> None:
    source = (CODEGEN_SRC / "stac_ext_codegen" / "pydantic.py").read_text(encoding="utf-8")
    assert "mlm" not in source.lower()
