"""Building objects in Python: every generated class takes its Python names, refuses an unknown keyword
(with the closest field name), keeps keys it does not define only through ``extra_fields``, and reads
documents with ``from_dict`` keeping unknown keys as they are. Classes and fields come from the module."""

from __future__ import annotations

import inspect

import pytest
from pydantic import BaseModel, ValidationError
from stac_mlm._generated import models

CLASSES = sorted(
    (
        c
        for _, c in inspect.getmembers(models, inspect.isclass)
        if issubclass(c, models.ConfiguredBaseModel) and c is not models.ConfiguredBaseModel
    ),
    key=lambda c: c.__name__,
)
WITH_FIELDS = [c for c in CLASSES if c.model_fields]


def _typo(name: str) -> str:
    return name[:-1] + name[-1] * 2  # one letter doubled: close to the field, not equal to it


@pytest.mark.parametrize("cls", WITH_FIELDS, ids=lambda c: c.__name__)
def test_a_misspelt_keyword_is_refused_with_the_closest_name(cls: type[BaseModel]) -> None:
    name = sorted(cls.model_fields)[0]
    with pytest.raises(TypeError) as raised:
        cls(**{_typo(name): 1})
    assert f"did you mean {name!r}" in str(raised.value)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_extra_keys_go_through_extra_fields(cls: type[models.ConfiguredBaseModel]) -> None:
    with pytest.raises(TypeError):
        cls(**{"x-unknown-key": 1})
    if cls.model_config.get("extra") == "forbid":
        with pytest.raises(TypeError, match="no keys other than its fields"):
            cls(extra_fields={"x-unknown-key": 1})
        return
    if any(info.is_required() and name not in cls._constants for name, info in cls.model_fields.items()):
        with pytest.raises(ValidationError) as raised:  # accepted as extra; only the required fields are missing
            cls(extra_fields={"x-unknown-key": 1})
        assert all(error["type"] == "missing" for error in raised.value.errors())
        return
    built = cls(extra_fields={"x-unknown-key": 1})
    assert built.model_extra == {"x-unknown-key": 1}
    assert built.to_dict()["x-unknown-key"] == 1


@pytest.mark.parametrize("cls", WITH_FIELDS, ids=lambda c: c.__name__)
def test_extra_fields_may_not_hold_a_field(cls: type[BaseModel]) -> None:
    if cls.model_config.get("extra") == "forbid":
        pytest.skip("the class keeps no extra keys")
    name, info = sorted(cls.model_fields.items())[0]
    with pytest.raises(TypeError, match="fields, not extra keys"):
        cls(extra_fields={info.alias or name: 1})


def test_none_leaves_out_an_optional_field_that_may_not_be_null() -> None:
    for cls in WITH_FIELDS:
        for name in sorted(cls._omittable):
            required = {n: f for n, f in cls.model_fields.items() if f.is_required() and n not in cls._constants}
            if required:
                continue  # building would need values for the required fields; covered by the typed usage tests
            built = cls(**{name: None})
            assert name not in built.model_fields_set
            assert (cls.model_fields[name].alias or name) not in built.to_dict()


def test_from_dict_keeps_unknown_keys_while_construction_refuses_them() -> None:
    document = {"mlm:architecture": "U-Net", "x-unknown-key": [1, 2], "mlm_architecture": "kept as a key"}
    read = models.AssetFields.from_dict(document)
    assert read.to_dict() == document
    with pytest.raises(TypeError):
        models.AssetFields(**{"x-unknown-key": [1, 2]})
