"""stac_mlm.pystac: extension objects, offline validation, and the hook that migrates on read keeping meaning."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import warnings
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest

pystac = pytest.importorskip("pystac")

import stac_mlm  # noqa: E402
from pystac.extensions.hooks import RegisteredExtensionHooks  # noqa: E402
from stac_mlm._generated.models import TaskEnum  # noqa: E402
from stac_mlm._schema import SCHEMA_URL, _by_url, bundle, url_heads  # noqa: E402
from stac_mlm.models import ModelInput  # noqa: E402
from stac_mlm.pystac import (  # noqa: E402
    MLM_EXTENSION_HOOKS,
    AssetMLMExtension,
    ItemAssetsMLMExtension,
    ItemMLMExtension,
    MLMMigrationWarning,
    StacMLMExtension,
    validate,
)
from support import documents  # noqa: E402
from support.paths import EXAMPLES_DIR, UPSTREAM_DATA, UPSTREAM_SKIP_REASON, upstream_available  # noqa: E402

RASTER = documents.RASTER
OURS = "stac_mlm"  # the module our entry point names


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def _item() -> pystac.Item:
    return pystac.Item.from_dict(documents.landcover_item())


def _mlm_urls(document: dict[str, Any]) -> list[str]:
    return [url for url in document.get("stac_extensions") or [] if url.startswith(url_heads())]


def _older_url() -> str:
    """The canonical URL of the newest release older than the head version."""
    head = _by_url()[SCHEMA_URL]
    older = [v for v in bundle().versions if v.status == "release" and v.version < head.version]
    return older[-1].url


# --- hook variants: pystac-ext-mlm installed or not, ours discovered before or after it ----------------------


def _discovered(without: str | None = None) -> list[Any]:
    return [p.load() for p in entry_points(group="pystac.extensions") if not (without and p.value.startswith(without))]


VARIANTS = ["ours-first", "ours-last", "without-pystac-ext-mlm"]


def _hooks(variant: str) -> RegisteredExtensionHooks:
    """Every installed hook (each entry point once), in the order the variant names."""
    others = [h for h in _discovered() if h is not MLM_EXTENSION_HOOKS]
    if variant == "without-pystac-ext-mlm":
        others = [h for h in others if not type(h).__module__.startswith("pystac.extensions.mlm")]
    ordered = [MLM_EXTENSION_HOOKS, *others] if variant == "ours-first" else [*others, MLM_EXTENSION_HOOKS]
    hooks = RegisteredExtensionHooks(ordered)
    hooks._discovered = True  # exactly these
    return hooks


@pytest.fixture(params=VARIANTS)
def hooks(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param != "without-pystac-ext-mlm":
        pytest.importorskip("pystac.extensions.mlm")
    monkeypatch.setattr(pystac, "EXTENSION_HOOKS", _hooks(request.param))
    return str(request.param)


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return None  # not strict JSON (two official examples): pystac cannot read it either


def _examples() -> list[Path]:
    """Official examples of every release and the project's examples: those valid MLM as they declare."""
    official = sorted(UPSTREAM_DATA.glob("mlm/*/examples/*.json")) if upstream_available() else []
    found = [*official, *sorted(EXAMPLES_DIR.glob("*.json"))]
    return [path for path in found if isinstance(document := _load(path), dict) and stac_mlm.is_valid(document)]


def _example_id(path: Path) -> str:
    return path.name if path.parent == EXAMPLES_DIR else f"{path.parent.parent.name}/{path.name}"


# --- accessors ---------------------------------------------------------------------------------------------


def test_ext_gives_typed_accessors_for_item_asset_collection_and_item_assets() -> None:
    item = _item()
    mlm = StacMLMExtension.ext(item)
    assert isinstance(mlm, ItemMLMExtension)
    assert mlm.architecture == "U-Net"
    assert mlm.tasks == ["segmentation", "semantic-segmentation"]
    assert isinstance(mlm.input[0], ModelInput)
    assert mlm.input[0].input.shape == [-1, 4, 256, 256]
    weights = StacMLMExtension.ext(item.assets["weights"])
    assert isinstance(weights, AssetMLMExtension)
    assert weights.artifact_type == "torch.save"
    assert weights.accelerator == "cuda", "asset reads fall back to the Item's properties"
    collection = pystac.Collection.from_dict(documents.model_collection())
    definition = StacMLMExtension.ext(collection.item_assets["weights"])
    assert isinstance(definition, ItemAssetsMLMExtension)
    assert definition.artifact_type == "torch.save"
    assert StacMLMExtension.summaries(collection).get_range("total_parameters").maximum == 31000000
    with pytest.raises(pystac.ExtensionTypeError):
        StacMLMExtension.ext(pystac.Catalog("c", "d"))


