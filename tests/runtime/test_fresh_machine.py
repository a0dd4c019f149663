"""What lets the whole suite run as on a fresh machine: the clock shift of ``tests/support/clock.py``
(``MLM_TEST_CLOCK_ORIGIN``), the reversed listings of ``listing.py`` (``MLM_TEST_REVERSE_LISTINGS``); and the
machine facts the package reads (CPUs, directory listings)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import clock, documents, listing
from support.cli import run
from support.legacy import fixture_paths

SHIFTED = clock.requested_origin() is not None
SESSION_BOUND = 3600.0  # a test session is shorter than an hour


@pytest.fixture
def unshifted():
    """Run the test on the real clocks, putting the session's shift (if any) back afterwards."""
    with clock.suspended():
        yield


@pytest.mark.parametrize("origin", [0.0, 2.5, 1e7])
def test_shift_moves_the_origin_and_keeps_the_rate(unshifted, origin: float) -> None:
    real = time.monotonic
    clock.shift(origin)
    assert clock.active()
    first, real_first = time.monotonic(), real()
    assert origin <= first < origin + 1.0, "the clock does not start at the origin"
    assert origin * 1e9 <= time.monotonic_ns() < (origin + 1.0) * 1e9
    assert origin <= time.perf_counter() < origin + 1.0
    time.sleep(0.01)
    assert time.monotonic() - first == pytest.approx(real() - real_first, abs=5e-3)
    clock.restore()
    assert time.monotonic is real and not clock.active()


def test_origin_that_is_not_a_number_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.ENV, "soon")
    with pytest.raises(SystemExit, match="expected a number of seconds"):
        clock.requested_origin()


@pytest.mark.skipif(not SHIFTED, reason=f"the session runs on the real clock ({clock.ENV} is not set)")
def test_session_runs_on_the_shifted_clock() -> None:
    origin = clock.requested_origin()
    assert origin is not None and clock.active()
    before = time.monotonic()
    assert origin <= before < origin + SESSION_BOUND
    with clock.suspended():
        pass
    assert time.monotonic() >= before, "suspending the shift must not send the clock back"


@pytest.mark.skipif(not SHIFTED, reason=f"the session runs on the real clock ({clock.ENV} is not set)")
def test_child_processes_run_on_the_shifted_clock() -> None:
    origin = clock.requested_origin()
    assert origin is not None
    done = subprocess.run(
        [sys.executable, "-c", "import time; print(time.monotonic(), time.perf_counter())"],
        capture_output=True,
        text=True,
        check=True,
    )
    readings = [float(word) for word in done.stdout.split()]
    assert all(origin <= reading < origin + 60 for reading in readings), readings


def test_parallel_validation_counts_the_cpus_this_process_may_use() -> None:
    """`--jobs` defaults to the CPUs this process may run on (one under `taskset -c 0`), not the machine's."""
    from stac_mlm.cli._parallel import usable_cpus

    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    assert usable_cpus() == expected >= 1


def test_reversed_listings_reverse_every_way_of_listing(tmp_path: Path) -> None:
    for name in ("b", "a", "c"):
        (tmp_path / name).mkdir()
    with listing.reversed_listings():
        assert os.listdir(tmp_path) == ["c", "b", "a"]
        with os.scandir(tmp_path) as entries:
            assert [entry.name for entry in entries] == ["c", "b", "a"]
        assert next(os.walk(tmp_path))[1] == ["c", "b", "a"]
        assert [p.name for p in tmp_path.iterdir()] == ["c", "b", "a"]
        assert [p.name for p in tmp_path.glob("*")] == ["c", "b", "a"]
    if not listing.requested():
        assert sorted(os.listdir(tmp_path)) == ["a", "b", "c"] and not listing.active()


def test_validate_and_migrate_read_folders_in_sorted_order_whatever_the_listing(tmp_path: Path, capsys) -> None:
    names = ["b.json", "a.json", "sub/d.json", "sub/c.json"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(json.dumps(documents.model_collection()), encoding="utf-8")
    with listing.reversed_listings():
        result = run(["validate", "--format", "json", str(tmp_path)], capsys)
    sources = [Path(record["source"]).relative_to(tmp_path).as_posix() for record in result.records()]
    assert sources == ["a.json", "b.json", "sub/c.json", "sub/d.json"]

    legacy = tmp_path / "legacy"
    for index, path in enumerate(fixture_paths()[:3]):
        (legacy / f"{'zyx'[index]}{path.suffix}").parent.mkdir(exist_ok=True)
        shutil.copyfile(path, legacy / f"{'zyx'[index]}{path.suffix}")
    outputs = []
    for reverse in (False, True):
        with listing.reversed_listings() if reverse else contextlib.nullcontext():
            outputs.append(run(["migrate", str(legacy)], capsys).out)
    assert outputs[0] == outputs[1] and len(outputs[0].splitlines()) == 3
