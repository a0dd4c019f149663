"""stac-mlm command line: output formats, exit statuses, input order, parallel runs, schema, subcommands."""

from __future__ import annotations

import io
import json
import sys
import types
from pathlib import Path

import pytest
from stac_mlm import SCHEMA_URL, validate
from stac_mlm._schema import schema_text
from support import documents
from support.cli import run, write_ndjson


def _invalid() -> dict:
    item = documents.landcover_item()
    del item["properties"]["mlm:name"]
    item["properties"]["mlm:tasks"] = ["guessing"]
    return item


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.json").write_text(json.dumps(documents.landcover_item()))
    (tmp_path / "bad.json").write_text(json.dumps(_invalid()))
    return tmp_path


def test_valid_file_exits_0_and_text_says_so(folder: Path, capsys) -> None:
    result = run(["validate", str(folder / "good.json")], capsys)
    assert result.code == 0
    assert result.out.splitlines() == [f"{folder / 'good.json'}: valid", "1 document checked: 1 valid, 0 invalid"]
    assert result.err == ""


def test_invalid_file_exits_1_with_path_and_plain_message(folder: Path, capsys) -> None:
    result = run(["validate", str(folder / "bad.json")], capsys)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == f"{folder / 'bad.json'}: invalid (2 problems)"
    expected = [f"  {p}" for p in validate(_invalid())]
    assert lines[1:3] == expected
    assert any("`mlm:name` is required" in line for line in expected)
    assert lines[-1] == "1 document checked: 0 valid, 1 invalid"


def test_quiet_lists_only_invalid_documents(folder: Path, capsys) -> None:
    result = run(["validate", "-q", str(folder)], capsys)
    assert result.code == 1
    assert "good.json" not in result.out
    assert f"{folder / 'bad.json'}: invalid" in result.out


def test_json_format_one_record_per_document_in_input_order(folder: Path, tmp_path: Path, capsys) -> None:
    lines = write_ndjson(tmp_path / "many.ndjson", [documents.downscaling_item(), _invalid(), [1, 2]])
    argv = ["validate", "--format", "json", str(lines), str(folder / "bad.json"), str(folder / "good.json")]
    result = run(argv, capsys)
    records = result.records()
    assert [r["source"] for r in records] == [
        f"{lines}:1",
        f"{lines}:2",
        f"{lines}:3",
        str(folder / "bad.json"),
        str(folder / "good.json"),
    ]
    assert [r["valid"] for r in records] == [True, False, False, False, True]
    for record in records:
        assert set(record) == {"source", "valid", "mlm_version", "errors"}
        assert record["valid"] == (record["errors"] == [])
        assert all(set(e) == {"path", "message"} and isinstance(e["message"], str) for e in record["errors"])
    assert records[1]["errors"] == [p.to_dict() for p in validate(_invalid())]
    assert result.code == 1
    assert result.err == ""