def test_setters_check_values_and_write_json() -> None:
    item = _item()
    mlm = StacMLMExtension.ext(item)
    mlm.batch_size_suggestion = 4
    mlm.framework = "my-framework"
    assert item.properties["mlm:batch_size_suggestion"] == 4
    assert item.properties["mlm:framework"] == "my-framework"
    for field, value in [("tasks", ["fortune-telling"]), ("framework", " padded"), ("accelerator_count", 0)]:
        with pytest.raises(ValueError):
            setattr(mlm, field, value)
    mlm.hyperparameters = None
    assert "mlm:hyperparameters" not in item.properties
    assert validate(item) == [SCHEMA_URL]
    assert stac_mlm.validate(item.to_dict(include_self_link=False)) == []


def test_fields_and_apply_round_trip() -> None:
    item = _item()
    mlm = StacMLMExtension.ext(item)
    fields = mlm.fields
    fields.mlm_accelerator_summary = "one GPU"
    mlm.apply(fields)
    assert item.properties["mlm:accelerator_summary"] == "one GPU"
    assert item.properties["description"] == documents.landcover_item()["properties"]["description"]


def test_add_if_missing_and_has_extension() -> None:
    document = documents.landcover_item()
    document["stac_extensions"] = [RASTER]
    item = pystac.Item.from_dict(document)
    assert not StacMLMExtension.has_extension(item)
    with pytest.raises(pystac.ExtensionNotImplemented):
        StacMLMExtension.ext(item)
    StacMLMExtension.ext(item.assets["weights"], add_if_missing=True)
    assert item.stac_extensions == [RASTER, SCHEMA_URL]
    StacMLMExtension.ext(item, add_if_missing=True)
    assert item.stac_extensions == [RASTER, SCHEMA_URL], "listed once"


def test_add_if_missing_on_an_older_version_names_the_migration() -> None:
    item = pystac.Item.from_dict(documents.landcover_item(), migrate=False)
    item.stac_extensions = [_older_url(), RASTER]
    with pytest.raises(pystac.ExtensionNotImplemented, match=r"stac_mlm\.migrate"):
        StacMLMExtension.ext(item, add_if_missing=True)
    assert item.stac_extensions == [_older_url(), RASTER], "nothing changed"


def test_our_class_has_its_own_name_and_item_ext_mlm_stays_pystacs() -> None:
    theirs = pytest.importorskip("pystac.extensions.mlm")
    assert StacMLMExtension.__name__ != theirs.MLMExtension.__name__
    item = _item()
    assert type(item.ext.mlm).__module__ == theirs.__name__


def test_edits_through_what_accessors_return_write_through() -> None:
    item = _item()
    mlm = StacMLMExtension.ext(item)
    mlm.input[0].name = "renamed"
    assert item.properties["mlm:input"][0]["name"] == "renamed"
    extra = next(task.value for task in TaskEnum if task.value not in item.properties["mlm:tasks"])
    mlm.tasks.append(extra)
    assert item.properties["mlm:tasks"][-1] == extra
    shape = mlm.input[0].input.shape
    shape[0] = 8
    assert item.properties["mlm:input"][0]["input"]["shape"][0] == 8
    inputs = mlm.input
    del inputs[0].description
    assert "description" not in item.properties["mlm:input"][0]
    first = mlm.input[0]
    assert isinstance(first, ModelInput) and first == ModelInput.from_dict(item.properties["mlm:input"][0])
    assert stac_mlm.validate(item.to_dict(include_self_link=False)) == []
    with pytest.raises(ValueError):
        first.input = "not a structure"  # checked as the generated class checks it
    assert item.properties["mlm:input"][0]["input"]["shape"][0] == 8, "a refused edit writes nothing"


