"""describe() on ONNX files built here with the onnx helper API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stac_mlm.describe import DescribeError, describe
from stac_mlm.models import ArtifactTypeEnum, DataTypeEnum, FrameworkEnum

from .artifacts import classifier_onnx, classifier_parameters, official_errors

onnx = pytest.importorskip("onnx", reason="the onnx package is not installed (pip install 'stac-mlm[onnx]')")


#: One name per class of the classifier's output (its size is read from the graph in the tests).
LABELS = [f"class {chr(ord('a') + i)}" for i in range(10)]


@pytest.fixture
def classifier(tmp_path: Path) -> Path:
    return classifier_onnx(tmp_path / "classifier.onnx", labels=json.dumps(dict(enumerate(LABELS))))


def test_inputs_outputs_and_parameters_come_from_the_graph(classifier: Path) -> None:
    props = describe(classifier).item["properties"]
    (model_input,) = props["mlm:input"]
    (output,) = props["mlm:output"]
    assert model_input["name"] == "image"  # the weights (initializers) are not inputs
    assert model_input["input"] == {
        "shape": [-1, 3, 32, 32],  # the symbolic batch dimension is -1
        "dim_order": ["batch", "channel", "height", "width"],
        "data_type": DataTypeEnum.float32.value,
    }
    assert output["name"] == "logits"
    assert output["result"]["shape"] == [-1, 10]
    assert props["mlm:total_parameters"] == classifier_parameters()  # the int64 shape constant is no parameter


def test_framework_spelling_comes_from_the_model_and_version_from_the_opset(tmp_path: Path) -> None:
    props = describe(classifier_onnx(tmp_path / "m.onnx", opset=17)).item["properties"]
    assert props["mlm:framework"] in {member.value for member in FrameworkEnum}
    assert props["mlm:framework"].lower() == "onnx"
    releases = [row for row in onnx.helper.VERSION_TABLE if row[2] >= 17]
    assert props["mlm:framework_version"] == releases[0][0]


def test_label_map_in_the_metadata_becomes_classes(classifier: Path) -> None:
    (output,) = describe(classifier).item["properties"]["mlm:output"]
    assert len(LABELS) == output["result"]["shape"][-1]
    assert output["classification:classes"] == [
        {"value": index, "name": name, "description": name} for index, name in enumerate(LABELS)
    ]


def test_a_label_list_of_another_length_than_the_classes_is_not_attached(tmp_path: Path) -> None:
    path = classifier_onnx(tmp_path / "m.onnx", labels=json.dumps(LABELS[:2]))
    found = describe(path)
    assert "classification:classes" not in found.item["properties"]["mlm:output"][0]
    assert any("lists 2 names" in note.detail for note in found.assumed)


def test_a_python_literal_label_map_is_read_too(tmp_path: Path) -> None:
    literal = "{" + ", ".join(f"{i}: '{name}'" for i, name in enumerate(LABELS)) + "}"
    path = classifier_onnx(tmp_path / "yolo.onnx", labels=literal)
    model = onnx.load(str(path))
    del model.metadata_props[:]
    onnx.helper.set_model_props(model, {"names": literal})
    onnx.save(model, str(path))
    (output,) = describe(path).item["properties"]["mlm:output"]
    assert [c["name"] for c in output["classification:classes"]] == LABELS


def test_fixed_batch_stays_fixed(tmp_path: Path) -> None:
    props = describe(classifier_onnx(tmp_path / "m.onnx", batch=4)).item["properties"]
    assert props["mlm:input"][0]["input"]["shape"][0] == 4


def test_model_asset_points_at_the_file(classifier: Path) -> None:
    found = describe(classifier)
    asset = found.item["assets"]["model"]
    assert asset["href"] == classifier.as_posix()
    assert "mlm:model" in asset["roles"]
    assert asset["mlm:artifact_type"]
    assert "onnx" in asset["type"]
    assert not any(p.path.startswith("/assets") for p in found.placeholders)
    assert describe(classifier, relative_to=classifier.parent).item["assets"]["model"]["href"] == classifier.name


def test_artifact_type_agrees_with_migrate(classifier: Path) -> None:
    from stac_mlm.vocab import artifact_type_for

    assert describe(classifier).item["assets"]["model"]["mlm:artifact_type"] == artifact_type_for(".onnx")
    assert artifact_type_for(".pt2") in {member.value for member in ArtifactTypeEnum}


def test_result_is_valid_and_lists_what_is_left(classifier: Path) -> None:
    found = describe(classifier)
    assert found.problems == []
    left = {entry.path for entry in found.placeholders}
    assert {"/geometry", "/properties/datetime", "/properties/mlm:tasks", "/properties/mlm:architecture"} <= left
    assert "/properties/mlm:input/0/bands" in left  # three channels, names unknown
    assert not found.complete


@pytest.mark.upstream
def test_official_schema_accepts_the_result(classifier: Path, upstream: Path) -> None:
    assert official_errors(describe(classifier).item) == []


def test_a_file_that_is_not_onnx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.onnx"
    path.write_bytes(b"\x00\x01 not a protobuf")
    with pytest.raises(DescribeError, match="not a readable ONNX model"):
        describe(path)


def test_a_non_tensor_output_is_left_to_fill(tmp_path: Path) -> None:
    from onnx import TensorProto, helper

    sequence = helper.make_tensor_sequence_value_info("boxes", TensorProto.FLOAT, None)
    graph = helper.make_graph(
        [helper.make_node("SequenceConstruct", ["image"], ["boxes"])],
        "sequences",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 3, 8, 8])],
        [sequence],
    )
    path = tmp_path / "sequences.onnx"
    onnx.save(helper.make_model(graph), str(path))
    found = describe(path)
    assert found.item["properties"]["mlm:input"][0]["name"] == "image"
    assert "/properties/mlm:output" in {p.path for p in found.placeholders}


def test_a_filled_item_passes_stac_core_1_1_as_pystac_checks_it(tmp_path: Path) -> None:
    """STAC 1.1's Item schema (bundled with pystac, checked offline) accepts ``properties.bands`` only when an
    asset has ``bands`` too: describe puts the band list on the model asset as well."""
    pystac = pytest.importorskip("pystac", reason="pystac is not installed (pip install 'stac-mlm[pystac]')")
    from pystac.validation import RegisteredValidator

    filled = describe(
        classifier_onnx(tmp_path / "m.onnx"),
        geometry={"type": "Point", "coordinates": [5.0, 45.0]},
        datetime="2024-05-01T00:00:00Z",
        **{"properties.mlm:input.0.bands": ["B04", "B03", "B02"]},
    ).item
    assert filled["assets"]["model"]["bands"] == filled["properties"]["bands"]
    validator = RegisteredValidator.get_validator()
    validator.validate_core(filled, pystac.STACObjectType.ITEM, filled["stac_version"])
    without = json.loads(json.dumps(filled))
    del without["assets"]["model"]["bands"]
    with pytest.raises(pystac.errors.STACValidationError):
        validator.validate_core(without, pystac.STACObjectType.ITEM, without["stac_version"])
