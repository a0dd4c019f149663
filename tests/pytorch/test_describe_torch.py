"""describe_torch() on live modules and describe() on the torch.export archives (.pt2) they are saved to.

Runs in `nox -s tests_torch` (PyTorch installed with pip, the CPU build)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

torch = pytest.importorskip("torch", reason="PyTorch is not installed (nox -s tests_torch installs it)")

from runtime.describe.artifacts import official_errors  # noqa: E402
from stac_mlm.describe import DescribeError, describe, describe_torch  # noqa: E402
from stac_mlm.models import ArtifactTypeEnum, DataTypeEnum, FrameworkEnum  # noqa: E402

from .models import FixedBatch, TinyClassifier, TwoHeads, parameters  # noqa: E402

EXAMPLE = (2, 3, 16, 16)


@pytest.fixture
def classifier() -> TinyClassifier:
    torch.manual_seed(0)
    return TinyClassifier().eval()


def test_shapes_types_and_parameters_of_a_live_module(classifier: TinyClassifier) -> None:
    example = torch.randn(*EXAMPLE)
    expected = classifier(example)
    props = describe_torch(classifier, example).item["properties"]
    (model_input,) = props["mlm:input"]
    (output,) = props["mlm:output"]
    assert model_input["name"] == "x"  # the forward argument
    assert model_input["input"]["shape"] == [-1, *EXAMPLE[1:]]  # the batch may vary
    assert model_input["input"]["data_type"] == DataTypeEnum.float32.value
    assert output["result"]["shape"] == [-1, *expected.shape[1:]]
    assert output["result"]["data_type"] == str(expected.dtype).removeprefix("torch.")
    assert props["mlm:total_parameters"] == parameters(classifier)  # weights, not the batch-norm buffers
    assert props["mlm:architecture"] == type(classifier).__name__
    assert props["mlm:framework"] in {member.value for member in FrameworkEnum}
    assert props["mlm:framework_version"] == torch.__version__


def test_saved_archive_describes_the_same(tmp_path: Path, classifier: TinyClassifier) -> None:
    path = tmp_path / "classifier.pt2"
    live = describe_torch(classifier, torch.randn(*EXAMPLE), path=path)
    assert path.is_file()
    archived = describe(path)
    for key in ("mlm:input", "mlm:output", "mlm:total_parameters", "mlm:architecture", "mlm:framework_version"):
        assert archived.item["properties"][key] == live.item["properties"][key], key
    asset = archived.item["assets"]["model"]
    assert asset["href"] == path.as_posix()
    assert asset["mlm:artifact_type"] in {member.value for member in ArtifactTypeEnum}
    assert asset["mlm:artifact_type"].startswith("torch.export")
    assert "/assets/model/href" not in {entry.path for entry in archived.placeholders}


def test_without_a_path_the_model_href_is_a_placeholder(classifier: TinyClassifier) -> None:
    found = describe_torch(classifier, torch.randn(*EXAMPLE))
    assert "/assets/model/href" in {entry.path for entry in found.placeholders}
    assert found.problems == []


def test_fixed_batch_when_asked_or_when_the_module_needs_it(classifier: TinyClassifier) -> None:
    fixed = describe_torch(classifier, torch.randn(*EXAMPLE), dynamic_batch=False).item["properties"]
    assert fixed["mlm:input"][0]["input"]["shape"][0] == EXAMPLE[0]
    needs_two = describe_torch(FixedBatch(), torch.randn(2, 6)).item["properties"]
    assert needs_two["mlm:input"][0]["input"]["shape"] == [2, 6]


def test_several_inputs_and_outputs() -> None:
    module = TwoHeads().eval()
    image, tokens = torch.randn(2, 2, 4, 4), torch.randint(0, 100, (2, 7))
    expected = module(image, tokens)
    props = describe_torch(module, (image, tokens)).item["properties"]
    assert [t["name"] for t in props["mlm:input"]] == ["image", "tokens"]
    assert props["mlm:input"][1]["input"]["data_type"] == DataTypeEnum.int64.value
    assert [t["result"]["shape"][1:] for t in props["mlm:output"]] == [list(e.shape[1:]) for e in expected]
    assert len({t["name"] for t in props["mlm:output"]}) == len(expected)


def test_safetensors_of_a_state_dict_count_the_parameters(tmp_path: Path, classifier: TinyClassifier) -> None:
    safetensors_torch = pytest.importorskip("safetensors.torch")
    path = tmp_path / "weights.safetensors"
    safetensors_torch.save_file(classifier.state_dict(), str(path))  # includes the batch-norm buffers
    props = describe(path).item["properties"]
    assert props["mlm:total_parameters"] == parameters(classifier)
    assert math.prod(EXAMPLE) > 0


def test_filled_item_is_complete_and_official(tmp_path: Path, classifier: TinyClassifier, upstream: Path) -> None:
    found = describe_torch(
        classifier,
        torch.randn(*EXAMPLE),
        path=tmp_path / "classifier.pt2",
        relative_to=tmp_path,
        geometry=None,
        datetime="2024-05-01T00:00:00Z",
        mlm_tasks=["classification"],
        **{"properties.mlm:input.0.bands": ["red", "green", "blue"]},
    )
    assert found.complete, [str(e) for e in found.placeholders] + [str(p) for p in found.problems]
    assert found.item["assets"]["model"]["href"] == "classifier.pt2"
    assert official_errors(found.item) == []


def test_not_a_module_is_refused() -> None:
    with pytest.raises(DescribeError, match=r"torch\.nn\.Module"):
        describe_torch(lambda x: x, torch.randn(1))


def test_a_file_that_is_not_an_archive_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pt2"
    path.write_bytes(b"not a zip archive")
    with pytest.raises(DescribeError, match=r"not a readable zip archive"):
        describe(path)


def test_the_archive_read_as_data_agrees_with_torch_export_load(tmp_path: Path) -> None:
    """describe's own reader (no torch) and the trusted path (torch.export.load) state the same program;
    the framework version is the one the archive records."""
    import json
    import zipfile

    module = TwoHeads().eval()
    path = tmp_path / "two-heads.pt2"
    describe_torch(module, (torch.randn(2, 2, 4, 4), torch.randint(0, 100, (2, 7))), path=path)
    as_data = describe(path).item["properties"]
    trusted = describe(path, trust_code=True).item["properties"]
    for key in ("mlm:input", "mlm:output", "mlm:total_parameters", "mlm:architecture", "mlm:framework_version"):
        assert as_data[key] == trusted[key], key
    with zipfile.ZipFile(path) as archive:
        program = json.loads(archive.read(next(n for n in archive.namelist() if n.endswith("models/model.json"))))
    assert as_data["mlm:framework_version"] == program["torch_version"]


def test_torchscript_is_described_without_loading_and_counted_with_trust(tmp_path: Path) -> None:
    module = torch.jit.script(TwoHeads().eval())
    path = tmp_path / "two-heads.jit"
    torch.jit.save(module, str(path))
    found = describe(path)
    props = found.item["properties"]
    assert props["mlm:architecture"] == TwoHeads.__name__
    assert found.item["assets"]["model"]["mlm:artifact_type"] == ArtifactTypeEnum.torchFULL_STOPjitFULL_STOPsave.value
    assert "mlm:total_parameters" not in props
    assert any("forward(image, tokens)" in note.detail for note in found.assumed)
    counted = describe(path, trust_code=True).item["properties"]["mlm:total_parameters"]
    assert counted == sum(p.numel() for p in module.parameters())