def test_asset_reads_that_fall_back_to_the_item_are_copies() -> None:
    item = _item()
    weights = StacMLMExtension.ext(item.assets["weights"])
    assert "mlm:tasks" not in item.assets["weights"].extra_fields
    weights.tasks.clear()
    assert "mlm:tasks" not in item.assets["weights"].extra_fields
    assert item.properties["mlm:tasks"], "the Item's value is not changed either"


# --- validation --------------------------------------------------------------------------------------------


def test_validation_is_offline_and_reports_problems() -> None:
    document = documents.landcover_item()
    del document["assets"]["weights"]["mlm:artifact_type"]
    item = pystac.Item.from_dict(document)
    with pytest.raises(pystac.STACValidationError) as raised:
        validate(item)
    assert [p.rule for p in raised.value.source] == ["R10"]
    assert "mlm:artifact_type" in str(raised.value)


def test_validate_accepts_a_path(tmp_path: Path) -> None:
    path = tmp_path / "item.json"
    path.write_text(json.dumps(documents.landcover_item()), encoding="utf-8")
    assert validate(path) == validate(str(path)) == [SCHEMA_URL]


# --- the hook ----------------------------------------------------------------------------------------------


def test_a_head_version_document_is_never_changed(hooks: str) -> None:
    document = documents.landcover_item()
    document["stac_version"] = "1.1.0"
    assert pystac.Item.from_dict(document).to_dict(include_self_link=False) == document


def test_unrelated_documents_are_left_alone(hooks: str) -> None:
    document = documents.landcover_item()
    document["stac_extensions"] = [RASTER]
    assert pystac.Item.from_dict(document).stac_extensions == [RASTER]


def _reads_keeping_meaning(document: dict[str, Any], hooks: str) -> None:
    """Valid as declared -> read and written by pystac -> still valid, as declared or wholly migrated."""
    before = _mlm_urls(document)
    migration = stac_mlm.migrate(document)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = pystac.read_dict(document).to_dict(include_self_link=False)
    ours = [w for w in caught if issubclass(w.category, MLMMigrationWarning)]
    assert stac_mlm.validate(written) == [], (hooks, _mlm_urls(written))
    if before == [SCHEMA_URL] or migration.document is document:
        assert _mlm_urls(written) == before and not ours
    elif migration.complete:
        assert _mlm_urls(written) == [SCHEMA_URL] and not ours
    else:
        assert _mlm_urls(written) == before, "an incomplete migration is not applied"
        messages = {str(w.message) for w in ours}  # read_dict runs pystac's migration twice: one message
        assert len(messages) == 1 and "kept as declared" in messages.pop()


@pytest.mark.parametrize("path", _examples(), ids=_example_id)
def test_reading_keeps_meaning(path: Path, hooks: str) -> None:
    _reads_keeping_meaning(_load(path), hooks)


def _older_examples() -> list[Path]:
    return [p for p in _examples() if p.parent != EXAMPLES_DIR and _mlm_urls(_load(p)) != [SCHEMA_URL]]


@pytest.mark.parametrize("path", _older_examples(), ids=_example_id)
def test_reading_keeps_meaning_under_every_url_of_the_version(path: Path, hooks: str) -> None:
    """The same with each URL that declares the version (pystac-ext-mlm's hook knows some of them)."""
    document = _load(path)
    [declared] = _mlm_urls(document)
    for url in _by_url()[declared].urls:
        variant = json.loads(json.dumps(document).replace(json.dumps(declared), json.dumps(url)))
        assert _mlm_urls(variant) == [url] and stac_mlm.is_valid(variant)
        _reads_keeping_meaning(variant, hooks)


def test_incomplete_migration_warns_and_keeps_the_fields(hooks: str) -> None:
    document = documents.landcover_item()
    document["stac_extensions"] = [_older_url(), RASTER]
    del document["properties"]["mlm:architecture"]  # a required value the migration cannot invent
    assert not stac_mlm.migrate(document).complete
    with pytest.warns(MLMMigrationWarning, match="kept as declared"):
        item = pystac.Item.from_dict(document)
    assert item.stac_extensions == [_older_url(), RASTER]
    assert item.properties["mlm:input"] == document["properties"]["mlm:input"]


# --- fresh processes ---------------------------------------------------------------------------------------

_LIGHT = """
import json, sys
import pystac
pystac.Item.from_dict(json.loads(sys.argv[1]))
assert "stac_mlm.pystac_hooks" in sys.modules, "the hook was not discovered"
print(json.dumps(sorted(m for m in ("pydantic", "jsonschema", "jsonschema_rs", "stac_mlm.models",
      "stac_mlm.migration", "stac_mlm.validation", "pystac.validation") if m in sys.modules)))
"""


