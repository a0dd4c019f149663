"""Hostile model folders and files other than ``.pt2``: YAML bombs in a model card, huge ONNX metadata,
deep or odd-typed configs, symlinks out of the folder, empty files and FIFOs. Each is exit 2 with one line
naming the file and the reason, in bounded memory (``prlimit``), writing nothing."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from stac_mlm.describe import DescribeError, describe

from .artifacts import classifier_onnx
from .hostile import listing, run_capped

pytestmark = pytest.mark.skipif(shutil.which("prlimit") is None, reason="prlimit (util-linux) is not installed")
onnx = pytest.importorskip("onnx", reason="the onnx package is not installed (pip install 'stac-mlm[onnx]')")


def _refused(tmp_path: Path, target: Path, reason: str) -> None:
    before = listing(tmp_path)
    done = run_capped(["describe", str(target)], cwd=tmp_path)
    assert done.code == 2, done.err
    lines = done.err.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0], done.err
    assert "Traceback" not in done.err and "internal error" not in done.err
    assert listing(tmp_path) == before


def _hf_folder(tmp_path: Path, card: str, config: str = "{}") -> Path:
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "README.md").write_text(card, encoding="utf-8")
    (folder / "config.json").write_text(config, encoding="utf-8")
    return folder


def test_a_billion_laughs_model_card_is_refused(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}" + f",*{chr(97 + i)}" * 8 + "]" for i in range(8)]
    folder = _hf_folder(tmp_path, "---\n" + "\n".join(lines) + "\n---\nA model.\n")
    _refused(tmp_path, folder, "YAML alias")


def test_deep_configs_are_refused(tmp_path: Path) -> None:
    folder = _hf_folder(tmp_path, "text\n", config='{"a":' * 100_000 + "1" + "}" * 100_000)
    _refused(tmp_path, folder, "nested deeper")


def test_odd_typed_configs_are_read_or_refused_never_a_crash(tmp_path: Path) -> None:
    config = {"num_channels": "three", "id2label": [1, 2], "architectures": 5, "image_size": {"height": "x"}}
    card = "---\ntags: 5\nlicense: [1]\nbase_model: {a: 1}\npipeline_tag: [x]\n---\n"
    folder = _hf_folder(tmp_path, card, json.dumps(config))
    done = run_capped(["describe", str(folder)], cwd=tmp_path)
    assert done.code in (1, 2), done.err
    assert "Traceback" not in done.err and "internal error" not in done.err


def test_monai_metadata_of_odd_types(tmp_path: Path) -> None:
    configs = tmp_path / "bundle" / "configs"
    configs.mkdir(parents=True)
    metadata = {"network_data_format": {"inputs": {"image": {"num_channels": [], "spatial_shape": "x"}}}, "task": 7}
    (configs / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    done = run_capped(["describe", str(tmp_path / "bundle")], cwd=tmp_path)
    assert done.code in (1, 2), done.err
    assert "Traceback" not in done.err and "internal error" not in done.err


def test_huge_onnx_metadata_stays_in_bounded_memory(tmp_path: Path) -> None:
    path = classifier_onnx(tmp_path / "meta.onnx")
    model = onnx.load(str(path))
    literal = "{" + "0: 'a', " * 4_000_000 + "}"  # ast.literal_eval took GiBs on such a value
    onnx.helper.set_model_props(model, {"names": literal, "labels": "[" * 100_000})
    onnx.save(model, str(path))
    done = run_capped(["describe", str(path), "-o", str(tmp_path / "item.json")], cwd=tmp_path)
    assert done.code == 1, done.err
    assert "Traceback" not in done.err


def test_a_symlink_leaving_the_model_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "secret.json"
    outside.write_text('{"num_channels": 3}', encoding="utf-8")
    folder = _hf_folder(tmp_path, "text\n")
    (folder / "config.json").unlink()
    os.symlink(outside, folder / "config.json")
    _refused(tmp_path, folder, "outside")


def test_an_empty_onnx_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.onnx").write_bytes(b"")
    _refused(tmp_path, tmp_path / "empty.onnx", "empty")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_like_a_model_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "model.onnx")
    _refused(tmp_path, tmp_path / "model.onnx", "FIFO")


def _with_initializer(tmp_path: Path, dims: list[int], values: int) -> Path:
    path = classifier_onnx(tmp_path / "lying.onnx")
    model = onnx.load(str(path))
    tensor = model.graph.initializer[0]
    del tensor.dims[:]
    tensor.dims.extend(dims)
    tensor.raw_data = b"\0" * (4 * values)
    onnx.save(model, str(path))
    return path


@pytest.mark.parametrize(
    ("dims", "values", "reason"),
    [([2**20, 2**20], 8, "declares dims"), ([-5, 8], 8, "negative dimension"), ([4, 4], 8, "stores 8")],
    ids=["absurd", "negative", "mismatch"],
)
def test_tensors_whose_dims_do_not_match_their_data_are_refused(
    tmp_path: Path, dims: list[int], values: int, reason: str
) -> None:
    with pytest.raises(DescribeError, match=reason):
        describe(_with_initializer(tmp_path, dims, values))


def test_an_impossible_input_dimension_is_refused(tmp_path: Path) -> None:
    path = classifier_onnx(tmp_path / "wide.onnx", batch=2**40)
    with pytest.raises(DescribeError, match="impossible dimension size"):
        describe(path)


def test_a_deep_overrides_file_is_refused(tmp_path: Path) -> None:
    path = classifier_onnx(tmp_path / "m.onnx")
    overrides = tmp_path / "o.yaml"
    overrides.write_text("a:\n" + "".join("  " * i + " - \n" for i in range(1, 2000)), encoding="utf-8")
    done = run_capped(["describe", str(path), "--overrides", str(overrides)], cwd=tmp_path)
    assert done.code == 2, done.err
    assert "o.yaml" in done.err and "Traceback" not in done.err
