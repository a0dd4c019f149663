"""Migration reports a person can trust (issue 15): each value where the report says, placeholders
listed with what to put there and flagged by the exit status, report text without Python reprs, the
model file found by its type, the 2020 DLM drafts, and the breaking changes between MLM versions."""

from __future__ import annotations

import argparse
import ast
import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
import stac_mlm
from stac_mlm.cli import migrate as command
from stac_mlm.migration import Migration, migrate, migrate_text, read_document
from stac_mlm.migration.completion import STEPS
from stac_mlm.migration.report import ReportEntry
from stac_mlm.migration.tables import tables
from support.legacy import LEGACY_FIXTURES, fixture_paths, misplaced_values, upstream_legacy_paths
from support.paths import REPO

MIGRATION_SRC = REPO / "packages" / "stac-mlm" / "src" / "stac_mlm" / "migration"
SEQUENTIAL = "dlm-beta3-sequential-item.json"
DRAFTS = ("dlm-draft-0.1-alpha-cccot03-item.json", "dlm-draft-2020-11-cccot03-item.json")


def _fixture(name: str) -> tuple[Any, Migration]:
    source, _ = read_document((LEGACY_FIXTURES / name).read_bytes())
    return source, migrate(source)


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="stac-mlm")
    command.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["migrate", *argv])
    return int(args.run(args))


def _entry(migration: Migration, path: str) -> ReportEntry:
    found = [e for e in migration.report if e.path == path]
    assert len(found) == 1, (path, found)
    return found[0]


# band-level values follow the bands ---------------------------------------------------------------
def test_each_band_keeps_its_own_nodata_and_the_source_data_type_on_the_model_asset() -> None:
    source, migration = _fixture(SEQUENTIAL)
    useful = source["properties"]["dlm:data"]["useful_bands"]
    document = migration.document
    model = next(k for k, a in document["assets"].items() if "mlm:model" in a["roles"])
    bands = document["assets"][model]["raster:bands"]
    assert [b["name"] for b in bands] == [b["name"] for b in useful] == document["properties"]["mlm:input"][0]["bands"]
    assert [b["nodata"] for b in bands] == [b["nodata_value"] for b in useful]
    assert {b["data_type"] for b in bands} == {source["properties"]["dlm:data"]["dtype"]}
    for index, band in enumerate(useful):
        entry = _entry(migration, f"/properties/dlm:data/useful_bands/{index}/nodata_value")
        assert (entry.action, entry.original, entry.target) == (
            "moved",
            band["nodata_value"],
            f"/properties/raster:bands/{index}/nodata",
        )
    moved = _entry(migration, "/properties/raster:bands")
    assert (moved.action, moved.target) == ("moved", f"/assets/{model}/raster:bands")
    dtype = _entry(migration, "/properties/dlm:data/dtype")
    assert dtype.action == "moved" and dtype.target == "/properties/raster:bands/0/data_type"
    assert not [e for e in migration.report if e.action == "dropped" and "dtype" in e.path]
    assert misplaced_values(source, migration) == []


def test_every_band_level_field_follows_its_band() -> None:
    source, _ = _fixture(SEQUENTIAL)
    band_fields = tables().families["dlm"].data["band_fields"]
    first = source["properties"]["dlm:data"]["useful_bands"][0]
    extra = {"scale": 0.0001, "offset": -0.1, "statistics": {"minimum": 1, "maximum": 9}, "colour": "red"}
    first.update(extra)
    migration = migrate(source)
    model = next(a for a in migration.document["assets"].values() if "mlm:model" in a["roles"])
    band = model["raster:bands"][0]
    for key, value in extra.items():
        path = f"/properties/dlm:data/useful_bands/0/{key}"
        if key in band_fields:
            assert band[band_fields[key]] == value
            assert _entry(migration, path).target == f"/properties/raster:bands/0/{band_fields[key]}"
        else:
            assert key not in band and _entry(migration, path).action == "dropped"
    assert migration.problems == [] and misplaced_values(source, migration) == []