def test_reading_a_non_mlm_item_loads_nothing_heavy() -> None:
    plain = {"type": "Feature", "stac_version": "1.1.0", "stac_extensions": [RASTER], "id": "x", "geometry": None,
             "properties": {"datetime": "2024-01-01T00:00:00Z"}, "links": [], "assets": {}}  # fmt: skip
    done = subprocess.run([sys.executable, "-c", _LIGHT, json.dumps(plain)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


_VALIDATE = """
import json, socket, sys
def refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket.connect = refuse
import pystac
heads = tuple(sys.argv[2:])
for path in json.loads(sys.argv[1]):
    item = pystac.Item.from_dict(json.load(open(path)), migrate=False)
    import pystac.validation
    cache = pystac.validation.RegisteredValidator.get_validator().schema_cache
    for url in item.stac_extensions:  # other extensions are not MLM's: accept-all stand-ins
        if not url.startswith(heads):
            cache.setdefault(url, {"$schema": "http://json-schema.org/draft-07/schema#"})
    item.validate()
print("ok")
"""


@pytest.mark.skipif(not upstream_available(), reason=UPSTREAM_SKIP_REASON)
def test_item_validate_is_offline_for_every_bundled_version() -> None:
    """No set-up call: the bundled MLM schemas reach pystac's validator when it is first imported."""
    chosen = []
    for version in (v for v in bundle().versions if v.status == "release"):  # a draft has no official examples
        items = [p for p in sorted(UPSTREAM_DATA.glob(f"mlm/{version.version}/examples/item_basic.json"))]
        assert items, f"no official basic Item for {version.version}"
        assert stac_mlm.is_valid(json.loads(items[0].read_text(encoding="utf-8")))
        chosen.append(str(items[0]))
    done = subprocess.run(
        [sys.executable, "-c", _VALIDATE, json.dumps(chosen), *url_heads()], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]


_DISCOVERED = """
import importlib.metadata as md, json, sys, warnings
variant = sys.argv[1]
found = md.entry_points
def entry_points(**selection):
    points = list(found(**selection))
    if selection.get("group") == "pystac.extensions":
        if variant == "without-pystac-ext-mlm":
            points = [p for p in points if not p.value.startswith("pystac.extensions.mlm")]
        elif variant == "reversed":
            points.reverse()
    return md.EntryPoints(points)
md.entry_points = entry_points
import pystac
out = []
for document in json.load(sys.stdin):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        item = pystac.Item.from_dict(document)
    out.append({"urls": item.stac_extensions, "properties": item.properties,
                "warned": [str(w.message) for w in caught if w.category.__name__ == "MLMMigrationWarning"]})
print(json.dumps(out))
"""


@pytest.mark.skipif(not upstream_available(), reason=UPSTREAM_SKIP_REASON)
@pytest.mark.parametrize("variant", ["as-installed", "reversed", "without-pystac-ext-mlm"])
def test_discovered_hooks_in_a_fresh_process(variant: str) -> None:
    """pystac discovers the hooks itself (in either listing order, or without pystac-ext-mlm installed)."""
    documents_in = []
    for path in _older_examples():
        document = _load(path)
        [declared] = _mlm_urls(document)
        host = [url for url in _by_url()[declared].urls if url.startswith("https://stac-extensions.github.io/")]
        if host:  # the URL spelling pystac-ext-mlm's hook rewrites, where the version has one
            document = json.loads(json.dumps(document).replace(json.dumps(declared), json.dumps(host[0])))
        documents_in.append(document)
    done = subprocess.run(
        [sys.executable, "-c", _DISCOVERED, variant], input=json.dumps(documents_in), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for document, read in zip(documents_in, json.loads(done.stdout), strict=True):
        written = {**document, "stac_extensions": read["urls"], "properties": read["properties"]}
        written["stac_version"] = "1.1.0"
        if stac_mlm.migrate(document).complete:
            assert _mlm_urls(written) == [SCHEMA_URL] and not read["warned"]
        else:
            assert _mlm_urls(written) == _mlm_urls(document) and read["warned"]
            assert read["properties"] == document["properties"], "kept as declared"
