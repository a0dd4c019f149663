"""The docs generator (``stac_ext_codegen.docs``) renders what schema/ says, and only that: an edit of
the model shows up in the pages and the README table, rule snippets must earn their verdict, and the
migration and example hooks render whatever data is present."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from stac_ext_codegen.docs import readme_fields
from stac_ext_codegen.docs_examples import check_rule_examples
from stac_ext_codegen.docs_site import build_site
from stac_ext_codegen.jsonschema import build_json_schema
from stac_ext_codegen.model import ModelError, SourceModel
from stac_ext_codegen.outputs import render_all, splice
from support import edits
from support.paths import REPO, SCHEMA_DIR


@pytest.fixture(scope="module")
def model() -> SourceModel:
    return SourceModel.load(SCHEMA_DIR)


@pytest.fixture(scope="module")
def site(model: SourceModel):
    return build_site(model, REPO)


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    shutil.copytree(SCHEMA_DIR, tmp_path / "schema")
    return tmp_path / "schema"


def _table_rows(markdown: str) -> dict[str, list[str]]:
    """``{first cell without backticks: cells}`` of every Markdown table row in a page."""
    rows = {}
    for line in markdown.splitlines():
        if line.startswith("| `"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            rows.setdefault(cells[0].strip("`"), cells)
    return rows


def test_required_marks_agree_with_the_generated_json_schema(model: SourceModel, site) -> None:
    schema = build_json_schema(model)
    levels = {
        "Item properties": "ItemProperties",
        "Assets": "AssetFields",
        "Collection summaries": "CollectionSummaryFields",
    }
    page = site.pages["reference/fields.md"]
    header = next(line for line in page.splitlines() if line.startswith("| Field Name |") and "Item properties" in line)
    columns = [c.strip() for c in header.strip("|").split("|")][1:]
    matrix = {
        cells[0].strip("`"): dict(zip(columns, cells[1:], strict=True))
        for line in page.split(header, 1)[1].splitlines()
        if line.startswith("| `") and (cells := [c.strip() for c in line.strip("|").split("|")])
    }
    assert set(columns) == set(levels)
    for label, definition in levels.items():
        spec = schema["$defs"][definition]
        required = {key for key, cells in matrix.items() if cells[label] == "**required**"}
        forbidden = {key for key, cells in matrix.items() if cells[label] == "—"}
        assert required == set(spec.get("required", [])), label
        forbidden_in_schema = {r["required"][0] for r in spec.get("not", {}).get("anyOf", [])}
        if "required" in spec.get("not", {}):
            forbidden_in_schema |= set(spec["not"]["required"])
        assert forbidden == forbidden_in_schema, label
    assert set(matrix) == {k for k in schema["$defs"]["ItemProperties"]["properties"]}


def test_pages_show_json_keys_nullability_defaults_and_no_empty_cells(site) -> None:
    fields = _table_rows(site.pages["reference/fields.md"])
    assert all(key.startswith("mlm:") for key in fields), "fields are shown by their JSON key, not the slot name"
    assert fields["mlm:accelerator"][1].endswith("\\| null")
    assert "Default: `false`" in fields["mlm:accelerator_constrained"][2]
    every_page = "\n".join(site.pages.values())
    assert "None" not in re.findall(r"\| ?(None) ?\|", every_page)
    assert "mlm_" not in every_page


def test_enum_pages_say_closed_or_recommended(model: SourceModel, site) -> None:
    for name, enum in model.view.all_enums().items():
        page = site.pages[f"reference/enums/{name}.md"]
        is_open = str((enum.annotations or {}).get("open_enum", "")) != ""
        assert ("Recommended values" in page) == is_open, name
        assert ("Closed list" in page) == (not is_open), name
        for value in enum.permissible_values:
            assert f"| `{value}` |" in page


def test_an_edit_of_the_model_reaches_pages_and_readme(scratch: Path) -> None:
    edits.add_optional_field(scratch)
    root = scratch / "mlm.yaml"
    text = root.read_text()
    text = text.replace(
        "      mlm_hyperparameters: {value_presence: ABSENT}\n",
        f"      mlm_hyperparameters: {{value_presence: ABSENT}}\n      {edits.NEW_SLOT}: {{value_presence: ABSENT}}\n",
    )
    root.write_text(text)
    enums = scratch / "enums.yaml"
    head, task_enum = enums.read_text().split("  TaskEnum:\n", 1)
    task_enum = task_enum.replace("    annotations:\n", "    annotations:\n      open_enum: true\n", 1)
    enums.write_text(head + "  TaskEnum:\n" + task_enum)
    edited = SourceModel.load(scratch)
    site = build_site(edited, scratch.parent)
    row = _table_rows(site.pages["reference/fields.md"])[edits.NEW_FIELD]
    assert row[1] == "number" and "Minimum: 0" in row[2] and "Kilograms of CO2" in row[2]
    assert f"| `{edits.NEW_FIELD}` | allowed | — | allowed |" in site.pages["reference/fields.md"]
    assert "Recommended values" in site.pages["reference/enums/TaskEnum.md"]
    assert edits.NEW_FIELD in readme_fields(edited)


def test_every_rule_has_snippets_with_the_right_verdict(model: SourceModel, site) -> None:
    assert check_rule_examples(model, build_json_schema(model)) == []
    page = site.pages["reference/rules.md"]
    for rule in model.rules:
        assert rule["examples"]["valid"] and rule["examples"]["invalid"], rule["id"]
        assert f"## {rule['id']}: " in page
        for example in rule["examples"]["valid"] + rule["examples"]["invalid"]:
            assert json.dumps(example["json"], indent=2, ensure_ascii=False).splitlines()[1].strip() in page


def test_a_snippet_with_the_wrong_verdict_stops_the_build(scratch: Path) -> None:
    rules = scratch / "rules.yaml"
    # R13's invalid snippet (format without expression) becomes valid: the build must refuse it.
    rules.write_text(rules.read_text().replace("json: {name: NDVI, format: rio-calc}", "json: {name: NDVI}"))
    with pytest.raises(ModelError, match="R13: invalid example 1 passes"):
        build_site(SourceModel.load(scratch), scratch.parent)


def test_examples_are_rendered_with_verdict_raw_file_and_sidecar(model: SourceModel, tmp_path: Path) -> None:
    examples = tmp_path / "examples"
    (examples / "invalid").mkdir(parents=True)
    valid = {"type": "Collection", "stac_extensions": [build_json_schema(model)["$id"]]}
    (examples / "collection.json").write_text(json.dumps(valid))
    (examples / "invalid" / "no-url.json").write_text(json.dumps({**valid, "stac_extensions": []}))
    (examples / "invalid" / "no-url.expected.json").write_text('{"path": "/stac_extensions"}')
    site = build_site(model, tmp_path, examples)
    assert "Accepted by the generated schema" in site.pages["examples/collection.md"]
    rejected = site.pages["examples/invalid/no-url.md"]
    assert "Rejected by the generated schema" in rejected and '"path": "/stac_extensions"' in rejected
    assert json.loads(site.files["examples/raw/invalid/no-url.json"]) == {**valid, "stac_extensions": []}
    assert site.nav["examples/"][1:] == ["examples/collection.md", {"Invalid": ["examples/invalid/no-url.md"]}]


def test_migration_tables_render_only_when_mapping_data_exists(model: SourceModel, tmp_path: Path) -> None:
    assert "migrations/" not in build_site(model, tmp_path, None, tmp_path / "absent").nav
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "ml-model.yaml").write_text(
        "fields:\n  - {from: 'ml-model:architecture', to: 'mlm:architecture', action: renamed}\n"
        "  - {from: 'ml-model:learning_approach', to: null, action: dropped}\n"
    )
    (folder / "dlm.yaml").write_text("dlm:runtime:\n  to: mlm:accelerator\n  action: converted\n")
    site = build_site(model, tmp_path, None, folder)
    page = site.pages["migrations.md"]
    assert "| `dlm:runtime` | `mlm:accelerator` | `converted` |" in page
    assert "| from | to | action |" in page
    assert "| `ml-model:architecture` | `mlm:architecture` | `renamed` |" in page
    assert site.nav["migrations/"] == ["migrations.md"]


def test_readme_region_is_generated_and_markers_are_required(model: SourceModel, tmp_path: Path) -> None:
    texts = render_all(model, REPO)
    readme = texts["README.md"]
    assert readme_fields(model).strip() in readme
    assert (
        readme.split("<!-- fields:start -->")[0] == (REPO / "README.md").read_text().split("<!-- fields:start -->")[0]
    )
    assert splice("a <!-- x:start -->old<!-- x:end --> b", "x", "new") == "a <!-- x:start -->\nnew\n<!-- x:end --> b"
    with pytest.raises(ModelError, match="needs the markers"):
        splice("no markers here", "x", "new", "README.md")