def test_where_check_rejects_a_broad_entry_for_values_that_did_not_arrive() -> None:
    """The old failure: band nodata values missing from the output, covered by one entry for the list."""
    source, migration = _fixture(SEQUENTIAL)
    document = copy.deepcopy(migration.document)
    model = next(k for k, a in document["assets"].items() if "mlm:model" in a["roles"])
    for band in document["assets"][model]["raster:bands"]:
        band.pop("nodata")
    prefix = "/properties/dlm:data/useful_bands"
    broad = ReportEntry(
        prefix,
        "converted",
        "band names",
        source["properties"]["dlm:data"]["useful_bands"],
        "/properties/mlm:input/0/bands",
    )
    report = [broad, *(e for e in migration.report if not e.path.startswith(prefix))]
    faked = Migration(document, report, migration.sources, migration.problems)
    missing = misplaced_values(source, faked)
    bands = source["properties"]["dlm:data"]["useful_bands"]
    assert [m for m in missing if "nodata" in m] == [
        f"{prefix}/{i}/nodata_value = {json.dumps(b['nodata_value'])}" for i, b in enumerate(bands)
    ]


@pytest.mark.upstream
def test_every_upstream_legacy_value_lands_where_the_report_says(upstream: Path) -> None:
    checked = 0
    for path in upstream_legacy_paths():
        source, _ = read_document(path.read_bytes())
        assert misplaced_values(source, migrate(source)) == [], path
        checked += 1
    assert checked > 0


# the model file ------------------------------------------------------------------------------------
def test_the_keras_file_becomes_the_model_asset_instead_of_a_placeholder() -> None:
    _, migration = _fixture(SEQUENTIAL)
    assets = migration.document["assets"]
    assert list(assets) == ["model", "features"]
    model = assets["model"]
    assert model["href"].endswith("dl_sequential.keras") and "mlm:model" in model["roles"]
    assert model["roles"][0] == "trained sequential network"  # its own role is kept
    assert model["mlm:artifact_type"] == "tf.keras.Model.save"
    assert migration.placeholders == [] and migration.complete


def _item_with_asset(asset: dict[str, Any], framework: str | None = None) -> dict[str, Any]:
    properties: dict[str, Any] = {"datetime": None, "ml-model:type": "ml-model", "ml-model:architecture": "x"}
    if framework:
        properties["mlm:framework"] = framework
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": ["https://stac-extensions.github.io/ml-model/v1.0.0/schema.json"],
        "id": "m",
        "geometry": None,
        "links": [],
        "properties": properties,
        "assets": {"other": {"href": "https://x.org/readme.html", "roles": ["metadata"]}, "file": asset},
    }


def _expected(entry: dict[str, Any], framework: str) -> str:
    """The first `model_files` entry an asset described by ``entry`` matches (the table's own order)."""
    for candidate in tables().common["model_files"]:
        if candidate["suffix"] == entry["suffix"] and (
            not candidate.get("frameworks") or framework.lower() in candidate["frameworks"]
        ):
            artifact = str(candidate["artifact_type"])
            if "{framework}" in artifact:
                artifact = artifact.replace("{framework}", tables().common["safetensors_frameworks"][framework.lower()])
            return artifact
    raise AssertionError(entry)


@pytest.mark.parametrize("entry", tables().common["model_files"], ids=lambda e: f"{e['suffix']}-{e['artifact_type']}")
def test_model_files_table_finds_the_model_asset_by_suffix(entry: dict[str, Any]) -> None:
    framework = (entry.get("frameworks") or ["PyTorch"])[0]
    document = _item_with_asset(
        {"href": f"https://x.org/files/m{entry['suffix']}?v=2", "roles": ["free text"]}, framework
    )
    migration = migrate(document)
    asset = migration.document["assets"]["file"]
    assert "mlm:model" in asset["roles"] and "mlm:model" not in migration.document["assets"]["other"]["roles"]
    assert asset["mlm:artifact_type"] == _expected(entry, framework)
    assert migration.problems == []


