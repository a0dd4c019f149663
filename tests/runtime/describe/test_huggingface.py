"""describe() on real Hugging Face model folders (card and configs; see tests/fixtures/describe/PROVENANCE.md)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from stac_mlm.describe import DescribeError, describe
from stac_mlm.models import FrameworkEnum, TaskEnum

from .artifacts import FIXTURES, HF_FOLDERS, copy_fixture, official_errors, safetensors_file

yaml = pytest.importorskip("yaml", reason="PyYAML is not installed (pip install 'stac-mlm[hf]')")
SEGFORMER, SMP = "segformer-b0-finetuned-ade-512-512", "smp-unet-pascal-voc"


def _read(name: str, file: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "hf" / name / file).read_text("utf-8"))
    return data


def _front_matter(name: str) -> dict[str, Any]:
    text = (FIXTURES / "hf" / name / "README.md").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text.split("---")[1])
    return data


def test_id2label_becomes_the_output_classes() -> None:
    id2label = _read(SEGFORMER, "config.json")["id2label"]
    (output,) = describe(FIXTURES / "hf" / SEGFORMER).item["properties"]["mlm:output"]
    assert len(output["classification:classes"]) == len(id2label)
    assert {(c["value"], c["description"]) for c in output["classification:classes"]} == {
        (int(k), v.strip()) for k, v in id2label.items()
    }
    assert output["result"]["shape"][:2] == [-1, len(id2label)]


def test_image_processor_gives_input_size_and_scaling() -> None:
    processor = _read(SEGFORMER, "preprocessor_config.json")
    (model_input,) = describe(FIXTURES / "hf" / SEGFORMER).item["properties"]["mlm:input"]
    size = processor["size"]
    assert model_input["input"]["shape"] == [-1, len(processor["image_mean"]), size["height"], size["width"]]
    factor = processor["rescale_factor"]
    for step, mean, std in zip(
        model_input["value_scaling"], processor["image_mean"], processor["image_std"], strict=True
    ):
        assert step["type"] == "z-score"  # (x * factor - mean) / std, as one standardisation of x
        assert math.isclose(step["mean"], mean / factor) and math.isclose(step["stddev"], std / factor)


@pytest.mark.parametrize("name", HF_FOLDERS)
def test_card_gives_tasks_license_and_base_model(name: str) -> None:
    front = _front_matter(name)
    props = describe(FIXTURES / "hf" / name).item["properties"]
    assert props["mlm:tasks"] and set(props["mlm:tasks"]) <= {member.value for member in TaskEnum}
    assert all(
        task.split("-")[-1] in front["pipeline_tag"] or task in front.get("tags", []) for task in props["mlm:tasks"]
    )
    assert props.get("license") == front.get("license")
    assert props.get("mlm:pretrained_source") == front.get("base_model")
    assert props["mlm:framework"] in {member.value for member in FrameworkEnum}


def test_module_hub_mixin_config_gives_channels_and_class_count() -> None:
    config = _read(SMP, "config.json")
    props = describe(FIXTURES / "hf" / SMP).item["properties"]
    assert props["mlm:architecture"] == config["_model_class"]
    assert props["mlm:input"][0]["input"]["shape"][1] == config["in_channels"]
    assert props["mlm:output"][0]["result"]["shape"][1] == config["classes"]
    assert "semantic-segmentation" in props["mlm:tasks"]  # from the card's tags


def test_weights_in_the_folder_give_parameters_and_the_model_asset(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy")
    pytest.importorskip("safetensors")
    folder = copy_fixture("hf", SMP, tmp_path)
    shapes = {"encoder.conv1.weight": (4, 3, 3, 3), "segmentation_head.0.weight": (21, 4, 1, 1)}
    safetensors_file(folder / "model.safetensors", {k: np.ones(s, np.float32) for k, s in shapes.items()})
    found = describe(folder, relative_to=folder)
    assert found.item["properties"]["mlm:total_parameters"] == sum(math.prod(s) for s in shapes.values())
    assert found.item["assets"]["model"]["href"] == "model.safetensors"
    assert found.item["assets"]["model"]["mlm:artifact_type"] == "safetensors.torch.save_file"
    assert "/assets/model/href" not in {entry.path for entry in found.placeholders}


def test_a_folder_with_onnx_library_expects_an_onnx_file() -> None:
    found = describe(FIXTURES / "hf" / SEGFORMER)  # library_name transformers.js: ONNX weights under onnx/
    assert found.item["assets"]["model"]["href"] == "onnx/model.onnx"
    assert "/assets/model/href" in {entry.path for entry in found.placeholders}


@pytest.mark.upstream
@pytest.mark.parametrize("name", HF_FOLDERS)
def test_official_schema_accepts_the_result(name: str, upstream: Path) -> None:
    assert official_errors(describe(FIXTURES / "hf" / name).item) == []


def test_odd_config_values_give_a_valid_draft(tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    config = {"architectures": "x", "num_channels": "3", "id2label": ["a", "b"], "image_size": {"h": 1}}
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    (folder / "README.md").write_text("---\n- not a mapping\n---\ntext\n", encoding="utf-8")
    found = describe(folder)
    assert found.problems == []
    assert "/properties/mlm:input" in {p.path for p in found.placeholders}


def test_front_matter_that_is_not_yaml_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "README.md").write_text("---\nkey: [unclosed\n---\n", encoding="utf-8")
    (folder / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(DescribeError, match=r"README\.md: is not valid YAML"):
        describe(folder)


def test_onnx_weights_give_exact_tensors_and_the_card_the_classes(tmp_path: Path) -> None:
    pytest.importorskip("onnx")
    from onnx import TensorProto, helper

    folder = copy_fixture("hf", SEGFORMER, tmp_path)
    classes = len(_read(SEGFORMER, "config.json")["id2label"])
    (folder / "onnx").mkdir()
    graph = helper.make_graph(
        [helper.make_node("Conv", ["pixel_values", "w"], ["logits"], strides=[4, 4])],
        "segformer-stand-in",
        [helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, ["batch", 3, "height", "width"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", classes, "h", "w"])],
        [helper.make_tensor("w", TensorProto.FLOAT, [classes, 3, 4, 4], [0.0] * (classes * 48))],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    (folder / "onnx" / "model.onnx").write_bytes(model.SerializeToString())
    found = describe(folder, relative_to=folder)
    props = found.item["properties"]
    assert props["mlm:input"][0]["input"]["shape"] == [-1, 3, -1, -1]  # as the graph states it
    assert props["mlm:total_parameters"] == classes * 48
    (output,) = props["mlm:output"]
    assert output["result"]["shape"] == [-1, classes, -1, -1]
    assert len(output["classification:classes"]) == classes and output["tasks"] == props["mlm:tasks"]
    assert "value_scaling" in props["mlm:input"][0]  # from the image processor
    assert found.item["assets"]["model"]["href"] == "onnx/model.onnx"
    assert found.problems == [] and "/assets/model/href" not in {p.path for p in found.placeholders}
