"""The strategies stay tied to the source model: hints name real elements, every rule is covered."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from support import documents as own
from support import validators

from . import hints
from . import strategies as S
from .model import model
from .profiles import PROPERTY_SETTINGS

M = model()


def test_hints_name_elements_of_the_model() -> None:
    roles = M.enum_values(hints.ROLE_ENUM)
    assert hints.MODEL_ROLE in roles and hints.CODE_ROLE in roles
    for class_name in (hints.ITEM_PROPERTIES_CLASS, hints.ASSET_CLASS, hints.SUMMARY_CLASS):
        assert M.is_class(class_name)
    asset_slots = {f.slot for f in M.class_info(hints.ASSET_CLASS).fields if not f.absent}
    assert {hints.ARTIFACT_TYPE_SLOT, hints.ENTRYPOINT_SLOT} <= asset_slots
    for class_name, structure in hints.TENSOR_STRUCTURES.items():
        info = M.class_info(class_name)
        keys = {f.key for f in info.fields}
        assert structure in keys and set(hints.STACKED_LISTS) <= keys
        structure_class = info.field(structure).ranges[0]
        assert hints.DIM_ORDER_KEY in {f.key for f in M.class_info(structure_class).fields}
    for _, definitions in hints.DEFINITIONS_BY_RULE.values():
        for definition in definitions:
            assert definition.requires in M.rule_defs


def test_every_enforced_cross_object_rule_can_be_satisfied_and_broken() -> None:
    enforced = {rule["id"] for rule in M.enforced_rules("rules")}
    assert enforced == set(S.SATISFY) == set(S.BREAK)
    not_enforced = {rule["id"] for rule in M.rules if rule.get("enforced") is False}
    assert not_enforced.isdisjoint(S.BREAK), "a rule the official schema does not enforce cannot be broken"


def test_entry_points_come_from_the_model() -> None:
    assert set(M.entry_points().values()) == {"Item", "Collection"}


def test_field_breaks_cover_every_constraint_kind_on_the_seed_documents() -> None:
    kinds = {c.kind for build in own.SEEDS.values() for c in S.field_breaks(build())}
    expected = {"required", "absent", "type", "enum", "pattern", "min_length", "minimum", "cardinality"}
    expected |= {"unique", "has_member", "extra_key"}
    assert expected <= kinds, expected - kinds


@PROPERTY_SETTINGS
@given(st.data())
def test_every_break_of_a_seed_document_is_rejected(data: st.DataObject) -> None:
    """Breaks applied to the hand-written seed documents (not only to generated ones) are real."""
    seed = data.draw(st.sampled_from(sorted(own.SEEDS)))
    doc = own.SEEDS[seed]()
    assert validators.generated_validator().is_valid(doc)
    candidates = S.field_breaks(doc)
    rules = [rule for rule, b in S.BREAK.items() if b.applies(doc)]
    if rules and data.draw(st.booleans()):
        rule = data.draw(st.sampled_from(rules))
        S.BREAK[rule].apply(doc, data.draw)
        what = rule
    else:
        chosen = data.draw(st.sampled_from(candidates))
        chosen.apply(doc, data.draw)
        what = f"{chosen.kind} at {chosen.path} {chosen.key}"
    assert not validators.generated_validator().is_valid(doc), f"{seed}: {what} left the document valid"