@pytest.mark.parametrize(
    "entry", [e for e in tables().common["model_files"] if e.get("media_types")], ids=lambda e: e["suffix"]
)
def test_model_files_table_finds_the_model_asset_by_media_type(entry: dict[str, Any]) -> None:
    document = _item_with_asset({"href": "https://x.org/download?id=7", "type": entry["media_types"][0]})
    asset = migrate(document).document["assets"]["file"]
    assert "mlm:model" in asset["roles"] and asset["mlm:artifact_type"] == entry["artifact_type"]


def test_a_file_type_needing_a_framework_is_not_taken_without_it() -> None:
    needing = next(e for e in tables().common["model_files"] if e.get("frameworks"))
    document = _item_with_asset({"href": f"https://x.org/notes{needing['suffix']}", "roles": ["metadata"]})
    migration = migrate(document)
    assert "mlm:model" not in migration.document["assets"]["file"]["roles"]
    assert [p.path for p in migration.placeholders if p.path.startswith("/assets/")] == ["/assets/model"]


# placeholders, exit status, console ------------------------------------------------------------------
def test_placeholders_are_listed_with_their_path_and_what_to_put_there() -> None:
    migration = migrate_text((LEGACY_FIXTURES / "ml-model-v1.0.0-item.json").read_bytes())
    placeholders = migration.placeholders
    assert [p.path for p in placeholders] == ["/properties/mlm:input", "/properties/mlm:output"]
    required = {spec["path"]: spec["fill"] for spec in tables().common["required"]}
    assert [p.fill for p in placeholders] == [required[p.path] for p in placeholders]
    assert migration.verdict() == "valid MLM v1.5.2, 2 placeholders to fill" and not migration.complete
    assert migration.report_dict()["placeholders"] == [{"path": p.path, "fill": p.fill} for p in placeholders]


def test_every_placeholder_written_says_what_to_put_there() -> None:
    for path in fixture_paths():
        migration = migrate_text(path.read_bytes())
        for placeholder in migration.placeholders:
            assert placeholder.fill and placeholder.path.startswith("/"), (path.name, placeholder)
            assert placeholder.path in {e.target for e in migration.report if e.action == "placeholder"}


def test_placeholders_left_by_an_earlier_run_are_still_listed(tmp_path: Path) -> None:
    first = migrate_text((LEGACY_FIXTURES / "ml-model-draft-item.json").read_bytes())
    assert first.placeholders and first.valid
    again = migrate(first.document)
    assert again.report == [] and again.document is first.document
    marked = _marked(first.document)
    assert marked and sorted(p.path for p in again.placeholders) == marked
    assert all(p.fill for p in again.placeholders)
    for placeholder in first.placeholders:  # each stand-in written then is found again
        assert any(m == placeholder.path or m.startswith(placeholder.path + "/") for m in marked), placeholder
    output = tmp_path / "once.json"
    output.write_text(json.dumps(first.document))
    assert _run(str(output), "-o", str(tmp_path / "twice.json")) == 1


def _marked(document: Any) -> list[str]:
    """Every path whose value is the stand-in of a `placeholder_marks` entry for that path."""
    found = []
    for mark in tables().common["placeholder_marks"]:
        pattern = re.compile("^" + re.escape(mark["path"]).replace(r"\*", "[^/]+") + "$")
        for path, value in _values(document):
            if pattern.match(path) and value == mark["equals"]:
                found.append(path)
    return sorted(found)


def _values(value: Any, path: str = "") -> list[tuple[str, Any]]:
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    return [(path, value), *(p for key, child in children for p in _values(child, f"{path}/{key}"))]