def test_directory_is_searched_recursively_in_sorted_order(tmp_path: Path, capsys) -> None:
    for name in ["b.json", "a.json", "sub/z.json", "sub/deeper/y.json", "notes.txt", "sub/c.JSON"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(json.dumps(documents.model_collection()))
    result = run(["validate", "--format", "json", str(tmp_path)], capsys)
    sources = [Path(r["source"]).relative_to(tmp_path).as_posix() for r in result.records()]
    assert sources == ["a.json", "b.json", "sub/c.JSON", "sub/z.json", "sub/deeper/y.json"]
    assert result.code == 0


def test_exit_2_beats_1_when_an_input_is_unusable(folder: Path, capsys) -> None:
    paths = [str(folder / name) for name in ("bad.json", "missing.json", "good.json")]
    result = run(["validate", *paths], capsys)
    assert result.code == 2
    assert f"{folder / 'missing.json'}: no such file or directory" in result.err
    assert "2 documents checked: 1 valid, 1 invalid; 1 input could not be read" in result.out


@pytest.mark.parametrize(
    "argv",
    [[], ["validate"], ["validate", "--format", "xml", "x.json"], ["validate", "-j", "0", "x.json"], ["nonsense"]],
)
def test_usage_errors_exit_2(argv: list[str], capsys) -> None:
    result = run(argv, capsys)
    assert result.code == 2
    assert "usage:" in result.err


def test_help_exits_0(capsys) -> None:
    result = run(["--help"], capsys)
    assert result.code == 0
    assert "validate" in result.out and "schema" in result.out


def test_schema_prints_the_bundled_schema_exactly(capsys) -> None:
    result = run(["schema"], capsys)
    assert result.code == 0
    assert json.loads(result.out) == json.loads(schema_text())
    assert result.out.rstrip("\n") == schema_text().rstrip("\n")
    assert run(["schema", "--url"], capsys).out == SCHEMA_URL + "\n"


def test_parallel_run_gives_the_same_output_in_the_same_order(tmp_path: Path, capsys) -> None:
    seeds = [documents.landcover_item(), _invalid(), documents.downscaling_item(), "not an object"]
    corpus = [dict(seed, id=f"doc-{n}") if isinstance(seed, dict) else seed for n in range(900) for seed in seeds]
    big = write_ndjson(tmp_path / "big.ndjson", corpus)
    assert big.stat().st_size > 3 * 1024 * 1024  # several blocks: the work really is spread over processes
    for n in range(150):
        (tmp_path / "dir" / f"{n:03}.json").parent.mkdir(exist_ok=True)
        (tmp_path / "dir" / f"{n:03}.json").write_text(json.dumps(seeds[n % 3]))
    argv = ["validate", "--format", "json", str(big), str(tmp_path / "dir")]
    serial = run([*argv, "--jobs", "1"], capsys)
    parallel = run([*argv, "--jobs", "2"], capsys)
    assert parallel.out == serial.out
    assert parallel.code == serial.code == 1
    records = parallel.records()
    assert len(records) == 3600 + 150
    assert [r["source"] for r in records[:3]] == [f"{big}:1", f"{big}:2", f"{big}:3"]
    assert sum(not r["valid"] for r in records) == 1800 + 50


def test_progress_is_drawn_on_request_and_erased(folder: Path, monkeypatch, capsys) -> None:
    from stac_mlm.cli import _progress

    monkeypatch.setattr(_progress, "DELAY", 0.0)
    result = run(["validate", "--progress", str(folder)], capsys)
    assert "documents checked" in result.err
    assert result.err.endswith("\r\x1b[2K")  # the line is cleared before the summary goes out
    assert "documents checked" not in run(["validate", str(folder)], capsys).err  # not a terminal: nothing


class _Clock:
    """A monotonic clock the test moves by hand, starting at ``origin``."""

    def __init__(self, origin: float) -> None:
        self.now = origin

    def __call__(self) -> float:
        return self.now


# A monotonic clock counts from an arbitrary origin: near 0 just after boot, large after weeks of uptime.
ORIGINS = [0.0, 1e-6, 0.5, 3.0, 1e7]


@pytest.mark.parametrize("origin", ORIGINS)
def test_progress_counts_and_rate_limits(origin: float) -> None:
    from stac_mlm.cli._progress import Progress

    clock = _Clock(origin)
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, delay=0.0, rate=1e-3, clock=clock)
    progress.update(10, 2)  # the first update after the delay is drawn, whatever the clock read at start
    clock.now += 999.0
    progress.update(5, 1)  # too soon after the first redraw (one per 1,000 s): not drawn
    assert stream.getvalue().count("\r") == 1
    assert "10 documents checked, 2 invalid" in stream.getvalue()
    assert (progress.documents, progress.invalid) == (15, 3)
    clock.now += 1.0
    progress.update(1, 0)  # a full interval later: drawn again
    assert stream.getvalue().count("\r") == 2
    assert "16 documents checked, 3 invalid" in stream.getvalue()


