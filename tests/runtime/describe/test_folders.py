"""Honest folders: several models are a clear list (exit 2), a README alone is no Hugging Face folder, a
folder with one model file describes that file, and a Hugging Face cache snapshot keeps the names of its
files and of its repository (not of the blobs its symlinks point at)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from stac_mlm.describe import DescribeError, describe
from support.cli import run

from .artifacts import classifier_onnx, safetensors_file

onnx = pytest.importorskip("onnx", reason="the onnx package is not installed (pip install 'stac-mlm[onnx]')")


def test_a_folder_of_several_models_lists_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = [f"model_{i}.onnx" for i in range(3)]
    for name in names:
        classifier_onnx(tmp_path / name)
    (tmp_path / "README.md").write_text("# Models\n\nSeveral ONNX models.\n", encoding="utf-8")
    done = run(["describe", str(tmp_path)], capsys)
    assert done.code == 2
    assert all(name in done.err for name in names) and "one Item per model" in done.err
    assert "safetensors" not in done.err


def test_a_readme_alone_does_not_make_a_hugging_face_folder(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("---\nlicense: mit\n---\nA folder.\n", encoding="utf-8")
    with pytest.raises(DescribeError, match="no model file found"):
        describe(tmp_path)


def test_a_folder_with_one_model_file_describes_it(tmp_path: Path) -> None:
    model = classifier_onnx(tmp_path / "only.onnx")
    (tmp_path / "README.md").write_text("text\n", encoding="utf-8")
    found = describe(tmp_path)
    assert found.source == "ONNX model"
    assert found.item["assets"]["model"]["href"] == model.as_posix()


def test_a_hugging_face_cache_snapshot_keeps_its_names(tmp_path: Path) -> None:
    import numpy as np

    repository = tmp_path / "hub" / "models--someone--land-cover"
    blobs, snapshot = repository / "blobs", repository / "snapshots" / ("0123abcd" * 5)
    blobs.mkdir(parents=True)
    snapshot.mkdir(parents=True)
    weights = safetensors_file(blobs / ("f" * 64), {"conv.weight": np.zeros((4, 3, 3, 3), np.float32)})
    (blobs / ("e" * 64)).write_text(json.dumps({"architectures": ["UNet"], "num_channels": 3}), encoding="utf-8")
    os.symlink(os.path.relpath(weights, snapshot), snapshot / "model.safetensors")
    os.symlink(os.path.relpath(blobs / ("e" * 64), snapshot), snapshot / "config.json")
    found = describe(snapshot, relative_to=snapshot)
    assert found.item["assets"]["model"]["href"] == "model.safetensors"
    assert found.item["properties"]["mlm:name"] == "land-cover"
    assert found.item["id"] == "land-cover"
    assert found.item["properties"]["mlm:total_parameters"] == 4 * 3 * 3 * 3


def test_a_snapshot_link_leaving_the_cache_entry_is_refused(tmp_path: Path) -> None:
    import numpy as np

    outside = safetensors_file(tmp_path / "elsewhere.safetensors", {"w": np.zeros(3, np.float32)})
    snapshot = tmp_path / "models--a--b" / "snapshots" / "c0ffee"
    snapshot.mkdir(parents=True)
    os.symlink(outside, snapshot / "model.safetensors")
    with pytest.raises(DescribeError, match="outside"):
        describe(snapshot)