def test_exit_status_0_complete_1_placeholders_2_unusable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(str(LEGACY_FIXTURES / SEQUENTIAL), "-o", str(tmp_path / "a.json")) == 0
    err = capsys.readouterr().err
    assert "valid MLM v1.5.2\n" in err and "placeholder" not in err.split("\n")[0]
    assert _run(str(LEGACY_FIXTURES / "ml-model-v1.0.0-item.json"), "-o", str(tmp_path / "b.json")) == 1
    err = capsys.readouterr().err
    assert "valid MLM v1.5.2, 2 placeholders to fill" in err
    assert "    fill /properties/mlm:input: the model input" in err
    assert (tmp_path / "b.json").is_file()
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "Feature", "properties": {}}')
    assert _run(str(bad)) == 2


# report text -------------------------------------------------------------------------------------------
_REPR = re.compile(r"\bNone\b|\bTrue\b|\bFalse\b|[\[{(]'|(?<![A-Za-z])'[^'\s]+'")


def test_report_text_has_no_python_reprs() -> None:
    documents = [*fixture_paths(), *upstream_legacy_paths()]
    details = [e.detail for path in documents for e in migrate_text(path.read_bytes()).report]
    assert details and [d for d in details if _REPR.search(d)] == []
    _, migration = _fixture(SEQUENTIAL)
    entry = _entry(migration, "/properties/dlm:runtime/requirement_file")
    assert entry.detail == "no requirements file is named (the value is empty)"


def test_repr_pattern_catches_reprs() -> None:
    assert all(_REPR.search(t) for t in ("None: no file", "task 'x' unknown", "got {'a': 1}", "True"))
    assert not _REPR.search('the model\'s input; got null, "x" and ["a"]')


# the 2020 DLM drafts -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", DRAFTS)
def test_2020_dlm_drafts_migrate(name: str) -> None:
    source, migration = _fixture(name)
    assert migration.problems == [] and stac_mlm.validate(migration.document) == []
    assert [(s.family, s.evidence) for s in migration.sources] == [("dlm", "fields")]
    props = migration.document["properties"]
    assert props["mlm:name"] == source["properties"]["name"]
    assert props["mlm:architecture"] == source["properties"]["architecture"]["type"]
    assert props["mlm:total_parameters"] == source["properties"]["architecture"]["parameters"]
    assert props["mlm:tasks"] == ["semantic-segmentation"]
    inputs = source["properties"]["inputs"]
    assert props["mlm:input"][0]["input"]["shape"] == [
        inputs[f"shape:{k}"] for k in ("batch", "channels", "height", "width")
    ]
    classes = props["mlm:output"][0]["classification:classes"]
    assert [c["value"] for c in classes] == list(range(len(source["properties"]["outputs"]["index_to_name"])))
    model = migration.document["assets"]["asset"]
    assert "mlm:model" in model["roles"] and "Files in the archive" in model["description"]
    assert not any(k in props for k in ("engine", "inputs", "outputs", "architecture", "data"))
    assert misplaced_values(source, migration) == []


def test_2020_draft_rules_leave_later_dlm_documents_alone() -> None:
    source, _ = _fixture("dlm-beta3-item.json")
    source["properties"]["name"] = "not a model name field in DLM v1.0.0-beta.3"
    migration = migrate(source)
    assert migration.document["properties"]["name"] == source["properties"]["name"]
    assert not [e for e in migration.report if e.path == "/properties/name"]


def test_2020_draft_docker_image_gpu_and_normalisation() -> None:
    source, migration = _fixture(DRAFTS[0])
    props, assets = migration.document["properties"], migration.document["assets"]
    docker = source["properties"]["engine"]["docker"]
    assert assets["container"]["href"] == docker["imagename"] and assets["container"]["mlm:accelerator"] == "cuda"
    assert docker["run"] in assets["container"]["description"]
    scale = source["properties"]["inputs"]["scaling"]
    means = source["properties"]["inputs"]["normalization"]["mean"]
    assert [v["mean"] for v in props["mlm:input"][0]["value_scaling"]] == pytest.approx([m / scale for m in means])
    assert props["mlm:framework"] == "PyTorch" and props["mlm:framework_version"] == "1.5.0"
    assert [p.path for p in migration.placeholders] == ["/assets/asset/mlm:artifact_type"]  # data.nc says nothing