@pytest.mark.parametrize("origin", ORIGINS)
def test_progress_waits_for_the_delay_from_its_own_start(origin: float) -> None:
    from stac_mlm.cli._progress import Progress

    clock = _Clock(origin)
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, delay=1.0, rate=8.0, clock=clock)
    clock.now += 0.9
    progress.update(1, 0)
    assert stream.getvalue() == "", "drawn before the delay"
    clock.now += 0.1
    progress.update(1, 0)
    assert stream.getvalue().count("\r") == 1
    assert "2 documents checked" in stream.getvalue()


def test_progress_uses_the_monotonic_clock_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a clock given, Progress reads time.monotonic when it is created (a patched clock counts)."""
    import time

    from stac_mlm.cli._progress import Progress

    clock = _Clock(0.0)
    monkeypatch.setattr(time, "monotonic", clock)
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, delay=0.0, rate=1e-3)
    progress.update(1, 0)
    assert stream.getvalue().count("\r") == 1, "nothing drawn with the monotonic clock at 0"


def test_progress_bar_shows_the_share_of_input_judged(tmp_path: Path, monkeypatch, capsys) -> None:
    from stac_mlm.cli import _progress

    monkeypatch.setattr(_progress, "DELAY", 0.0)
    monkeypatch.setattr(_progress, "RATE", 1e9)  # redraw after every chunk
    corpus = write_ndjson(tmp_path / "c.ndjson", [documents.landcover_item()] * 2000)  # several blocks
    result = run(["validate", "-q", "--jobs", "1", "--progress", str(corpus)], capsys)
    frames = [frame for frame in result.err.split("\r\x1b[2K") if frame]
    assert len(frames) >= 3
    assert frames[-1].startswith("[########################] 100% 2,000 documents checked, 0 invalid")
    assert frames[0].startswith("[") and "100%" not in frames[0]


def test_migrate_subcommand_is_registered_when_its_module_exists(monkeypatch, capsys) -> None:
    calls = []
    fake = types.ModuleType("stac_mlm.cli.migrate")

    def add_parser(subparsers):
        parser = subparsers.add_parser("migrate", help="fake")
        parser.add_argument("path")
        return parser

    fake.add_parser = add_parser
    fake.run = lambda args: calls.append(args.path) or 0
    monkeypatch.setitem(sys.modules, "stac_mlm.cli.migrate", fake)
    assert run(["migrate", "old.json"], capsys).code == 0
    assert calls == ["old.json"]


def test_migrate_is_offered_exactly_when_the_module_is_there(capsys) -> None:
    import importlib.util

    present = importlib.util.find_spec("stac_mlm.cli.migrate") is not None
    assert ("migrate" in run(["--help"], capsys).out) == present


def test_unexpected_failure_is_one_line_not_a_traceback(folder: Path, monkeypatch, capsys) -> None:
    from stac_mlm.cli import validate as command

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(command, "ordered_map", broken)
    monkeypatch.delenv("STAC_MLM_DEBUG", raising=False)
    result = run(["validate", str(folder)], capsys)
    assert result.code == 2
    assert result.err == "stac-mlm: internal error: RuntimeError: disk on fire (set STAC_MLM_DEBUG=1 for details)\n"


def test_a_worker_that_dies_is_reported_in_one_line(folder: Path, monkeypatch, capsys) -> None:
    from concurrent.futures.process import BrokenProcessPool

    from stac_mlm.cli import validate as command

    def broken(*args, **kwargs):
        raise BrokenProcessPool("gone")

    monkeypatch.setattr(command, "ordered_map", broken)
    monkeypatch.delenv("STAC_MLM_DEBUG", raising=False)
    result = run(["validate", str(folder)], capsys)
    assert result.code == 2
    assert result.err == "stac-mlm: a worker process stopped unexpectedly (out of memory?); try --jobs 1\n"
