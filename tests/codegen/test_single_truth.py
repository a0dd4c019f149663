"""schema/ is the single truth: an edit there is all it takes to change the generated schema, and the
generator code names no MLM field, class or enum value."""

from __future__ import annotations

import ast
from pathlib import Path

import jsonschema
from support import documents, edits
from support.paths import CODEGEN_SRC, SCHEMA_DIR


def _generate(schema_dir: Path) -> dict:
    from stac_ext_codegen.jsonschema import build_json_schema
    from stac_ext_codegen.model import SourceModel

    return build_json_schema(SourceModel.load(schema_dir))


def test_new_task_value_and_new_field_reach_the_generated_schema(tmp_path: Path) -> None:
    scratch = edits.copy_schema(tmp_path)
    edits.add_task_value(scratch)
    edits.add_optional_field(scratch)

    schema = _generate(scratch)
    assert edits.NEW_TASK in schema["$defs"][edits.TASK_ENUM]["enum"]
    for level in ("ItemProperties", "AssetFields", "CollectionSummaryFields"):
        assert schema["$defs"][level]["properties"][edits.NEW_FIELD]["minimum"] == 0

    item = documents.for_schema(documents.landcover_item(), schema["$id"])
    item["properties"]["mlm:tasks"] = [edits.NEW_TASK]
    item["properties"][edits.NEW_FIELD] = 12.5
    validator = jsonschema.Draft7Validator(schema)
    assert validator.is_valid(item)
    item["properties"][edits.NEW_FIELD] = -1
    assert not validator.is_valid(item)
    original = jsonschema.Draft7Validator(_generate(SCHEMA_DIR))
    item["properties"][edits.NEW_FIELD] = 12.5
    assert not original.is_valid(item), "the unedited model must reject both"


def _spec_words() -> set[str]:
    from stac_ext_codegen.model import SourceModel

    view = SourceModel.load(SCHEMA_DIR).view
    words: set[str] = set()
    for slot in view.all_slots().values():
        if slot.alias and ":" in slot.alias:
            words |= {slot.alias, slot.alias.split(":", 1)[1], slot.name}
    words |= set(view.all_classes()) - {"Any"}
    for enum in view.all_enums().values():
        words |= {str(value) for value in enum.permissible_values}
    return words


def test_generator_code_names_no_spec_element() -> None:
    words = _spec_words()
    assert {"mlm:artifact_type", "artifact_type", "ModelInput", "semantic-segmentation", "cuda"} <= words
    offenders = []
    for path in sorted(CODEGEN_SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if "mlm:" in text or text in words:
                    offenders.append(f"{path.name}:{node.lineno}: {text!r}")
            elif isinstance(node, ast.Name | ast.Attribute | ast.FunctionDef | ast.ClassDef):
                name = getattr(node, "id", None) or getattr(node, "attr", None) or getattr(node, "name", "")
                if name in words and len(name) > 6:
                    offenders.append(f"{path.name}:{node.lineno}: identifier {name}")
    assert not offenders, "\n".join(offenders)