# breaking changes between MLM versions ----------------------------------------------------------------------
def _v1_4_item() -> dict[str, Any]:
    return json.loads((LEGACY_FIXTURES / "mlm-v1.4.0-item.json").read_text())


@pytest.mark.parametrize(
    ("name", "dimension"),
    [("mlm-v1.4.0-openeo-terramind-item.json", "band"), ("mlm-v1.4.0-openeo-prithvi-v2-item.json", "channel")],
)
def test_published_v1_4_0_items_get_a_bands_dimension(name: str, dimension: str) -> None:
    source, migration = _fixture(name)
    assert migration.problems == [] and migration.complete
    before = source["properties"]["mlm:input"][0]["input"]["dim_order"]
    after = migration.document["properties"]["mlm:input"][0]["input"]["dim_order"]
    assert after == ["bands" if d == dimension else d for d in before] and dimension in before
    entry = _entry(migration, "/properties/mlm:input/0/input/dim_order")
    assert (entry.action, entry.original) == ("converted", before)
    assert misplaced_values(source, migration) == []


@pytest.mark.parametrize("name", ["band", "channel", "channels", "c"])
def test_band_dimension_is_renamed_to_bands(name: str) -> None:
    document = _v1_4_item()
    structure = document["properties"]["mlm:input"][0]["input"]
    count = len(document["properties"]["mlm:input"][0]["bands"])
    structure["dim_order"], structure["shape"] = ["batch", name, "x", "y"], [-1, count, 64, 64]
    migration = migrate(document)
    assert migration.problems == []
    assert migration.document["properties"]["mlm:input"][0]["input"]["dim_order"] == ["batch", "bands", "x", "y"]
    entry = _entry(migration, "/properties/mlm:input/0/input/dim_order")
    assert entry.action == "converted" and f'"{name}" becomes `bands`' in entry.detail


def test_band_dimension_of_another_name_is_found_by_its_size() -> None:
    document = _v1_4_item()
    item = document["properties"]["mlm:input"][0]
    item["input"]["dim_order"], item["input"]["shape"] = ["batch", "spectrum", "x", "y"], [-1, len(item["bands"]), 9, 9]
    migration = migrate(document)
    assert migration.document["properties"]["mlm:input"][0]["input"]["dim_order"][1] == "bands"
    assert _entry(migration, "/properties/mlm:input/0/input/dim_order").action == "assumed"


@pytest.mark.upstream
def test_official_v1_4_0_examples_migrate_to_valid_v1_5_2(upstream: Path) -> None:
    paths = sorted((upstream / "mlm" / "v1.4.0" / "examples").glob("item_*.json"))
    assert paths
    for path in paths:
        migration = migrate(json.loads(path.read_text()))
        assert migration.problems == [], path
        for item in migration.document["properties"]["mlm:input"]:
            assert ("bands" in item["input"]["dim_order"]) == bool(item.get("bands")), path


@pytest.mark.parametrize("scaling", sorted(tables().families["mlm"].data["value_scaling_spellings"]))
def test_misspelt_value_scaling_keys_are_repaired(scaling: str) -> None:
    spellings = tables().families["mlm"].data["value_scaling_spellings"][scaling]
    document = _v1_4_item()
    wrong = {"type": scaling, **{key: index + 1 for index, key in enumerate(spellings)}}
    document["properties"]["mlm:input"][0]["value_scaling"] = [wrong]
    migration = migrate(document)
    fixed = migration.document["properties"]["mlm:input"][0]["value_scaling"][0]
    assert all(spellings[key] in fixed for key in spellings if list(spellings.values()).count(spellings[key]) == 1)
    repairs = [e for e in migration.report if e.action == "repaired"]
    assert {e.path.rsplit("/", 1)[1] for e in repairs} <= set(spellings) and repairs
    for entry in repairs:
        assert entry.target and entry.target.rsplit("/", 1)[1] == spellings[entry.path.rsplit("/", 1)[1]]


