"""stac_mlm.pystac: extension objects, offline validation and hooks that upgrade older MLM URLs."""

from __future__ import annotations

import copy
import socket

import pytest

pystac = pytest.importorskip("pystac")

import stac_mlm  # noqa: E402
from pystac.extensions.hooks import RegisteredExtensionHooks  # noqa: E402
from pystac.serialization import identify_stac_object  # noqa: E402
from stac_mlm._schema import HEAD_URL  # noqa: E402
from stac_mlm.models import ModelInput  # noqa: E402
from stac_mlm.pystac import (  # noqa: E402
    MLM_EXTENSION_HOOKS,
    AssetMLMExtension,
    ItemAssetsMLMExtension,
    ItemMLMExtension,
    MLMExtension,
    is_older_mlm_url,
    validate,
)
from support import documents  # noqa: E402

RASTER = documents.RASTER
OLD_URLS = [
    "https://crim-ca.github.io/mlm-extension/v1.0.0/schema.json",
    "https://crim-ca.github.io/mlm-extension/v1.3.0/schema.json",
    "https://stac-extensions.github.io/mlm/v1.0.0/schema.json",
    "https://stac-extensions.github.io/mlm/v1.4.0/schema.json",
    "https://stac-extensions.github.io/mlm/v1.5.1/schema.json",
    "https://stac-extensions/mlm/v1.2.0/schema.json",
]


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def _item() -> pystac.Item:
    return pystac.Item.from_dict(documents.landcover_item())


def test_ext_gives_typed_accessors_for_item_asset_collection_and_item_assets() -> None:
    item = _item()
    mlm = MLMExtension.ext(item)
    assert isinstance(mlm, ItemMLMExtension)
    assert mlm.architecture == "U-Net"
    assert mlm.tasks == ["segmentation", "semantic-segmentation"]
    assert isinstance(mlm.input[0], ModelInput)
    assert mlm.input[0].input.shape == [-1, 4, 256, 256]
    weights = MLMExtension.ext(item.assets["weights"])
    assert isinstance(weights, AssetMLMExtension)
    assert weights.artifact_type == "torch.save"
    assert weights.accelerator == "cuda", "asset reads fall back to the Item's properties"
    collection = pystac.Collection.from_dict(documents.model_collection())
    definition = MLMExtension.ext(collection.item_assets["weights"])
    assert isinstance(definition, ItemAssetsMLMExtension)
    assert definition.artifact_type == "torch.save"
    assert MLMExtension.summaries(collection).get_range("total_parameters").maximum == 31000000
    with pytest.raises(pystac.ExtensionTypeError):
        MLMExtension.ext(pystac.Catalog("c", "d"))


def test_setters_check_values_and_write_json() -> None:
    item = _item()
    mlm = MLMExtension.ext(item)
    mlm.batch_size_suggestion = 4
    mlm.framework = "my-framework"
    assert item.properties["mlm:batch_size_suggestion"] == 4
    assert item.properties["mlm:framework"] == "my-framework"
    for field, value in [("tasks", ["fortune-telling"]), ("framework", " padded"), ("accelerator_count", 0)]:
        with pytest.raises(ValueError):
            setattr(mlm, field, value)
    mlm.hyperparameters = None
    assert "mlm:hyperparameters" not in item.properties
    assert validate(item) == [HEAD_URL]
    assert stac_mlm.validate(item.to_dict(include_self_link=False)) == []


def test_fields_and_apply_round_trip() -> None:
    item = _item()
    mlm = MLMExtension.ext(item)
    fields = mlm.fields
    fields.mlm_accelerator_summary = "one GPU"
    mlm.apply(fields)
    assert item.properties["mlm:accelerator_summary"] == "one GPU"
    assert item.properties["description"] == documents.landcover_item()["properties"]["description"]


def test_add_if_missing_and_has_extension() -> None:
    document = documents.landcover_item()
    document["stac_extensions"] = [RASTER]
    item = pystac.Item.from_dict(document)
    assert not MLMExtension.has_extension(item)
    with pytest.raises(pystac.ExtensionNotImplemented):
        MLMExtension.ext(item)
    MLMExtension.ext(item.assets["weights"], add_if_missing=True)
    assert item.stac_extensions == [RASTER, HEAD_URL]
    item.stac_extensions = [OLD_URLS[3], RASTER]
    MLMExtension.add_to(item)
    assert item.stac_extensions == [HEAD_URL, RASTER], "add_to replaces an older MLM URL"


def test_validation_is_offline_and_reports_problems() -> None:
    document = documents.landcover_item()
    del document["assets"]["weights"]["mlm:artifact_type"]
    item = pystac.Item.from_dict(document)
    with pytest.raises(pystac.STACValidationError) as raised:
        validate(item)
    assert [p.rule for p in raised.value.source] == ["R10"]
    assert "mlm:artifact_type" in str(raised.value)


@pytest.mark.parametrize("old", OLD_URLS)
def test_from_dict_upgrades_older_urls_to_one_current_url(old: str) -> None:
    assert is_older_mlm_url(old)
    document = documents.landcover_item()
    document["stac_extensions"] = [old, RASTER]
    item = pystac.Item.from_dict(document)
    assert item.stac_extensions == [HEAD_URL, RASTER]
    assert document["stac_extensions"] == [old, RASTER], "the input dict is not changed"


@pytest.mark.parametrize("ours_first", [True, False])
def test_hooks_coexist_with_pystac_ext_mlm_in_either_order(ours_first: bool) -> None:
    theirs = pytest.importorskip("pystac.extensions.mlm").MLM_EXTENSION_HOOKS
    hooks = RegisteredExtensionHooks([MLM_EXTENSION_HOOKS, theirs] if ours_first else [theirs, MLM_EXTENSION_HOOKS])
    hooks._discovered = True  # only these two
    for old in ["https://stac-extensions.github.io/mlm/v1.0.0/schema.json", *OLD_URLS]:
        document = documents.landcover_item()
        document["stac_extensions"] = [old, RASTER]
        info = identify_stac_object(copy.deepcopy(document))
        hooks.migrate(document, info.version_range.latest_valid_version(), info)
        assert document["stac_extensions"] == [HEAD_URL, RASTER], (old, ours_first)


def test_current_and_unrelated_urls_are_left_alone() -> None:
    assert not is_older_mlm_url(HEAD_URL)
    assert not is_older_mlm_url("https://stac-extensions.github.io/mlm/v1.6.0/schema.json")
    assert not is_older_mlm_url(RASTER)
    document = documents.landcover_item()
    document["stac_extensions"] = [HEAD_URL if "/mlm/" in url else url for url in document["stac_extensions"]]
    assert pystac.Item.from_dict(document).stac_extensions == document["stac_extensions"]
