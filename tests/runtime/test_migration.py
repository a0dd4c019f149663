"""Migrations to MLM v1.5.2: every family and version, nothing lost, idempotence, the rule tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import stac_mlm
from stac_mlm.migration import MigrationError, migrate, migrate_text, read_document
from stac_mlm.migration.tables import tables
from support.legacy import LEGACY_FIXTURES, fixture_paths, misplaced_values, upstream_legacy_paths


def _migrated(name: str) -> Any:
    return migrate_text((LEGACY_FIXTURES / name).read_bytes())


def _entries(migration: Any, action: str | None = None, path: str | None = None) -> list[Any]:
    return [
        e
        for e in migration.report
        if (action is None or e.action == action) and (path is None or e.path == path or e.target == path)
    ]


EXPECTED_SOURCES = {
    "dlm-draft-engine-item.json": [("dlm", "draft (CCCOT03)")],
    "dlm-beta2-item.jsonc": [("dlm", "1.0.0-beta2")],
    "dlm-hackathon-item.json": [("dlm", "1.0.0-beta2 (GMLMC hackathon variant)")],
    "dlm-beta3-item.json": [("dlm", "1.0.0-beta.3")],
    "dlm-beta3-sequential-item.json": [("dlm", "1.0.0-beta.3")],
    "dlm-draft-0.1-alpha-cccot03-item.json": [("dlm", "draft 2020 (CCCOT03, unprefixed fields)")],
    "dlm-draft-2020-11-cccot03-item.json": [("dlm", "draft 2020 (CCCOT03, unprefixed fields)")],
    "dlm-wild-item.jsonc": [("dlm", "1.0.0-beta.3")],
    "ml-model-v1.0.0-item.json": [("ml-model", "1.0.0")],
    "ml-model-v1.0.0-collection.json": [("ml-model", "1.0.0")],
    "ml-model-draft-item.json": [("ml-model", "1.0.0 (pre-release draft, training-environment)")],
    "mixed-ml-model-mlm-item.json": [("mlm", "1.2.0"), ("ml-model", "1.0.0")],
    "mlm-v1.0.0-item.json": [("mlm", "1.0.0")],
    "mlm-v1.2.0-hosted-item.json": [("mlm", "1.2.0")],
    "mlm-v1.3.0-item.json": [("mlm", "1.3.0")],
    "mlm-v1.4.0-item.json": [("mlm", "1.4.0")],
    "mlm-v1.4.0-openeo-prithvi-v2-item.json": [("mlm", "1.4.0")],
    "mlm-v1.4.0-openeo-terramind-item.json": [("mlm", "1.4.0")],
    "mlm-v1.5.0-item.json": [("mlm", "1.5.0")],
    "mlm-v1.5.1-item.json": [("mlm", "1.5.1")],
    "mlm-v1.5.2-item.json": [("mlm", "1.5.2")],
    "mlm-collection.jsonc": [("mlm", "1.1.0")],
}


def test_every_fixture_has_an_expected_family() -> None:
    assert sorted(p.name for p in fixture_paths()) == sorted(EXPECTED_SOURCES)


@pytest.mark.parametrize("name", sorted(EXPECTED_SOURCES))
def test_fixture_migrates_to_valid_v1_5_2_and_family_is_detected(name: str) -> None:
    migration = _migrated(name)
    assert migration.problems == []
    assert stac_mlm.validate(migration.document) == []
    assert stac_mlm.SCHEMA_URL in migration.document["stac_extensions"]
    assert [(s.family, s.version) for s in migration.sources] == EXPECTED_SOURCES[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_SOURCES))
def test_every_input_value_lands_where_the_report_says(name: str) -> None:
    source, _ = read_document((LEGACY_FIXTURES / name).read_bytes())
    migration = migrate(source)
    assert misplaced_values(source, migration) == []


@pytest.mark.parametrize("name", sorted(EXPECTED_SOURCES))
def test_migration_is_idempotent(name: str) -> None:
    first = _migrated(name)
    second = migrate(first.document)
    assert second.report == []
    assert second.document is first.document


def test_where_check_notices_a_silent_drop() -> None:
    source, _ = read_document((LEGACY_FIXTURES / "ml-model-v1.0.0-item.json").read_bytes())
    migration = migrate(source)
    migration.report[:] = [e for e in migration.report if e.path != "/properties/ml-model:training-os"]
    assert misplaced_values(source, migration) == ['/properties/ml-model:training-os = "linux"']


def test_input_document_is_not_changed() -> None:
    source = json.loads((LEGACY_FIXTURES / "mlm-v1.0.0-item.json").read_text())
    before = json.dumps(source, sort_keys=True)
    migrate(source)
    assert json.dumps(source, sort_keys=True) == before


# DLM ---------------------------------------------------------------------------------------------
def test_dlm_engine_draft() -> None:
    migration = _migrated("dlm-draft-engine-item.json")
    props, assets = migration.document["properties"], migration.document["assets"]
    assert props["mlm:framework"] == "PyTorch"
    assert props["mlm:framework_version"] == "1.4.0"
    assert props["mlm:total_parameters"] == 1200000
    assert assets["source_code"]["href"] == "https://github.com/example-org/roads/tree/0a1b2c3d"
    assert assets["source_code"]["mlm:entrypoint"] == "roads.infer:run"
    model_input = props["mlm:input"][0]
    assert model_input["bands"] == ["R", "G", "B"]
    assert model_input["input"]["shape"] == [4, 3, 512, 512]
    assert model_input["input"]["dim_order"] == ["batch", "bands", "height", "width"]
    assert model_input["value_scaling"][0] == {"type": "z-score", "mean": 0.5, "stddev": 0.25}
    assert props["mlm:output"][0]["classification:classes"][1]["description"] == "road"
    assert "mlm:pretrained" not in props
    assert _entries(migration, "dropped", "/properties/dlm:architecture/pretrained")[0].original is None
    assert "https://example.com/dl-model/1.0/schema.json" not in migration.document["stac_extensions"]


def test_dlm_beta2_with_comments_assets_array_and_numbers() -> None:
    migration = _migrated("dlm-beta2-item.jsonc")
    document = migration.document
    props = document["properties"]
    assert migration.report[0].action == "repaired"
    assert document["id"] == "4711"
    assert document["stac_version"] == "1.0.0"
    assert document["assets"]["weights_zip"]["roles"] == ["mlm:model"]
    assert document["assets"]["weights_zip"]["mlm:artifact_type"] == "unknown"
    assert _entries(migration, "placeholder", "/assets/weights_zip/mlm:artifact_type")
    assert props["mlm:framework_version"] == "1.7.0"
    assert _entries(migration, "assumed", "/properties/mlm:framework_version")
    assert props["mlm:input"][0]["bands"] == ["red", "green", "nir"]
    scaling = props["mlm:input"][0]["value_scaling"]
    assert [round(s["mean"], 6) for s in scaling] == [1000.0, 2000.0, 3000.0]
    assert [round(s["stddev"], 6) for s in scaling] == [500.0, 500.0, 1000.0]
    assert props["mlm:input"][0]["pre_processing_function"] == {
        "format": "python",
        "expression": "forest.transforms.prepare",
    }
    assert props["mlm:tasks"] == ["semantic-segmentation"] == props["mlm:output"][0]["tasks"]
    classes = props["mlm:output"][0]["classification:classes"]
    assert [c["value"] for c in classes] == [0, 1, 2] and classes[0]["nodata"] is True
    assert props["mlm:memory_size"] == round(10.5 * 1024**2)
    assert props["mlm:pretrained_source"] == "imagenet" and props["mlm:pretrained"] is True
    assert props["processing:level"] == "L2"
    assert document["assets"]["container"]["href"] == "forest-seg:3.0"
    assert "mlm:accelerator" not in document["assets"]["container"]
    assert document["assets"]["source_code"]["description"] == "Commit deadbeef."
    assert document["assets"]["requirements"]["roles"] == ["metadata"]
    assert [b["data_type"] for b in document["assets"]["weights_zip"]["raster:bands"]] == ["uint16"] * 3
    assert "weights.pth (model weight)" in document["assets"]["weights_zip"]["description"]
    extensions = document["stac_extensions"]
    assert "dl-model" not in extensions and "provider" not in extensions
    assert "https://stac-extensions.github.io/eo/v1.1.0/schema.json" in extensions
    assert _entries(migration, "dropped", "/properties/dlm:architecture/summary")[0].original == "UNet(...)"


def test_dlm_beta3() -> None:
    migration = _migrated("dlm-beta3-item.json")
    document = migration.document
    props = document["properties"]
    assert props["mlm:tasks"] == ["object-detection"]
    assert props["mlm:output"][0]["result"]["dim_order"] == ["batch", "class"]
    assert document["assets"]["model"]["raster:bands"][0] == {"name": "red", "data_type": "uint8", "nodata": 255}
    assert {"rel": "example", "href": "https://catalog.example.org/scenes/1.json", "title": "a scene"} in document[
        "links"
    ]
    assert props["mlm:framework_version"] == "2.11.0"
    assert props["mlm:input"][0]["input"]["data_type"] == "float32"
    assert _entries(migration, "assumed", "/properties/mlm:input/0/input/data_type")


def test_dlm_hackathon_variant_without_input_tensors() -> None:
    migration = _migrated("dlm-hackathon-item.json")
    props = migration.document["properties"]
    assert props["mlm:tasks"] == ["regression"]
    assert props["mlm:input"][0]["input"]["dim_order"] == ["unknown"]
    assert _entries(migration, "placeholder", "/properties/mlm:input/0/input")
    assert migration.document["assets"]["model_archive"]["mlm:artifact_type"] == "pickle.dump"
    assert _entries(migration, "dropped", "/properties/dlm:outputs/class_name_mapping")


def test_dlm_wild_document() -> None:
    migration = _migrated("dlm-wild-item.jsonc")
    document = migration.document
    props = document["properties"]
    assert document["crs"] == "EPSG:32633" and props["features"] == ["ndvi", "ndwi"]
    assert props["mlm:tasks"] == ["classification"]
    assert "binary classification" in _entries(migration, "assumed", "/properties/mlm:tasks")[0].detail
    assert props["mlm:input"][0]["value_scaling"] == [{"type": "scale", "value": 2.0}, {"type": "scale", "value": 4.0}]
    assert [f["expression"] for f in props["mlm:input"][0]["pre_processing_function"]] == [
        "features.ndvi",
        "features.ndwi",
    ]
    model = document["assets"]["model.txt"]  # a LightGBM text model, found by its file type
    assert model["href"] == "https://models.example.org/gbm/model.txt" and "mlm:model" in model["roles"]
    assert model["mlm:artifact_type"] == "lightgbm.Booster.save_model"
    assert "model" not in document["assets"]
    assert props["mlm:architecture"] == "unknown"
    assert _entries(migration, "placeholder", "/properties/mlm:architecture")


# ml-model ----------------------------------------------------------------------------------------
def test_ml_model_item() -> None:
    migration = _migrated("ml-model-v1.0.0-item.json")
    document = migration.document
    props, assets = document["properties"], document["assets"]
    assert props["mlm:tasks"] == ["segmentation"] and props["mlm:architecture"] == "U-Net"
    assert props["mlm:name"] == "Flood extent"
    assert not any(k.startswith("ml-model:") for k in props)
    assert [link["rel"] for link in document["links"]] == ["derived_from", "derived_from", "license"]
    assert assets["inference-image"]["href"] == "registry.example.org/flood/infer:2"
    assert assets["training-image"]["roles"] == ["mlm:training-runtime", "runtime"]
    assert assets["compose"]["roles"] == ["mlm:inference-runtime", "runtime"]
    assert "mlm:model" in assets["ckpt"]["roles"] and assets["ckpt"]["mlm:artifact_type"] == "torch.save"
    for path in ("/properties/mlm:input", "/properties/mlm:output"):
        assert _entries(migration, "placeholder", path), path
    assert props["mlm:output"][0]["tasks"] == ["segmentation"]
    assert _entries(migration, "dropped", "/properties/ml-model:training-processor-type")[0].original == "gpu"
    assert "mlm:accelerator" not in props


def test_ml_model_collection_summaries() -> None:
    migration = _migrated("ml-model-v1.0.0-collection.json")
    summaries = migration.document["summaries"]
    assert summaries["mlm:tasks"] == {"type": "array", "items": {"enum": ["segmentation", "object-detection"]}}
    assert summaries["mlm:architecture"] == {"enum": ["U-Net", "RCNN"]}
    assert summaries["platform"] == {"enum": ["sentinel-1a", "sentinel-1b"]}
    assert "ml-model:learning_approach" not in summaries


def test_ml_model_draft_container_asset() -> None:
    migration = _migrated("ml-model-draft-item.json")
    image = migration.document["assets"]["image"]
    assert image["roles"] == ["mlm:inference-runtime", "runtime"]
    assert image["mlm:accelerator"] == "cuda"
    assert "command: /app/detect.sh." in image["description"]
    assert not any(k.startswith("ml-model:") for k in image)


def test_documents_mixing_ml_model_and_mlm() -> None:
    migration = _migrated("mixed-ml-model-mlm-item.json")
    props = migration.document["properties"]
    assert props["mlm:architecture"] == "RandomForestClassifier"
    assert _entries(migration, "dropped", "/properties/ml-model:architecture")[0].original == "random-forest"
    assert props["mlm:tasks"] == ["classification"]
    assert props["mlm:accelerator"] == "amd64"
    assert props["mlm:framework"] == "scikit-learn" and props["mlm:framework_version"] == "1.4.0"
    assert "mlm:compiled" not in props
    assert "norm_type" not in props["mlm:input"][0]
    assert migration.document["assets"]["model"]["mlm:artifact_type"] == "onnx"


# earlier MLM -------------------------------------------------------------------------------------
def test_mlm_v1_0_normalisation_classes_and_bands() -> None:
    migration = _migrated("mlm-v1.0.0-item.json")
    props, model = migration.document["properties"], migration.document["assets"]["weights"]
    assert props["mlm:input"][0]["value_scaling"] == [
        {"type": "z-score", "mean": 900.5, "stddev": 210.25},
        {"type": "z-score", "mean": 2600.0, "stddev": 700.5},
    ]
    classes = props["mlm:output"][0]["classification:classes"]
    assert classes[0] == {"value": 0, "name": "wheat", "description": "wheat", "color_hint": "FFCC00"}
    assert "classification_classes" not in props["mlm:output"][0]
    assert "raster:bands" not in props and [b["name"] for b in model["raster:bands"]] == ["B04", "B08"]
    assert props["mlm:framework"] == "scikit-learn"
    assert props["mlm:input"][0]["input"]["dim_order"][1] == "bands"


def test_mlm_v1_2_malformed_hosted_url_and_source_code_role() -> None:
    migration = _migrated("mlm-v1.2.0-hosted-item.json")
    document = migration.document
    assert "https://stac-extensions/mlm/v1.2.0/schema.json" not in document["stac_extensions"]
    props = document["properties"]
    assert props["mlm:tasks"] == ["semantic-segmentation"]
    assert props["mlm:input"][0]["value_scaling"] == [{"type": "min-max", "minimum": 0, "maximum": 10000}]
    assert props["mlm:input"][0]["pre_processing_function"] == {
        "format": "uri",
        "expression": {"href": "https://example.org/clouds/prepare.py"},
    }
    assert document["assets"]["code"]["roles"] == ["code"]
    assert "mlm:artifact_type" not in document["assets"]["code"]


def test_mlm_v1_3_field_levels() -> None:
    migration = _migrated("mlm-v1.3.0-item.json")
    document = migration.document
    assert document["assets"]["model"]["mlm:artifact_type"] == "torch.jit.script"
    assert "mlm:artifact_type" not in document["properties"]
    assert _entries(migration, "dropped", "/assets/readme/mlm:artifact_type")[0].original == "text"
    assert _entries(migration, "dropped", "/assets/model/mlm:name")[0].original == "lakes model"
    assert document["properties"]["mlm:input"][0]["input"]["dim_order"][1] == "channel"


def test_mlm_v1_4_and_v1_5() -> None:
    v14 = _migrated("mlm-v1.4.0-item.json")
    assert v14.document["properties"]["mlm:input"][0]["input"]["dim_order"][1] == "bands"
    assert _entries(v14, "dropped", "/properties/mlm:input/0/norm_by_channel")[0].original is True
    v150 = _migrated("mlm-v1.5.0-item.json")
    function = v150.document["properties"]["mlm:input"][0]["pre_processing_function"]
    assert function["description"] == "7"
    assert v150.document["assets"]["model"]["mlm:accelerator"] == "amd64"
    v151 = _migrated("mlm-v1.5.1-item.json")
    source = v151.document["assets"]["source"]
    assert source["mlm:entrypoint"] == "ships.detect:main" and "code" in source["roles"]
    assert "mlm:entrypoint" not in v151.document["properties"]


def test_valid_v1_5_2_comes_back_unchanged() -> None:
    document = json.loads((LEGACY_FIXTURES / "mlm-v1.5.2-item.json").read_text())
    migration = migrate(document)
    assert migration.document is document and migration.report == [] and migration.valid


def test_mlm_collection() -> None:
    migration = _migrated("mlm-collection.jsonc")
    summaries = migration.document["summaries"]
    assert summaries["mlm:tasks"]["items"]["enum"] == ["classification", "segmentation"]
    assert summaries["gsd"] == {"minimum": 10, "maximum": 60}
    assert "mlm:name" not in migration.document["item_assets"]["weights"]


# unusable input ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([1, 2], "array"),
        ({"type": "Catalog", "id": "c"}, "Catalog"),
        ({"type": "Feature", "properties": {"title": "x"}, "assets": {}}, "nothing to migrate"),
    ],
)
def test_unusable_documents_raise_a_clear_error(document: Any, message: str) -> None:
    with pytest.raises(MigrationError, match=message):
        migrate(document)


def test_reader_keeps_slashes_inside_strings_and_reports_repairs() -> None:
    text = '{"href": "https://a.example/x//y", // a comment\n "b": [1, 2,], /* block */ "c": "/* not */"}'
    value, entries = read_document(text)
    assert value == {"href": "https://a.example/x//y", "b": [1, 2], "c": "/* not */"}
    assert [e.action for e in entries] == ["repaired"]
    assert entries[0].original == ["// a comment", "/* block */"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b'{"a": 1', "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"\x00\x01", "binary"),
    ],
)
def test_reader_rejects_bad_text(data: bytes, message: str) -> None:
    with pytest.raises(MigrationError, match=message):
        read_document(data)


# the tables --------------------------------------------------------------------------------------
def test_tables_name_only_existing_converters_steps_and_actions() -> None:
    from stac_mlm.migration.completion import STEPS
    from stac_mlm.migration.converters import CONVERTERS, SUPPLIERS

    loaded = tables()
    actions = set(loaded.common["actions"])
    rules = [*loaded.rules, *(r for f in loaded.families.values() for r in (*f.draft_rules, *f.rules))]
    assert len(rules) > 40
    for rule in rules:
        assert rule.action in actions
        assert rule.converter is None or rule.converter in CONVERTERS, rule.converter
    assert [s["step"] for s in loaded.common["finish"]] and all(s["step"] in STEPS for s in loaded.common["finish"])
    for spec in loaded.common["required"]:  # a stand-in to write, a supplier to derive a value, or both
        assert "value" in spec or "converter" in spec, spec
        assert "converter" not in spec or spec["converter"] in SUPPLIERS, spec


def test_bundled_tables_match_schema_migrations() -> None:
    import yaml

    bundled = json.loads(
        (Path(stac_mlm.__file__).parent / "_generated" / "migrations.json").read_text(encoding="utf-8")
    )
    folder = Path(__file__).resolve().parents[2] / "schema" / "migrations"
    for table in bundled.values():  # the steps between releases derived from the diff are added by generate
        if isinstance(table, dict) and "derived" in table:
            assert isinstance(table.pop("derived"), list)
    assert bundled == {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))}


def test_migrate_is_exposed_lazily() -> None:
    assert stac_mlm.migrate is migrate
    assert stac_mlm.Migration.__name__ == "Migration"


# upstream examples -------------------------------------------------------------------------------
@pytest.mark.upstream
def test_every_upstream_legacy_example_migrates_to_valid_v1_5_2(upstream: Path) -> None:
    paths = upstream_legacy_paths()
    assert len(paths) > 80
    for path in paths:
        source, _ = read_document(path.read_bytes())
        migration = migrate(source)
        assert migration.problems == [], path
        assert misplaced_values(source, migration) == [], path
        again = migrate(migration.document)
        assert again.report == [] and again.document is migration.document, path