def test_min_max_misspelling_gives_a_valid_document() -> None:
    document = _v1_4_item()
    document["properties"]["mlm:input"][0]["value_scaling"] = [{"type": "min-max", "min": 0, "max": 255}]
    migration = migrate(document)
    assert migration.problems == []
    assert migration.document["properties"]["mlm:input"][0]["value_scaling"] == [
        {"type": "min-max", "minimum": 0, "maximum": 255}
    ]


def test_value_scaling_of_an_unknown_type_is_dropped_and_null_kept() -> None:
    document = _v1_4_item()
    known = {"type": "scale", "value": 2}
    document["properties"]["mlm:input"][0]["value_scaling"] = [{"type": "bogus", "x": 1}, known]
    migration = migrate(document)
    assert migration.problems == []
    assert migration.document["properties"]["mlm:input"][0]["value_scaling"] == [known]
    entry = _entry(migration, "/properties/mlm:input/0/value_scaling/0")
    assert entry.action == "dropped" and entry.original == {"type": "bogus", "x": 1} and '"bogus"' in entry.detail
    document["properties"]["mlm:input"][0]["value_scaling"] = None
    migration = migrate(document)
    assert migration.document["properties"]["mlm:input"][0]["value_scaling"] is None
    assert not [e for e in migration.report if "value_scaling" in e.path]


def test_collection_item_assets_get_the_asset_repairs() -> None:
    document = {
        "type": "Collection",
        "stac_extensions": ["https://crim-ca.github.io/mlm-extension/v1.1.0/schema.json"],
        "item_assets": {"model": {"mlm:accelerator": "bogus"}, "other": {"mlm:accelerator": "cpu"}},
    }
    migration = migrate(document)
    assert migration.problems == []
    assert migration.document["item_assets"] == {"model": {}, "other": {"mlm:accelerator": "amd64"}}
    assert _entry(migration, "/item_assets/model/mlm:accelerator").action == "dropped"


def test_every_breaking_change_names_an_existing_rule_or_step() -> None:
    mlm = tables().families["mlm"].data
    ids = {rule["id"] for rule in mlm["rules"] if "id" in rule}
    changes = mlm["breaking_changes"]
    assert changes
    for change in changes:
        assert set(change) == {"from", "to", "change", "fields", "handled_by"}, change
        handler = change["handled_by"]
        assert handler.get("rule") in ids or handler.get("step") in STEPS, change
        assert change["fields"] and change["change"]
        older, newer = (tuple(int(p) for p in change[k].lstrip("v").split(".")) for k in ("from", "to"))
        assert older < newer, change


# the import cycle -------------------------------------------------------------------------------------------
def _imports(name: str) -> set[str]:
    tree = ast.parse((MIGRATION_SRC / name).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            found.add(node.module or "")
            found.update(alias.name for alias in node.names if not node.module)
    return found


def test_converters_and_engine_do_not_import_each_other() -> None:
    assert "converters" in _imports("engine.py")
    modules = sorted(p.relative_to(MIGRATION_SRC) for p in (MIGRATION_SRC / "converters").glob("*.py"))
    assert modules and all("engine" not in _imports(str(m)) and "..engine" not in _imports(str(m)) for m in modules)
    assert "engine" not in _imports("context.py") and "converters" not in _imports("context.py")


def test_no_hand_written_migration_module_is_over_600_lines() -> None:
    for path in sorted(MIGRATION_SRC.rglob("*.py")):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 600, path.name
