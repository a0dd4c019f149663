"""Hostile ``.pt2`` archives: describe reads them as data and refuses what torch would execute.

Each attack runs the command line in a child process under an address-space cap (``prlimit``) and
asserts: exit status 2, one line naming the file and the reason, no code ran (the marker file is absent),
nothing was written beside the archive, no traceback or "internal error"."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from stac_mlm import reading
from stac_mlm.describe import DescribeError, describe

from .hostile import evil_pickle, listing, program, pt2, run_capped

pytestmark = pytest.mark.skipif(shutil.which("prlimit") is None, reason="prlimit (util-linux) is not installed")


def _attack(tmp_path: Path, archive: Path, reason: str) -> None:
    marker = tmp_path / "marker"
    before = listing(tmp_path)
    done = run_capped(["describe", str(archive)], cwd=tmp_path)
    assert done.code == 2, done.err
    lines = done.err.strip().splitlines()
    assert len(lines) == 1, done.err
    assert str(archive) in lines[0] and reason in lines[0], lines[0]
    assert "Traceback" not in done.err and "internal error" not in done.err
    assert not marker.exists(), "code from the archive ran"
    assert listing(tmp_path) == before
    assert done.out == ""


def test_a_well_formed_archive_is_read_without_torch(tmp_path: Path) -> None:
    found = describe(pt2(tmp_path / "tiny.pt2"))
    props = found.item["properties"]
    weight = program()["graph_module"]["graph"]["tensor_values"]["p_fc_weight"]
    rows, columns = (s["as_int"] for s in weight["sizes"])
    assert props["mlm:total_parameters"] == rows * columns
    assert props["mlm:input"][0]["input"]["shape"] == [-1, columns]  # the symbolic batch varies
    assert props["mlm:output"][0]["result"]["shape"] == [-1, rows]
    assert props["mlm:framework_version"] == program()["torch_version"].split("+")[0] + "+cpu"
    assert props["mlm:architecture"] == "Tiny"
    assert found.item["assets"]["model"]["mlm:artifact_type"] == "torch.export.save"


def test_pickled_weights_are_refused(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    config = {"config": {"fc.weight": {"path_name": "weight_1", "is_param": True, "use_pickle": True}}}
    archive = pt2(tmp_path / "pickled.pt2", weights_config=config, extra={"data/weights/weight_1": evil_pickle(marker)})
    _attack(tmp_path, archive, "use_pickle")


@pytest.mark.parametrize("name", ["opaque_obj_0", "custom_obj_0"])
def test_object_constants_are_refused(tmp_path: Path, name: str) -> None:
    archive = pt2(tmp_path / "objects.pt2", extra={f"data/constants/{name}": evil_pickle(tmp_path / "marker")})
    _attack(tmp_path, archive, "pickled custom object")


def test_an_aotinductor_library_is_refused(tmp_path: Path) -> None:
    archive = pt2(tmp_path / "aoti.pt2", extra={"data/aotinductor/model/model.so": b"\x7fELF fake library"})
    _attack(tmp_path, archive, "native code")


def test_pickled_sample_inputs_are_never_loaded(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    archive = pt2(tmp_path / "samples.pt2", extra={"data/sample_inputs/model.pt": evil_pickle(marker)})
    done = run_capped(["describe", str(archive), "-o", str(tmp_path / "item.json")], cwd=tmp_path)
    assert done.code == 1, done.err  # described; placeholders left
    assert not marker.exists()


@pytest.mark.parametrize("name", ["!../escape.json", "!/tmp/absolute.json", "!top/../../escape.json"])
def test_unsafe_entry_paths_are_refused(tmp_path: Path, name: str) -> None:
    archive = pt2(tmp_path / "traversal.pt2", extra={name: b"{}"})
    _attack(tmp_path, archive, "unsafe path")
    assert not (tmp_path.parent / "escape.json").exists()


def test_a_zip_bomb_program_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    bomb = b" " * (reading.MAX_ZIP_ENTRY + 1)  # compresses to a few hundred KiB
    archive = tmp_path / "bomb.pt2"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("bomb/archive_format", "pt2")
        out.writestr("bomb/models/model.json", bomb)
    assert archive.stat().st_size < len(bomb) // 100
    _attack(tmp_path, archive, "more than the cap")


def test_an_entry_inflating_past_its_declared_size_is_stopped(tmp_path: Path) -> None:
    archive = pt2(tmp_path / "liar.pt2")
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as source:
        info = source.getinfo("liar/models/model.json")
    declared = info.file_size.to_bytes(4, "little")
    data = data.replace(declared + declared, (5).to_bytes(4, "little") * 2)  # stored entry: sizes side by side
    archive.write_bytes(bytes(data))
    with pytest.raises(DescribeError, match=r"liar\.pt2"):
        describe(archive)


def test_entry_count_and_declared_size_caps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = pt2(tmp_path / "many.pt2", extra={f"extra/{i}": b"x" for i in range(20)})
    monkeypatch.setattr(reading, "MAX_ZIP_ENTRIES", 10)
    with pytest.raises(DescribeError, match="more than the cap of 10"):
        describe(archive)
    monkeypatch.setattr(reading, "MAX_ZIP_ENTRIES", 100)
    monkeypatch.setattr(reading, "MAX_ZIP_TOTAL", 16)
    with pytest.raises(DescribeError, match="uncompressed, more than the cap"):
        describe(archive)


def test_a_deeply_nested_program_is_refused(tmp_path: Path) -> None:
    archive = pt2(tmp_path / "deep.pt2", model=b"[" * 200_000 + b"]" * 200_000)
    _attack(tmp_path, archive, "nested deeper")


@pytest.mark.parametrize(
    "model",
    [
        {"graph_module": {"graph": {"nodes": 5}, "signature": []}},
        {
            "graph_module": {
                "graph": {"tensor_values": {"x": {"dtype": "float", "sizes": "abc"}}},
                "signature": {"input_specs": [{"user_input": {"arg": {"as_tensor": {"name": "x"}}}}]},
            }
        },
        {"graph_module": {"graph": {}, "signature": {"input_specs": [{"user_input": 1}]}}},
    ],
    ids=["odd-nodes", "odd-meta", "odd-spec"],
)
def test_odd_typed_programs_are_clear_errors(tmp_path: Path, model: dict[str, object]) -> None:
    archive = pt2(tmp_path / "odd.pt2", model=json.dumps(model).encode())
    _attack(tmp_path, archive, "odd.pt2")


def test_weights_shorter_than_their_shape_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DescribeError, match="stored data"):
        describe(pt2(tmp_path / "short.pt2", weight_bytes=4))


def test_describe_never_imports_torch_without_the_opt_in(tmp_path: Path) -> None:
    import subprocess
    import sys

    from support.cli import STAC_MLM_SRC

    code = "import sys, stac_mlm; stac_mlm.describe(sys.argv[1]); print('torch' in sys.modules)"
    archive = pt2(tmp_path / "tiny.pt2")
    env = {"PYTHONPATH": str(STAC_MLM_SRC), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code, str(archive)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_unsafe_entry_paths_are_refused_even_with_trust_code(tmp_path: Path) -> None:
    archive = pt2(tmp_path / "traversal.pt2", extra={"!../escape.json": b"{}"})
    with pytest.raises(DescribeError, match="unsafe path"):
        describe(archive, trust_code=True)
