"""validate walks folders honestly and behaves in pipelines: only regular files are opened, every walk error
counts, workers end with their parent, `-j` is clamped, in-flight work is bounded in bytes, closed streams are
one line, and a reader that goes away (`| head -1`) does not change the verdict."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import time
from concurrent.futures import Future
from pathlib import Path
from typing import ClassVar

import pytest
from stac_mlm import batch
from stac_mlm.cli import _parallel
from stac_mlm.cli._sources import Block
from support import documents
from support.cli import STAC_MLM_SRC, run, run_process

GOOD = json.dumps(documents.landcover_item())
BAD = json.dumps(dict(documents.landcover_item(), stac_extensions="none"))
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(STAC_MLM_SRC), os.environ.get("PYTHONPATH")]))}
ENV.pop("STAC_MLM_DEBUG", None)


def _bash(script: str, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["bash", "-o", "pipefail", "-c", script], capture_output=True, env=ENV, timeout=timeout)


def _command(*args: str) -> str:
    return " ".join(shlex.quote(a) for a in [sys.executable, "-m", "stac_mlm", *args])


def test_a_fifo_named_json_is_reported_not_opened(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(GOOD)
    os.mkfifo(tmp_path / "b.json")
    os.mkfifo(tmp_path / "lines.ndjson")
    result = run_process(["validate", str(tmp_path), str(tmp_path / "lines.ndjson")], timeout=60)
    assert result.code == 2
    assert result.err.splitlines() == [
        f"stac-mlm: {tmp_path / 'b.json'}: is a FIFO (named pipe): only regular files are read",
        f"stac-mlm: {tmp_path / 'lines.ndjson'}: is a FIFO (named pipe): only regular files are read",
    ]
    assert f"{tmp_path / 'a.json'}: valid" in result.out


def _too_long_to_list(top: Path) -> None:
    """A folder chain whose full path is longer than the system allows (PATH_MAX): listing it fails with
    ENAMETOOLONG even for root, which chmod would not stop."""
    name = "d" * 250
    os.mkdir(top)
    fd = os.open(top, os.O_RDONLY)
    try:
        for _ in range(20):  # 20 x 251 characters > 4096
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
    finally:
        os.close(fd)


def test_a_folder_that_fails_when_walked_last_is_reported(tmp_path: Path, capsys) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "good.json").write_text(GOOD)
    _too_long_to_list(tmp_path / "zz")
    result = run(["validate", "--format", "json", str(tmp_path)], capsys)
    assert result.code == 2, result.err
    lines = result.err.splitlines()
    assert len(lines) == 1 and "file name too long" in lines[0], lines
    assert [r["source"] for r in result.records()] == [str(tmp_path / "a" / "good.json")]


def test_a_folder_that_cannot_be_listed_alone_is_not_called_empty(tmp_path: Path, capsys) -> None:
    _too_long_to_list(tmp_path / "zz")
    result = run(["validate", str(tmp_path)], capsys)
    assert result.code == 2
    assert "file name too long" in result.err and "no *.json files" not in result.err


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        with open(task / "children") as handle:
            found |= {int(child) for child in handle.read().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


#: Runs validate with two workers whatever the machine (usable_cpus is patched), so the test means the same
#: on one CPU; the workers are slowed down so the run is still going when the signal arrives.
_SLOW_RUN = """
import sys, time
from stac_mlm.cli import _judge, _parallel, validate, main
_parallel.usable_cpus = lambda: 2
real = _judge.judge
def slow(chunk, **kwargs):
    time.sleep(0.5)
    return real(chunk, **kwargs)
validate.judge = slow
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from /proc (Linux)")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_workers_end_with_their_parent(signum: int, tmp_path: Path) -> None:
    lines = tmp_path / "many.ndjson"
    lines.write_text((GOOD + "\n") * 8000)  # several blocks of lines: work for both workers
    parent = subprocess.Popen(
        [sys.executable, "-c", _SLOW_RUN, "validate", "--format", "json", "-j", "2", str(lines)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children(parent.pid)) < 2:
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.05)
        parent.send_signal(signum)
        _, err = parent.communicate(timeout=30)  # returns only when no process holds stdout any more
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers):
            assert time.monotonic() < deadline, "a worker outlived its parent"
            time.sleep(0.05)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
    if signum == signal.SIGTERM:
        assert parent.returncode == 128 + signal.SIGTERM
        assert err.decode() == "stac-mlm: terminated\n"


_WORKER_SETUP = """
import os, sys
from stac_mlm.cli import _parallel
_parallel._quiet_worker(int(sys.argv[1]))
print("alive", file=sys.stderr)
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from /proc (Linux)")
@pytest.mark.parametrize("told", ["real", "gone"])
def test_a_worker_whose_parent_ended_before_setup_exits(told: str) -> None:
    """The parent's pid reaches the worker from before the fork: a worker set up after its parent was killed
    (it already has another parent) exits instead of living on, holding the parent's output."""
    parent = os.getpid() if told == "real" else 1  # "gone": the worker's parent is not the one it was told
    done = subprocess.run([sys.executable, "-c", _WORKER_SETUP, str(parent)], capture_output=True, env=ENV, timeout=60)
    # a worker that stays writes "alive" to standard error (its standard output is closed by the setup)
    assert (done.returncode, done.stderr.strip()) == ((0, b"alive") if told == "real" else (1, b""))


