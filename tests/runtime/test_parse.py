"""stac_mlm.parse / to_dict: typed objects that give back exactly the document they were read from."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest
import stac_mlm
from stac_mlm._schema import bundle
from stac_mlm.models import (
    AssetFields,
    InputStructure,
    ItemProperties,
    MLMCollection,
    MLMItem,
    ModelInput,
    ModelOutput,
    ResultStructure,
    ValueScalingZScore,
)
from support import documents
from support.paths import EXAMPLES_DIR


def _same(a: object, b: object) -> bool:
    """Equal as JSON text: same keys in the same order, same number forms (1 is not 1.0), same nulls."""
    return json.dumps(a) == json.dumps(b)


def _own_documents() -> dict[str, dict]:
    found = {name: build() for name, build in documents.SEEDS.items()}
    if EXAMPLES_DIR.is_dir():
        for path in sorted(EXAMPLES_DIR.glob("*.json")):  # the valid examples (invalid/ and errata/ are below)
            if not path.name.endswith(".expected.json"):
                document = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(document, dict) and stac_mlm.SCHEMA_URL in document.get("stac_extensions", []):
                    found[f"examples/{path.relative_to(EXAMPLES_DIR)}"] = document
    return found


@pytest.mark.parametrize("name", sorted(_own_documents()))
def test_own_documents_round_trip(name: str) -> None:
    document = _own_documents()[name]
    original = copy.deepcopy(document)
    parsed = stac_mlm.parse(document)
    assert _same(parsed.to_dict(), document)
    assert document == original, "parse must not modify its input"


@pytest.mark.upstream
def test_official_examples_round_trip(official_examples: dict) -> None:
    checked = 0
    for name, document in official_examples.items():
        if stac_mlm.SCHEMA_URL not in document.get("stac_extensions", []):
            continue  # collection.json (erratum E14): see the next test
        parsed = stac_mlm.parse(document)
        assert isinstance(parsed, MLMItem if document["type"] == "Feature" else MLMCollection), name
        assert _same(parsed.to_dict(), document), name
        checked += 1
    assert checked >= 9


@pytest.mark.upstream
def test_official_collection_without_mlm_url_is_refused_but_classes_read_it(official_examples: dict) -> None:
    document = official_examples["collection.json"]
    with pytest.raises(stac_mlm.MLMValidationError) as raised:
        stac_mlm.parse(document)
    assert [p.path for p in raised.value.problems] == ["/stac_extensions"]
    assert _same(MLMCollection.from_dict(document).to_dict(), document)


def _awkward_item() -> dict:
    """Valid, but hard to keep: unknown keys, explicit nulls, number forms, a colliding key name."""
    item = documents.landcover_item()
    props = item["properties"]
    props["mlm:memory_size"] = 1.0e8  # an integer field holding a float: JSON Schema reads 1e8 as an integer
    props["mlm:accelerator"] = None
    props["mlm:pretrained_source"] = None
    props["custom:nested"] = {"a": [1, 1.0, None, {"b": False}]}
    props["mlm:input"][0]["value_scaling"] = [{"type": "z-score", "mean": 0, "stddev": 1.0, "note": "per band"}]
    props["mlm:input"][0]["norm_type"] = "z-score"  # a retired key: kept as it is
    output = props["mlm:output"][0]
    output["post_processing_function"] = [None, {"format": "python", "expression": "numpy:argmax"}]
    output["classification_classes"] = [{"value": 1, "description": "not the classification:classes field"}]
    item["assets"]["weights"]["file:size"] = 123
    item["zz_last_key"] = None
    return item


def test_awkward_document_round_trips_exactly() -> None:
    item = _awkward_item()
    assert stac_mlm.validate(item) == []
    parsed = stac_mlm.parse(item)
    assert _same(parsed.to_dict(), item)
    output = parsed.properties.mlm_output[0]
    assert output.model_extra["classification_classes"] == item["properties"]["mlm:output"][0]["classification_classes"]
    assert output.classification_classes is not None  # the real `classification:classes` key
    assert len(output.classification_classes) == 3
    assert parsed.properties.mlm_input[0].value_scaling[0].mean == 0
    assert type(parsed.properties.mlm_input[0].value_scaling[0].mean) is int
    assert type(parsed.properties.mlm_memory_size) is float


def test_typed_access() -> None:
    parsed = stac_mlm.parse(documents.landcover_item())
    assert parsed.properties.mlm_tasks == ["segmentation", "semantic-segmentation"]
    assert parsed.properties.mlm_input[0].input.shape == [-1, 4, 256, 256]
    assert parsed.assets["weights"].mlm_artifact_type == "torch.save"
    assert parsed.model_extra["id"] == "s2-landcover-unet"
    collection = stac_mlm.parse(documents.model_collection())
    assert isinstance(collection, MLMCollection)
    assert collection.item_assets["weights"].mlm_accelerator == "cuda"


def test_changes_in_python_are_written_back() -> None:
    parsed = stac_mlm.parse(documents.landcover_item())
    parsed.properties.mlm_batch_size_suggestion = 32
    parsed.properties.mlm_accelerator_count = 2
    out = parsed.to_dict()
    assert out["properties"]["mlm:batch_size_suggestion"] == 32
    assert out["properties"]["mlm:accelerator_count"] == 2
    assert list(out) == list(documents.landcover_item()), "key order is kept"
    assert stac_mlm.validate(out) == []


def test_invalid_document_raises_with_the_problems_of_validate() -> None:
    item = documents.landcover_item()
    del item["assets"]["weights"]["mlm:artifact_type"]
    item["properties"]["mlm:tasks"] = ["fortune-telling"]
    expected = stac_mlm.validate(item)
    assert len(expected) >= 2
    with pytest.raises(stac_mlm.MLMValidationError) as raised:
        stac_mlm.parse(item)
    assert raised.value.problems == expected
    assert isinstance(raised.value, ValueError)
    assert "/properties/mlm:tasks" in str(raised.value)


@pytest.mark.parametrize("document", [[], "text", None, {"type": "Catalog", "id": "c"}])
def test_not_an_item_or_collection_raises_the_same_error(document: object) -> None:
    with pytest.raises(stac_mlm.MLMValidationError) as raised:
        stac_mlm.parse(document)
    [problem] = raised.value.problems
    assert problem.path == ("/type" if isinstance(document, dict) else "")
    if isinstance(document, dict):
        assert "Item" in problem.message


def _model_item() -> MLMItem:
    structure = {"shape": [-1, 4, 64, 64], "dim_order": ["batch", "channel", "height", "width"], "data_type": "float32"}
    return MLMItem(
        properties=ItemProperties(
            mlm_name="Tiny CNN",
            mlm_architecture="CNN",
            mlm_tasks=["classification"],
            mlm_framework="PyTorch",
            mlm_input=[
                ModelInput(
                    name="chip",
                    input=InputStructure(**structure),
                    value_scaling=[ValueScalingZScore(mean=0.5, stddev=0.2)],
                )
            ],
            mlm_output=[
                ModelOutput(
                    name="label",
                    tasks=["classification"],
                    result=ResultStructure(shape=[-1, 10], dim_order=["batch", "class"], data_type="float32"),
                    classification_classes=[{"value": 0, "description": "cloud"}],
                )
            ],
        ),
        assets={
            "model": AssetFields(
                mlm_artifact_type="torch.save", extra_fields={"href": "model.pt", "roles": ["mlm:model"]}
            )
        },
        extra_fields={"id": "tiny-cnn"},
    )


def test_objects_built_in_python_write_a_valid_document() -> None:
    item = _model_item()
    document = item.to_dict()
    assert stac_mlm.validate(document) == [], stac_mlm.validate(document)
    assert item.problems() == []
    assert document["type"] == "Feature"
    held = bundle()
    latest = held.get(held.latest)  # stac_mlm.models holds the latest release's classes (a draft's are apart)
    assert latest is not None and document["stac_extensions"] == [latest.url]
    assert document["properties"]["mlm:input"][0]["value_scaling"] == [{"mean": 0.5, "stddev": 0.2, "type": "z-score"}]
    assert "mlm:accelerator_constrained" not in document["properties"], "defaults that were not set stay out"
    assert document["properties"]["mlm:output"][0]["classification:classes"][0]["value"] == 0
    assert _same(stac_mlm.parse(document).to_dict(), document)


def test_python_objects_reject_values_of_the_wrong_kind() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        InputStructure(shape=[-2], dim_order=["batch"], data_type="float32")  # below -1
    with pytest.raises(ValidationError):
        InputStructure(shape=[1], dim_order=["Batch"], data_type="float32")  # pattern
    with pytest.raises(ValidationError):
        ModelOutput(name="x", tasks=["classification", "classification"], result=None)  # repeated task
    with pytest.raises(ValidationError):
        ItemProperties(
            mlm_name="ok name",
            mlm_architecture="a",
            mlm_tasks=[],
            mlm_input=[],
            mlm_output=[],
            **{"mlm:memory_size": 1.5},
        )


def test_import_is_lazy_and_fast_enough_to_not_load_pydantic() -> None:
    code = "import sys, stac_mlm; print('pydantic' in sys.modules); stac_mlm.parse; print('pydantic' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]
