"""`stac-mlm check` and `stac_mlm.check`: an Item drafted by describe agrees with its file; each tampered
field is reported; the official examples' tensor declarations agree with ONNX files built to match them."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import stac_mlm
from stac_mlm.check import CheckError
from stac_mlm.describe import describe
from support.cli import run

from .artifacts import classifier_onnx
from .hostile import pt2

onnx = pytest.importorskip("onnx", reason="the onnx package is not installed (pip install 'stac-mlm[onnx]')")


@pytest.fixture
def drafted(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    model = classifier_onnx(tmp_path / "classifier.onnx")
    return model, describe(model, relative_to=tmp_path).item


def _write(tmp_path: Path, item: dict[str, Any]) -> Path:
    path = tmp_path / "item.json"
    path.write_text(json.dumps(item), encoding="utf-8")
    return path


def test_describe_output_agrees_with_its_file(
    tmp_path: Path, drafted: tuple[Path, dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    model, item = drafted
    assert stac_mlm.check(item, model).agrees
    done = run(["check", str(_write(tmp_path, item))], capsys)  # the model found through the asset's href
    assert done.code == 0, done.out + done.err
    assert "agrees with" in done.err


def _tampered(item: dict[str, Any], field: str) -> dict[str, Any]:
    changed = copy.deepcopy(item)
    props, asset = changed["properties"], changed["assets"]["model"]
    if field == "shape":
        props["mlm:input"][0]["input"]["shape"][1] += 1
    elif field == "rank":
        props["mlm:output"][0]["result"]["shape"].append(7)
    elif field == "data_type":
        props["mlm:input"][0]["input"]["data_type"] = "uint8"
    elif field == "name":
        props["mlm:output"][0]["name"] = "not-there"
    elif field == "file:checksum":
        asset["file:checksum"] = asset["file:checksum"][:-4] + "0000"
    elif field == "file:size":
        asset["file:size"] += 1
    elif field == "mlm:total_parameters":
        props["mlm:total_parameters"] += 1
    elif field == "mlm:artifact_type":
        asset["mlm:artifact_type"] = "torch.save"
    return changed


FIELDS = [
    "shape",
    "rank",
    "data_type",
    "name",
    "file:checksum",
    "file:size",
    "mlm:total_parameters",
    "mlm:artifact_type",
]


@pytest.mark.parametrize("field", FIELDS)
def test_each_tampered_field_is_one_disagreement(
    tmp_path: Path, drafted: tuple[Path, dict[str, Any]], field: str, capsys: pytest.CaptureFixture[str]
) -> None:
    model, item = drafted
    found = stac_mlm.check(_tampered(item, field), model)
    assert len(found.disagreements) == 1, found.disagreements
    leaf = field if field not in ("rank", "name") else {"rank": "shape", "name": "name"}[field]
    assert found.disagreements[0].path.endswith(leaf) or field == "name"
    done = run(["check", str(_write(tmp_path, _tampered(item, field))), "--model", str(model)], capsys)
    assert done.code == 1
    assert len(done.out.strip().splitlines()) == 1


def test_a_wildcard_on_either_side_agrees(drafted: tuple[Path, dict[str, Any]]) -> None:
    model, item = drafted
    fixed = copy.deepcopy(item)
    fixed["properties"]["mlm:input"][0]["input"]["shape"][0] = 16  # the file lets the batch vary
    fixed["properties"]["mlm:input"][0]["input"]["shape"][2] = -1  # the Item lets the height vary
    assert stac_mlm.check(fixed, model).agrees


def test_unusable_inputs_are_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    item = tmp_path / "item.json"
    item.write_text("{not json", encoding="utf-8")
    done = run(["check", str(item), "--model", str(tmp_path / "none.onnx")], capsys)
    assert done.code == 2 and "item.json" in done.err
    with pytest.raises(CheckError, match="no asset with the role"):
        stac_mlm.check({"properties": {}, "assets": {}}, tmp_path / "none.onnx")
    pt2(tmp_path / "evil.pt2", extra={"data/aotinductor/m/model.so": b"\x7fELF"})
    good = {"properties": {}, "assets": {"model": {"href": "evil.pt2", "roles": ["mlm:model"]}}}
    done = run(["check", str(_write(tmp_path, good))], capsys)
    assert done.code == 2 and "native code" in done.err


def _onnx_like(declared: dict[str, Any], path: Path) -> Path:
    """An ONNX file whose graph inputs and outputs have the names, shapes and data types an Item declares
    (-1 written as a named dynamic axis); outputs come from int64 Constant nodes (no parameters)."""
    import numpy as np
    from onnx import helper, numpy_helper

    def info(tensor: dict[str, Any], key: str) -> Any:
        structure = tensor[key]
        element = helper.np_dtype_to_tensor_dtype(np.dtype(structure["data_type"]))
        dims = [d if d != -1 else f"axis_{i}" for i, d in enumerate(structure["shape"])]
        return helper.make_tensor_value_info(tensor["name"], element, dims)

    props = declared["properties"]
    outputs = [info(t, "result") for t in props["mlm:output"]]
    nodes = [
        helper.make_node("Constant", [], [t["name"]], value=numpy_helper.from_array(np.zeros(1, np.int64)))
        for t in props["mlm:output"]
    ]
    graph = helper.make_graph(nodes, "declared", [info(t, "input") for t in props["mlm:input"]], outputs)
    onnx.save(helper.make_model(graph), str(path))
    return path


@pytest.mark.upstream
def test_official_examples_agree_with_files_built_from_their_declarations(
    tmp_path: Path, official_examples: dict[str, Any]
) -> None:
    """Where the example's data types exist in numpy; parameters, file facts and the artifact type are the
    example's own model file's, which is not available: they are left out of the comparison."""
    checked = 0
    for name, example in official_examples.items():
        if example.get("type") != "Feature":
            continue
        item = copy.deepcopy(example)
        item["properties"].pop("mlm:total_parameters", None)
        for asset in item["assets"].values():
            for key in ("file:size", "file:checksum", "mlm:artifact_type"):
                asset.pop(key, None)
        model = _onnx_like(item, tmp_path / f"{Path(name).stem}.onnx")
        found = stac_mlm.check(item, model)
        assert found.agrees, (name, found.disagreements)
        tampered = copy.deepcopy(item)
        tampered["properties"]["mlm:input"][0]["input"]["data_type"] = "cfloat64"
        assert not stac_mlm.check(tampered, model).agrees
        checked += 1
    assert checked
