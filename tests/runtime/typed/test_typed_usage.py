"""The package as a typed dependency: this module is run by pytest and checked by ``mypy --strict`` (no
plugin) in ``nox -s lint``; ``nox -s build`` runs it against the built wheel in a clean environment.

It imports nothing but ``stac_mlm`` (and pytest), writes every class with Python keyword names, reads
optional fields as ``T | None``, passes closed-enum values as plain strings and as enum members, and uses
the typed pystac accessors.
"""

from __future__ import annotations

from typing import Any

import pytest
import stac_mlm
from stac_mlm.models import (
    AssetFields,
    ClassificationClass,
    CollectionSummaryFields,
    DataTypeEnum,
    Hyperparameters,
    InputStructure,
    ItemProperties,
    MLMCollection,
    MLMItem,
    ModelBandOrVariable,
    ModelInput,
    ModelOutput,
    ProcessingExpression,
    ResultStructure,
    TaskEnum,
    ValueScalingClip,
    ValueScalingClipMax,
    ValueScalingClipMin,
    ValueScalingMinMax,
    ValueScalingOffset,
    ValueScalingProcessing,
    ValueScalingScale,
    ValueScalingZScore,
)

BANDS = ["B02", "B03", "B04", "NDVI"]


def _properties() -> ItemProperties:
    structure = InputStructure(
        shape=[-1, 4, 64, 64], dim_order=["batch", "bands", "height", "width"], data_type="float32"
    )
    chip = ModelInput(
        name="chip",
        bands=[
            "B02",
            "B03",
            ModelBandOrVariable(name="B04"),
            ModelBandOrVariable(name="NDVI", format="rio-calc", expression="(B08-B04)/(B08+B04)"),
        ],
        input=structure,
        value_scaling=[
            ValueScalingZScore(mean=0.5, stddev=0.2),
            ValueScalingMinMax(minimum=0, maximum=1),
            ValueScalingClip(minimum=0, maximum=3000),
            ValueScalingClipMin(minimum=0),
        ],
        pre_processing_function=ProcessingExpression(format="python", expression="pkg.module:prepare"),
    )
    label = ModelOutput(
        name="label",
        tasks=[TaskEnum.classification, "scene-classification"],
        result=ResultStructure(shape=[-1, 2], dim_order=["batch", "class"], data_type=DataTypeEnum.float32),
        classification_classes=[
            ClassificationClass(value=0, description="cloud"),
            ClassificationClass(value=1, description="clear", color_hint="00FF00"),
        ],
    )
    return ItemProperties(
        mlm_name="Tiny CNN",
        mlm_architecture="CNN",
        mlm_tasks=["classification", TaskEnum.scene_classification],
        mlm_framework="PyTorch",
        mlm_total_parameters=1_000,
        mlm_accelerator="cuda",
        mlm_input=[chip],
        mlm_output=[label],
        mlm_hyperparameters=Hyperparameters(extra_fields={"learning_rate": 0.01}),
        extra_fields={"datetime": "2024-01-01T00:00:00Z", "bands": [{"name": b} for b in BANDS]},
    )


def _item() -> MLMItem:
    return MLMItem(
        properties=_properties(),
        assets={
            "model": AssetFields(
                mlm_artifact_type="torch.save",
                extra_fields={"href": "model.pt", "roles": ["mlm:model"], "bands": [{"name": b} for b in BANDS]},
            )
        },
        extra_fields={"id": "tiny-cnn", "stac_version": "1.1.0", "geometry": None, "links": []},
    )


def test_built_objects_write_a_valid_document() -> None:
    item = _item()
    document: dict[str, Any] = item.to_dict()
    assert stac_mlm.validate(document) == [], stac_mlm.validate(document)
    assert item.problems() == []


def test_fields_read_with_their_types() -> None:
    properties = _properties()
    name: str = properties.mlm_name
    count: int | None = properties.mlm_total_parameters
    memory: int | None = properties.mlm_memory_size  # never set: None
    tasks: list[str] = list(properties.mlm_tasks)
    data_type: str = properties.mlm_input[0].input.data_type
    assert (name, count, memory) == ("Tiny CNN", 1_000, None)
    assert tasks == ["classification", "scene-classification"]  # members are held as their plain values
    assert data_type == "float32"


def test_parse_and_from_dict_have_precise_types() -> None:
    document = _item().to_dict()
    parsed = stac_mlm.parse(document)
    assert isinstance(parsed, MLMItem)
    properties: ItemProperties = parsed.properties
    again: ItemProperties = ItemProperties.from_dict(document["properties"])
    assert again.mlm_name == properties.mlm_name
    collection = MLMCollection(summaries={"mlm:total_parameters": CollectionSummaryFields(mlm_total_parameters=3)})
    assert collection.to_dict()["type"] == "Collection"


def test_other_scalings_and_processing() -> None:
    for scaling in (
        ValueScalingClipMax(maximum=1),
        ValueScalingOffset(value=2),
        ValueScalingScale(value=3.5),
        ValueScalingProcessing(format="gdal-calc", expression="A*2"),
    ):
        assert scaling.to_dict()["type"] == scaling.type


def test_a_misspelt_keyword_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="mlm_total_parameters"):
        ItemProperties(mlm_name="x", **{"mlm_total_paramters": 5})  # type: ignore[arg-type]


def test_pystac_accessors_are_typed() -> None:
    pystac = pytest.importorskip("pystac")
    from stac_mlm.pystac import StacMLMExtension

    item = pystac.Item.from_dict(_item().to_dict())
    mlm = StacMLMExtension.ext(item)
    total: int | None = mlm.total_parameters
    mlm.total_parameters = 5
    mlm.accelerator = "amd64"
    inputs = mlm.input or []
    assert (total, mlm.total_parameters, mlm.accelerator, inputs[0].name) == (1_000, 5, "amd64", "chip")
    asset = StacMLMExtension.ext(item.assets["model"])
    artifact: str | None = asset.artifact_type
    assert artifact == "torch.save"
