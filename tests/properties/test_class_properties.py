"""Properties 2 and 3: the generated Pydantic classes against the generated JSON Schema.

Property 2. The classes (``Item.from_dict`` / ``Collection.from_dict`` of ``stac_mlm._generated``,
model validation only, no JSON Schema step) check each value on its own: its JSON type, enum,
pattern, length, bound, cardinality, uniqueness, a required key, a fixed value, and the keys of a
class closed without a pattern. What spans several values is checked by the JSON Schema only:

- the level rules: fields forbidden at a level (R3, R4: ``absent``), the MLM URL in
  ``stac_extensions`` (R2: ``has_member``; a missing ``stac_extensions`` is caught by the classes too,
  since ``from_dict`` requires the keys of required fixed values), the names of extra keys (R14 and
  hyperparameter names: ``extra_key`` on a class with a key pattern), a non-empty hyperparameter object
  (``min_properties``);
- the class rules of LinkML (R13: ``together``, format and expression);
- every cross-object rule of rules.yaml (R5-R11).

So: the classes accept every valid document; they reject every near miss broken in a constraint
they check; they accept a near miss broken only in a schema-only constraint, which the schema rejects.

Property 3. ``parse(d).to_dict() == d`` for every valid document.
"""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from support import validators

from . import strategies as S
from .model import model
from .profiles import PROPERTY_SETTINGS
from .tally import record

_releases = pytest.importorskip("stac_mlm._generated.releases", reason="the generated Pydantic classes are missing")
generated = _releases.classes(_releases.HEAD)  # the classes of the model the strategies draw from (the head)
pydantic = pytest.importorskip("pydantic")

#: Field-level constraint kinds (strategies.field_breaks) the JSON Schema alone checks.
SCHEMA_ONLY_KINDS = {"absent", "has_member", "together", "min_properties"}
#: Cross-object rules: all of them are schema-only.
SCHEMA_ONLY_RULES = {rule["id"] for rule in model().enforced_rules("rules")}


def schema_only(broken: S.Break) -> bool:
    if broken.family == "rule":
        return broken.kind in SCHEMA_ONLY_RULES
    if broken.kind == "extra_key":  # a closed class with a key pattern: the classes keep any extra key
        return model().class_info(broken.class_name).extra_keys_pattern is not None
    return broken.kind in SCHEMA_ONLY_KINDS


def classes_accept(doc: dict) -> tuple[bool, str]:
    cls = getattr(generated, model().entry_points()[doc[model().discriminator]])
    try:
        cls.from_dict(copy.deepcopy(doc))
    except pydantic.ValidationError as error:
        return False, str(error)[:400]
    return True, ""


@PROPERTY_SETTINGS
@given(S.documents())
def test_classes_accept_every_valid_document(doc: dict) -> None:
    accepted, why = classes_accept(doc)
    record("2a classes accept valid documents", valid=accepted, disagreement=not accepted)
    assert accepted, why


@PROPERTY_SETTINGS
@given(S.near_misses())
def test_classes_check_exactly_the_field_level_constraints(miss: S.NearMiss) -> None:
    accepted, why = classes_accept(miss.document)
    expected = schema_only(miss.broken)
    schema_rejects = not validators.generated_validator().is_valid(miss.document)
    record(
        "2b classes vs schema split on near misses",
        valid=accepted,
        disagreement=accepted != expected or not schema_rejects,
        kind=f"{miss.broken.kind}:{'schema-only' if expected else 'classes'}",
    )
    assert schema_rejects, f"the schema accepts a near miss: {miss.broken}"
    if expected:
        assert accepted, f"the classes reject a document broken only in a schema-only rule ({miss.broken}): {why}"
    else:
        assert not accepted, f"the classes accept a document broken in a field-level constraint: {miss.broken}"


@PROPERTY_SETTINGS
@given(S.documents())
def test_parse_then_to_dict_gives_the_document_back(doc: dict) -> None:
    import stac_mlm

    before = copy.deepcopy(doc)
    written = stac_mlm.parse(doc).to_dict()
    record("3 parse(d).to_dict() == d", valid=True, disagreement=written != before)
    assert written == before
    assert doc == before, "parse must not change its input"
