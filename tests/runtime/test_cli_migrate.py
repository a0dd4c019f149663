"""`stac-mlm migrate`: run() on good and bad input (exit codes, outputs, no tracebacks)."""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
from pathlib import Path

import pytest
import stac_mlm
from stac_mlm.cli import migrate as command
from support.legacy import LEGACY_FIXTURES


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="stac-mlm")
    command.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["migrate", *argv])
    return args.run(args)


def test_one_file_to_stdout_with_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.json"
    assert _run(str(LEGACY_FIXTURES / "dlm-beta2-item.jsonc"), "--report", str(report)) == 1  # a placeholder
    out, err = capsys.readouterr()
    assert stac_mlm.validate(json.loads(out)) == []
    assert "DLM" in err and f"valid MLM v{stac_mlm.SPEC_VERSION}, 1 placeholder to fill" in err
    assert "Traceback" not in err
    documents = json.loads(report.read_text())["documents"]
    assert len(documents) == 1 and documents[0]["sources"][0]["family"] == "dlm"
    assert {"repaired", "moved", "converted", "dropped", "assumed"} <= {e["action"] for e in documents[0]["entries"]}


def test_folder_to_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in"
    shutil.copytree(LEGACY_FIXTURES, source)
    assert _run(str(source), "-o", str(tmp_path / "out")) == 1  # some documents hold placeholders
    written = sorted((tmp_path / "out").rglob("*.json*"))
    count = len([p for p in LEGACY_FIXTURES.iterdir() if p.suffix in {".json", ".jsonc"}])
    assert len(written) == count
    for path in written:
        assert stac_mlm.validate(json.loads(path.read_text())) == [], path
    err = capsys.readouterr().err
    assert f"migrated {count} document(s): " in err and "0 still invalid, 0 unusable" in err


def test_ndjson_in_ndjson_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        json.dumps(json.loads((LEGACY_FIXTURES / n).read_text()))
        for n in ("dlm-beta3-item.json", "mlm-v1.4.0-item.json")
    ]
    source = tmp_path / "batch.ndjson"
    source.write_text("\n".join([*lines, "[1, 2]"]) + "\n")
    output = tmp_path / "out.ndjson"
    assert _run(str(source), "-o", str(output)) == 2  # one line is unusable; the others are written
    documents = [json.loads(line) for line in output.read_text().splitlines()]
    assert [d["id"] for d in documents] == ["dlm-beta3-buildings", "snow-v1-4"]
    assert "batch.ndjson:3: expected a JSON object" in capsys.readouterr().err


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = (LEGACY_FIXTURES / "ml-model-v1.0.0-item.json").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert _run("-") == 1  # ml-model does not describe inputs and outputs: placeholders
    assert json.loads(capsys.readouterr().out)["properties"]["mlm:architecture"] == "U-Net"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the input is empty"),
        (b"\x00\x01\x02\x89PNG", "binary data"),
        (b'{"type": "Feature", "properties": {"dlm:inputs": ', "not valid JSON"),
        (b'{"title": "caf\xe9"}', "not UTF-8"),
        (b'{"type": "Catalog", "id": "x"}', "only STAC Items and Collections"),
        (b'"just a string"', "expected a JSON object"),
    ],
)
def test_unusable_input_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert _run(str(path)) == 2
    out, err = capsys.readouterr()
    assert out == "" and message in err and "Traceback" not in err


def test_missing_file_and_empty_folder_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(str(tmp_path / "nope.json")) == 2
    assert _run(str(tmp_path)) == 2
    err = capsys.readouterr().err
    assert "cannot read" in err and "no *.json" in err
