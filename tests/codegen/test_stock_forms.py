"""The forms written for stock LinkML are read by every generator as the annotated slots they stand for: a slot whose
range is a map class (a class holding only ``extra_slots.range_expression``) as a multivalued ``json_map`` slot,
a one-or-many ``any_of`` as a ``one_or_many`` slot. Map classes never reach an output, and a model written in
either form resolves alike."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml
from stac_ext_codegen.model import ModelError, SourceModel
from stac_ext_codegen.resolved import resolve
from stac_ext_codegen.stockforms import map_classes, normalize, one_or_many_range, value_range
from stac_ext_codegen.version_strings import linkml_files
from stac_ext_codegen.versions import VersionIndex
from support.paths import REPO, SCHEMA_DIR


def _documents(folder: Path) -> dict[str, object]:
    names = linkml_files(folder, "mlm.yaml", "rules.yaml")
    return {name: yaml.safe_load((folder / name).read_text(encoding="utf-8")) for name in names}


def _map_slots(folder: Path) -> dict[str, str]:
    """``{slot: map class}`` for the top-level slots of a model whose range is a map class."""
    documents = _documents(folder)
    maps = map_classes(documents)
    return {
        name: body["range"]
        for document in documents.values()
        for name, body in ((document or {}).get("slots") or {}).items()  # type: ignore[union-attr]
        if isinstance(body, dict) and body.get("range") in maps
    }


def _old_form_release() -> Path:
    """The latest frozen release still written with ``json_map`` slots (no map class)."""
    index = VersionIndex.find(SCHEMA_DIR)
    assert index is not None
    for release in reversed(index.releases):
        folder = index.source_dir(release)
        if not map_classes(_documents(folder)):
            return folder
    pytest.skip("every release is written with map classes")


def test_the_head_writes_its_maps_as_map_classes_and_no_output_holds_one() -> None:
    maps = map_classes(_documents(SCHEMA_DIR))
    assert maps and _map_slots(SCHEMA_DIR)
    resolved = resolve(SourceModel.load(SCHEMA_DIR))
    assert not set(maps) & set(resolved.class_map)
    schema = json.loads((REPO / "generated" / "json-schema" / "schema.json").read_text(encoding="utf-8"))
    models = (REPO / "packages" / "stac-mlm" / "src" / "stac_mlm" / "_generated" / "models.py").read_text("utf-8")
    for name in maps:
        assert name not in schema.get("definitions", {}) and f"class {name}(" not in models, name


def _any_of_slots(folder: Path) -> set[str]:
    """Top-level slots written as one value or a non-empty list of them (the stock form)."""
    return {
        name
        for document in _documents(folder).values()
        for name, body in ((document or {}).get("slots") or {}).items()  # type: ignore[union-attr]
        if isinstance(body, dict) and one_or_many_range(body) is not None
    }


def test_a_one_or_many_any_of_resolves_as_the_annotated_slot_of_a_release_in_the_older_form() -> None:
    head, old = resolve(SourceModel.load(SCHEMA_DIR)), resolve(SourceModel.load(_old_form_release()))
    names, checked = _any_of_slots(SCHEMA_DIR), 0
    for cls in head.class_map.values():
        for slot in cls.slots:
            if slot.name in names and cls.name in old.class_map:
                before = old.class_map[cls.name].slot_named(slot.name)
                assert slot.one_or_many and dataclasses.replace(slot, rules=()) == dataclasses.replace(before, rules=())
                checked += 1
    assert checked


def test_a_map_class_slot_resolves_as_the_json_map_slot_of_a_release_in_the_older_form() -> None:
    head, old = SourceModel.load(SCHEMA_DIR), SourceModel.load(_old_form_release())
    new_slots, old_resolved = _map_slots(SCHEMA_DIR), resolve(old)
    checked = 0
    for cls in resolve(head).class_map.values():
        for slot in cls.slots:
            if slot.name not in new_slots or cls.name not in old_resolved.class_map:
                continue
            before = old_resolved.class_map[cls.name].slot_named(slot.name)
            assert slot.json_map is not None and slot.multivalued, (cls.name, slot.name)
            assert (slot.json_map, slot.multivalued, slot.ranges) == (
                before.json_map,
                before.multivalued,
                before.ranges,
            )
            checked += 1
    assert checked


TOY = """
id: https://example.org/toy
name: toy
version: 1.0.0
prefixes: {linkml: https://w3id.org/linkml/}
default_range: string
imports: [linkml:types]
slots:
  things: {range: ThingMap}
  label: {}
  parts:
    any_of:
      - range: Thing
      - {range: Thing, multivalued: true, minimum_cardinality: 1}
classes:
  Holder:
    slots: [things, parts]
  LenientHolder:
    slots: [things]
    slot_usage:
      things: {annotations: {json_map: lenient}}
  Thing:
    slots: [label]
  ThingMap:
    description: Things by name.
    extra_slots: {range_expression: {range: Thing}}
"""


def test_an_unversioned_model_with_a_map_class_resolves_it_as_a_json_map(tmp_path: Path) -> None:
    (tmp_path / "mlm.yaml").write_text(TOY, encoding="utf-8")
    (tmp_path / "codegen.yaml").write_text("model: {root: mlm.yaml, rules: rules.yaml}\n", encoding="utf-8")
    model = SourceModel.load(tmp_path)
    resolved = resolve(model)
    assert "ThingMap" not in resolved.class_map and model.linkml_directory != tmp_path
    strict, lenient = resolved.class_map["Holder"].slot("things"), resolved.class_map["LenientHolder"].slot("things")
    assert (strict.json_map, strict.multivalued, strict.ranges) == ("strict", True, ("Thing",))
    assert (lenient.json_map, lenient.multivalued) == ("lenient", True)
    parts = resolved.class_map["Holder"].slot("parts")
    assert (parts.one_or_many, parts.multivalued, parts.ranges) == (True, False, ("Thing",))
    assert (tmp_path / "mlm.yaml").read_text(encoding="utf-8") == TOY, "the source is never rewritten"


def test_only_a_class_holding_nothing_but_its_values_range_is_a_map() -> None:
    values = {"extra_slots": {"range_expression": {"range": "Thing"}}}
    assert value_range({**values, "description": "x"}) == "Thing"
    assert value_range({**values, "slots": ["label"]}) is None  # an open class with typed extra keys
    assert value_range({"extra_slots": {"allowed": True}}) is None


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda d: d["slots"]["things"].update(multivalued=True), "single-valued"),
        (lambda d: d["classes"]["ThingMap"]["extra_slots"]["range_expression"].update(range="ThingMap"), "map of"),
    ],
    ids=["multivalued-map-slot", "map-of-maps"],
)
def test_a_map_class_used_wrongly_is_a_model_error(edit, words: str) -> None:
    document = yaml.safe_load(TOY)
    edit(document)
    with pytest.raises(ModelError, match=words):
        normalize({"mlm.yaml": document})
