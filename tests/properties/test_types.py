"""The strategies build a value for every LinkML type and honour every constraint kind a slot may carry.

Each built-in type of ``linkml:types`` (the model imports them all) and each type the model declares is
drawn from and checked against the JSON Schema LinkML generates for a slot of that type (formats checked).
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from stac_ext_codegen.jsonschema import LinkMLJsonSchemaGenerator

from . import strategies as S
from .model import BUILTIN_TYPES, Field, model
from .profiles import PROPERTY_SETTINGS

M = model()
TYPES = sorted(M.resolved.type_map)


def test_every_type_of_the_model_has_a_strategy() -> None:
    assert set(BUILTIN_TYPES) <= set(TYPES), "linkml:types has a type BUILTIN_TYPES does not know"
    for name in TYPES:
        assert M.value_type(name).base in {"string", "integer", "number", "boolean"}


@pytest.fixture(scope="module")
def slot_schemas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """The JSON Schema of a slot of each type, as LinkML generates it (one attribute per type)."""
    folder: Path = tmp_path_factory.mktemp("types")
    source = {
        "id": "https://example.org/types",
        "name": "types",
        "prefixes": {"linkml": "https://w3id.org/linkml/", "ex": "https://example.org/"},
        "default_prefix": "ex",
        "imports": ["linkml:types"],
        "classes": {"Holder": {"attributes": {f"v_{name}": {"range": name} for name in BUILTIN_TYPES}}},
    }
    (folder / "types.yaml").write_text(yaml.safe_dump(source), encoding="utf-8")
    generated = LinkMLJsonSchemaGenerator(str(folder / "types.yaml")).generate()
    properties = generated["$defs"]["Holder"]["properties"]
    return {name: properties[f"v_{name}"] for name in BUILTIN_TYPES}


@PROPERTY_SETTINGS
@given(st.data())
def test_values_of_each_builtin_type_pass_its_generated_schema(slot_schemas: dict[str, dict], data: st.DataObject):
    name = data.draw(st.sampled_from(sorted(BUILTIN_TYPES)))
    value = data.draw(S.range_values(name, Field(key="v", slot="v", ranges=(name,))))
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    errors = list(jsonschema.Draft7Validator(slot_schemas[name], format_checker=checker).iter_errors(value))
    assert not errors, f"{name}: {value!r}: {errors[0].message}"


@PROPERTY_SETTINGS
@given(st.data())
def test_every_constraint_kind_is_honoured(data: st.DataObject) -> None:
    """Bounds, lengths, pattern and list sizes given to a field are met by every value drawn for it."""
    number = Field(key="n", slot="n", ranges=("float",), minimum=-2.5, maximum=7)
    assert -2.5 <= data.draw(S.values(number)) <= 7
    integer = Field(key="i", slot="i", ranges=("integer",), minimum=3, maximum=5)
    assert data.draw(S.values(integer)) in {3, 4, 5}
    text = Field(key="s", slot="s", ranges=("string",), min_length=2, max_length=4, pattern="^[a-z]+$")
    drawn = data.draw(S.values(text))
    assert 2 <= len(drawn) <= 4 and drawn.isalpha()
    listed = Field(key="l", slot="l", ranges=("integer",), multivalued=True, unique=True, min_items=2, max_items=3)
    items = data.draw(S.values(listed))
    assert 2 <= len(items) <= 3 and len(set(items)) == len(items)
    member = Field(key="m", slot="m", ranges=("string",), multivalued=True, has_member="x")
    assert "x" in data.draw(S.values(member))
    nullable = Field(key="z", slot="z", ranges=("uri",), nullable=True, one_or_many=True)
    value = data.draw(S.values(nullable))
    assert value is None or isinstance(value, str | list)
