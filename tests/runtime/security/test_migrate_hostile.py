"""Hostile inputs for `stac-mlm migrate` (issue 20), built by the tests: each run is a subprocess under an
address-space cap (``RLIMIT_AS``), and each test checks the documented exit status and message, that every
input is byte for byte intact, and that nothing was written outside the chosen output."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.legacy import LEGACY_FIXTURES

MEMORY_CAP = 1024 * 2**20  # address space of one migrate process, bytes
COMPLETE = LEGACY_FIXTURES / "dlm-beta3-sequential-item.json"  # migrates to a complete document (exit 0)
PARTIAL = ".partial"  # the suffix of the temporary file a write goes through


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _migrate(*argv: str | Path, timeout: float = 120, shell_suffix: str = "") -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "stac_mlm", "migrate", *map(str, argv)]
    if shell_suffix:  # e.g. `>&-` (standard output closed)
        command = ["sh", "-c", '"$@" ' + shell_suffix, "sh", *command]
    return subprocess.run(
        command,
        capture_output=not shell_suffix,
        stderr=subprocess.PIPE if shell_suffix else None,
        text=True,
        timeout=timeout,
        preexec_fn=_capped,
        check=False,
    )


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a digest of its bytes (FIFOs and devices by kind)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_fifo():
            found[str(path.relative_to(folder))] = "fifo"
        elif path.is_file():
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _document() -> dict:
    return json.loads(COMPLETE.read_text(encoding="utf-8"))


def _one_line_errors(stderr: str) -> list[str]:
    assert "Traceback" not in stderr, stderr
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


# outputs that would overwrite an input --------------------------------------------------------------
@pytest.mark.parametrize(
    ("option", "why"),
    [
        (("-o", "{input}"), "is the input"),
        (("--report", "{input}"), "is the input"),
        (("-o", "{link}"), "is the input"),
    ],
    ids=["output-is-input", "report-is-input", "output-is-a-hard-link-to-input"],
)
def test_an_output_naming_the_input_is_refused_before_anything_is_written(
    tmp_path: Path, option: tuple[str, str], why: str
) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(COMPLETE.read_bytes())
    os.link(source, tmp_path / "link.json")
    before = _snapshot(tmp_path)
    flag, value = option
    result = _migrate(source, flag, value.format(input=source, link=tmp_path / "link.json"))
    assert result.returncode == 2
    [message] = _one_line_errors(result.stderr)
    assert why in message and "nothing written" in message
    assert _snapshot(tmp_path) == before


def test_output_and_report_naming_one_file_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(COMPLETE.read_bytes())
    before = _snapshot(tmp_path)
    result = _migrate(source, "-o", tmp_path / "out.json", "--report", tmp_path / "." / "out.json")
    assert result.returncode == 2 and "name the same file" in result.stderr
    assert _snapshot(tmp_path) == before


def test_a_folder_written_into_the_input_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_bytes(COMPLETE.read_bytes())
    before = _snapshot(tmp_path)
    result = _migrate(folder, "-o", folder / "migrated")
    assert result.returncode == 2 and "overlaps the input folder" in result.stderr
    assert _snapshot(tmp_path) == before


# text that cannot be written as it came ------------------------------------------------------------
def test_a_lone_surrogate_is_written_escaped_never_as_an_empty_file(tmp_path: Path) -> None:
    document = _document()
    document["properties"]["title"] = "broken \ud800 text"
    source, output = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(document), encoding="ascii")  # `\ud800` as an escape: valid JSON text
    output.write_text("OLD")
    before = source.read_bytes()
    result = _migrate(source, "-o", output)
    assert result.returncode == 0, result.stderr
    assert "lone surrogate" in result.stderr and "Traceback" not in result.stderr
    written = output.read_text(encoding="ascii")
    assert "\\ud800" in written and json.loads(written)["properties"]["title"] == "broken \ud800 text"
    assert source.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "reason"),
    [("1e400", "too large for a 64-bit float"), ("Infinity", "Infinity is not a JSON value"), ("NaN", "NaN")],
)
def test_a_non_finite_number_refuses_its_document_and_the_rest_are_written(
    tmp_path: Path, text: str, reason: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = json.dumps(_document())
    (folder / "a.json").write_text(good)
    bad = good.replace('"datetime":', f'"dlm:size": {text}, "datetime":', 1)
    assert bad != good
    (folder / "b.json").write_text(bad)
    (folder / "c.json").write_text(good)
    output, report = tmp_path / "out.ndjson", tmp_path / "report.json"
    before = _snapshot(folder)
    result = _migrate(folder, "-o", output, "--report", report)
    assert result.returncode == 2
    [message] = _one_line_errors(result.stderr)
    assert "b.json" in message and reason in message
    lines = output.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(json.loads(line) for line in lines)
    assert "Infinity" not in output.read_text(encoding="utf-8") and "NaN" not in output.read_text(encoding="utf-8")
    assert [d["input"].rsplit("/", 1)[-1] for d in json.loads(report.read_text())["documents"]] == ["a.json", "c.json"]
    assert _snapshot(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.ndjson", "report.json"]


# inputs that are not regular files -----------------------------------------------------------------
def test_a_fifo_in_a_folder_is_reported_and_skipped_without_hanging(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_bytes(COMPLETE.read_bytes())
    os.mkfifo(folder / "pipe.json")
    result = _migrate(folder, "-o", tmp_path / "out", timeout=60)
    assert result.returncode == 2
    [message] = _one_line_errors(result.stderr)
    assert "pipe.json" in message and "FIFO" in message
    assert json.loads((tmp_path / "out" / "a.json").read_text())  # the readable document is written
    assert not (tmp_path / "out" / "pipe.json").exists()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_at_once(tmp_path: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} is not on this system")
    started = time.monotonic()
    result = _migrate(device, "-o", tmp_path / "out.json", timeout=60)
    assert result.returncode == 2 and time.monotonic() - started < 60
    [message] = _one_line_errors(result.stderr)
    assert "is a device" in message
    assert list(tmp_path.iterdir()) == []


def test_a_device_on_standard_input_is_refused_at_once(tmp_path: Path) -> None:
    with open(os.devnull, "rb") as null:  # a character device, like /dev/zero, but present everywhere
        result = subprocess.run(
            [sys.executable, "-m", "stac_mlm", "migrate", "-"],
            stdin=null,
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=_capped,
            check=False,
        )
    assert result.returncode == 2
    [message] = _one_line_errors(result.stderr)
    assert "<stdin>" in message and "is a device" in message


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root")
def test_an_unreadable_subfolder_is_reported_and_the_exit_status_is_2(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.json").write_bytes(COMPLETE.read_bytes())
    (folder / "locked" / "b.json").write_bytes(COMPLETE.read_bytes())
    (folder / "locked").chmod(0)
    try:
        result = _migrate(folder, "-o", tmp_path / "out")
    finally:
        (folder / "locked").chmod(0o755)
    assert result.returncode == 2 and "locked" in result.stderr


# slow or large inputs ------------------------------------------------------------------------------
def test_an_unterminated_comment_flood_is_read_in_linear_time(tmp_path: Path) -> None:
    """`/*a` repeated: the former regex took 42 s for 60,000 repetitions (quadratic); 1,000,000 now take
    well under the limit."""
    source = tmp_path / "in.json"
    source.write_text("{" + "/*a" * 1_000_000)
    started = time.monotonic()
    result = _migrate(source, timeout=60)
    assert result.returncode == 2 and "not valid JSON" in result.stderr
    assert time.monotonic() - started < 30


def _peak_rss(*argv: str | Path) -> int:
    """The peak resident memory (KiB) of one migrate run, as the process itself reports it."""
    code = (
        "import resource, sys\nfrom stac_mlm.cli import main\ncode = main(sys.argv[1:])\n"
        "print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\nsys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "migrate", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_capped,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return int(result.stderr.rsplit("peak ", 1)[1].split()[0])


@pytest.mark.slow
def test_memory_stays_flat_with_the_batch(tmp_path: Path) -> None:
    line = json.dumps(_document()) + "\n"
    small, large = tmp_path / "small.ndjson", tmp_path / "large.ndjson"
    small.write_text(line * 300)
    large.write_text(line * 2400)
    grown = _peak_rss(large, "-o", tmp_path / "l.ndjson") - _peak_rss(small, "-o", tmp_path / "s.ndjson")
    assert grown < 16 * 1024, f"peak memory grew by {grown} KiB for 2,100 more documents"


@pytest.mark.slow
def test_kill_9_during_a_batch_leaves_the_target_and_the_input_intact(tmp_path: Path) -> None:
    source, output = tmp_path / "in.ndjson", tmp_path / "out.ndjson"
    source.write_text((json.dumps(_document()) + "\n") * 20_000)
    output.write_text("OLD\n")
    before = source.read_bytes()
    process = subprocess.Popen(
        [sys.executable, "-m", "stac_mlm", "migrate", str(source), "-o", str(output)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=_capped,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # kill once part of the result is on disk
            partial = [p for p in tmp_path.iterdir() if p.name.endswith(PARTIAL)]
            if partial and partial[0].stat().st_size > 0:
                break
            assert process.poll() is None, "migrate ended before it could be killed"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert output.read_text() == "OLD\n"  # the target holds its old bytes, never half a result
    assert source.read_bytes() == before
    left = {p.name for p in tmp_path.iterdir()} - {"in.ndjson", "out.ndjson"}
    assert all(name.startswith(".out.ndjson.") and name.endswith(PARTIAL) for name in left), left


# a closed standard output --------------------------------------------------------------------------
def test_a_closed_standard_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = _migrate(COMPLETE, shell_suffix=">&-")
    assert result.returncode == 2
    [message] = _one_line_errors(result.stderr)
    assert "standard output" in message