class _Recorder:
    """Stands in for ProcessPoolExecutor: runs each call at once and records what it was asked."""

    made: ClassVar[list[int]] = []

    def __init__(self, workers: int, **kwargs: object) -> None:
        self.made.append(workers)
        self._processes: dict[int, object] = {}

    def submit(self, func, chunk):
        future: Future[object] = Future()
        future.set_result(func(chunk))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


@pytest.fixture
def recorder(monkeypatch):
    import concurrent.futures

    _Recorder.made = []
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _Recorder)
    return _Recorder


@pytest.mark.parametrize(("jobs", "cpus", "chunks", "expected"), [(1000, 2, 50, [2]), (1000, 8, 3, [3]), (4, 8, 1, [])])
def test_jobs_are_clamped_to_the_cpus_and_the_work(recorder, monkeypatch, jobs, cpus, chunks, expected) -> None:
    monkeypatch.setattr(_parallel, "usable_cpus", lambda: cpus)
    work = [([Block("x", 1, b"{}\n")], 3)] * chunks
    assert list(_parallel.ordered_map(len, work, jobs)) == [1] * chunks
    assert recorder.made == expected


def test_work_in_flight_is_bounded_in_bytes(recorder, monkeypatch) -> None:
    monkeypatch.setattr(_parallel, "usable_cpus", lambda: 4)
    monkeypatch.setattr(_parallel, "IN_FLIGHT_BYTES", 10_000)
    submitted: list[int] = []
    sizes = [3000] * 40

    def func(chunk):
        submitted.append(chunk[0])
        return chunk[0]

    results = _parallel.ordered_map(func, (([i], size) for i, size in enumerate(sizes)), 4)
    for consumed, value in enumerate(results):
        assert value == consumed
        ahead = submitted[consumed:]
        assert sum(sizes[i] for i in ahead) <= 10_000 + 3000  # the budget, plus the one chunk always allowed
        assert len(ahead) < 4 * _parallel.IN_FLIGHT_PER_JOB + 1


def test_file_chunks_weigh_their_size(tmp_path: Path) -> None:
    paths = []
    for index in range(5):
        path = tmp_path / f"{index}.json"
        path.write_bytes(b" " * 400)
        paths.append((str(path), path))
    chunks = list(_parallel.chunked(paths, documents=100, size=1000))
    assert [(len(chunk), weight) for chunk, weight in chunks] == [(3, 1200), (2, 800)]


@pytest.mark.parametrize(
    ("redirect", "args", "words"),
    [
        (">&-", ["{good}"], "stac-mlm: standard output is closed: nowhere to write the results"),
        ("<&-", ["-"], "stac-mlm: standard input is closed: nothing to read for -"),
        ("1</dev/null", ["{good}"], "stac-mlm: cannot write to standard output: bad file descriptor"),
    ],
)
def test_closed_standard_streams_are_one_line(tmp_path: Path, redirect: str, args: list[str], words: str) -> None:
    good = tmp_path / "good.json"
    good.write_text(GOOD)
    command = _command("validate", *[a.format(good=good) for a in args])
    done = _bash(f"{command} {redirect}")
    assert done.returncode == 2
    assert done.stderr.decode() == words + "\n"


@pytest.mark.parametrize(("document", "status"), [(GOOD, 0), (BAD, 1)])
def test_a_reader_going_away_keeps_the_verdict(tmp_path: Path, document: str, status: int) -> None:
    lines = tmp_path / "lines.ndjson"
    lines.write_text((GOOD + "\n") * 3000 + document + "\n")  # far more than a pipe holds
    for fmt in ("json", "text"):
        done = _bash(f"{_command('validate', '--format', fmt, '-j', '1', str(lines))} | head -n 1")
        assert done.stdout.count(b"\n") == 1
        assert done.returncode == status, done.stderr
        assert done.stderr == b""


def test_a_judging_failure_is_not_called_a_schema_mismatch(monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "judge", broken)
    unchecked = batch.check_text(GOOD, mlm_version="v1.5.2")  # a forced version: no fast check ran
    assert unchecked["errors"] == [{"path": "", "message": "cannot be checked: RuntimeError: boom"}]
    invalid = documents.landcover_item()
    del invalid["properties"]["mlm:name"]
    rejected = batch.check_text(json.dumps(invalid))  # the fast check ran and rejected it
    (error,) = rejected["errors"]
    assert error["message"].startswith("does not match the MLM schema (the details could not be described")
