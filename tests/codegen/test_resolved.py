"""The resolved model is the one reading of schema/: what it says is what every output shows, and no other
module of the generator decodes the annotation vocabulary."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from stac_ext_codegen.docs import readme_fields
from stac_ext_codegen.model import ModelError, SourceModel
from stac_ext_codegen.pointers import join_pointer, split_pointer
from stac_ext_codegen.resolved import resolve
from support import edits
from support.paths import CODEGEN_SRC, SCHEMA_DIR

#: The functions that read raw annotations; only the resolved model (and the loader of schema-level
#: annotations) may call them.
READERS = {"annotation_values", "class_annotations", "type_annotations", "json_schema_keywords", "is_true"}
ALLOWED = {"annotations.py", "resolved.py", "model.py"}


def test_only_the_resolved_model_decodes_annotations() -> None:
    offenders = []
    for path in sorted((CODEGEN_SRC / "stac_ext_codegen").rglob("*.py")):
        if path.name in ALLOWED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name | ast.alias) and (getattr(node, "id", None) or node.name) in READERS:
                offenders.append(f"{path.relative_to(CODEGEN_SRC)}:{getattr(node, 'lineno', '?')}")
    assert not offenders, "annotations read outside resolved.py: " + ", ".join(offenders)


@pytest.fixture(scope="module")
def model() -> SourceModel:
    return SourceModel.load(SCHEMA_DIR)


def test_every_slot_of_every_class_is_resolved_with_its_key_and_presence(model: SourceModel) -> None:
    resolved = resolve(model)
    view = model.view
    assert set(resolved.class_map) == set(view.all_classes())
    assert set(resolved.enum_map) == set(view.all_enums())
    for name, cls in resolved.class_map.items():
        induced = view.class_induced_slots(name)
        assert [(s.name, s.key) for s in cls.slots] == [(s.name, s.alias or s.name) for s in induced]
        for slot, source in zip(cls.slots, induced, strict=True):
            assert slot.required == bool(source.required) or slot.absent
            assert slot.absent == (str(source.value_presence) == "ABSENT")
    entry = resolved.entry_points
    assert entry and all(resolved.class_map[c].entry_point for c in entry.values())


def _list_fields(rules: Path, rule_id: str, keys: list[str]) -> None:
    """Make a rule of a scratch rules.yaml list ``keys`` as its fields (and nothing else)."""
    text = rules.read_text(encoding="utf-8")
    anchor = re.search(rf"  - id: {re.escape(rule_id)}\n    title: [^\n]*\n(    fields: [^\n]*\n)?", text)
    assert anchor is not None
    line = "    fields: [" + ", ".join(f'"{key}"' for key in keys) + "]\n"
    start = anchor.start(1) if anchor.group(1) else anchor.end()
    rules.write_text(text[:start] + line + text[anchor.end() :], encoding="utf-8")


def test_rule_links_come_from_the_rule_ids(model: SourceModel, tmp_path: Path) -> None:
    """A field's "Rules:" note follows the `fields` a rule lists, not words in the rule's prose."""
    resolved = resolve(model)
    prefix = resolved.field_prefix
    rule = next(r for r in resolved.rules if not any(f.startswith(prefix) for f in r.fields))
    key = next(k for k in resolve(model).slots(resolved.field_classes()[0]) if k.startswith(prefix))
    scratch = edits.copy_schema(tmp_path)
    _list_fields(scratch / "rules.yaml", rule.id, [*rule.fields, key])
    edited = SourceModel.load(scratch)
    row = next(line for line in readme_fields(edited).splitlines() if line.startswith(f"| `{key}` |"))
    assert rule.id in re.findall(r"Rules: ([^.]*)\.", row)[0].split(", ")
    before = next(line for line in readme_fields(model).splitlines() if line.startswith(f"| `{key}` |"))
    assert rule.id not in re.findall(r"Rules: ([^.]*)\.", before + "Rules: .")[0].split(", ")


def test_a_rule_naming_an_unknown_key_is_a_clear_error(tmp_path: Path) -> None:
    scratch = edits.copy_schema(tmp_path)
    _list_fields(scratch / "rules.yaml", resolve(SourceModel.load(SCHEMA_DIR)).rules[0].id, ["no_such_key_anywhere"])
    with pytest.raises(ModelError, match="no_such_key_anywhere"):
        resolve(SourceModel.load(scratch))


def test_rules_list_every_field_their_prose_names() -> None:
    """The prose of a rule may name a field in backticks only if the rule lists it in `fields`."""
    document = yaml.safe_load((SCHEMA_DIR / "rules.yaml").read_text(encoding="utf-8"))
    resolved = resolve(SourceModel.load(SCHEMA_DIR))
    prefixed = {
        s.key for cls in resolved.class_map.values() for s in cls.slots if s.key.startswith(resolved.field_prefix)
    }
    missing = []
    for rule in document["rules"]:
        prose = " ".join(str(rule.get(part, "")) for part in ("title", "summary", "description"))
        named = {key for key in re.findall(r"`([^`]+)`", prose) if key in prefixed}
        listed = {str(f).rsplit(".", 1)[-1] for f in rule.get("fields", []) or []}
        missing += [f"{rule['id']}: {key}" for key in sorted(named - listed)]
    assert not missing


@pytest.mark.parametrize("parts", [[], ["a"], ["a/b", "c~d", 0], ["~1", "/~0", ""]])
def test_json_pointers_round_trip(parts: list) -> None:
    pointer = join_pointer(parts)
    assert split_pointer(pointer) == [str(p) for p in parts]
    assert pointer.count("/") == len(parts)
