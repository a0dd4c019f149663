"""The command as a separate process: standard input, exit statuses, no tracebacks, `python -m stac_mlm`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import documents
from support.cli import run_process
from support.paths import latest_release

GOOD = json.dumps(documents.landcover_item())
BAD = json.dumps(dict(documents.landcover_item(), stac_extensions="none"))


def _no_traceback(result) -> None:
    assert "Traceback" not in result.err and "Traceback" not in result.out


def test_stdin_one_pretty_document() -> None:
    result = run_process(["validate", "-"], stdin=json.dumps(documents.landcover_item(), indent=2).encode())
    _no_traceback(result)
    assert result.code == 0
    assert result.out.splitlines()[0] == "<stdin>: valid"


def test_stdin_ndjson_is_numbered_by_line() -> None:
    stdin = f"{GOOD}\n\n{BAD}\nnot json\n{GOOD}\n".encode()
    result = run_process(["validate", "--format", "json", "-"], stdin=stdin)
    _no_traceback(result)
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [(r["source"], r["valid"]) for r in records] == [
        ("<stdin>:1", True),
        ("<stdin>:3", False),
        ("<stdin>:4", False),
        ("<stdin>:5", True),
    ]
    assert result.code == 1


@pytest.mark.parametrize(
    ("stdin", "code", "words"),
    [
        (b"", 2, "stac-mlm: <stdin>: is empty: no documents"),
        (b"\n\n", 2, "stac-mlm: <stdin>: is empty: no documents"),
        (b"\xff\xfe{}", 1, "not UTF-8 text"),
        (b"[" * 200_000, 1, "nested too deeply"),
        (GOOD[:-1].encode(), 1, "not valid JSON"),
    ],
)
def test_stdin_bad_input(stdin: bytes, code: int, words: str) -> None:
    result = run_process(["validate", "-"], stdin=stdin)
    _no_traceback(result)
    assert result.code == code
    assert words in result.out + result.err


def test_exit_statuses(tmp_path: Path) -> None:
    (tmp_path / "good.json").write_text(GOOD)
    (tmp_path / "bad.json").write_text(BAD)
    assert run_process(["validate", str(tmp_path / "good.json")]).code == 0
    assert run_process(["validate", str(tmp_path / "bad.json"), str(tmp_path / "good.json")]).code == 1
    missing = run_process(["validate", str(tmp_path / "good.json"), str(tmp_path / "nope.json")])
    assert missing.code == 2
    assert f"{tmp_path / 'nope.json'}: no such file or directory" in missing.err
    usage = run_process(["validate", "--format", "yaml", str(tmp_path)])
    assert usage.code == 2 and "invalid choice" in usage.err
    for result in (missing, usage):
        _no_traceback(result)


def test_schema_command_output_is_the_schema() -> None:
    result = run_process(["schema"])
    assert result.code == 0
    assert json.loads(result.out)["$id"].endswith(f"/mlm/{latest_release()}/schema.json")


def test_output_cut_short_by_the_reader_is_quiet(tmp_path: Path) -> None:
    big = tmp_path / "big.ndjson"
    big.write_text((GOOD + "\n") * 3000)
    import os
    import shlex
    import subprocess
    import sys

    from support.cli import STAC_MLM_SRC

    pipeline = f"{shlex.quote(sys.executable)} -m stac_mlm validate --format json {shlex.quote(str(big))} | head -n 1"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(STAC_MLM_SRC), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(["bash", "-c", pipeline], capture_output=True, env=env, timeout=120)
    assert done.stdout.decode().count("\n") == 1
    assert b"Traceback" not in done.stderr and b"Error" not in done.stderr
