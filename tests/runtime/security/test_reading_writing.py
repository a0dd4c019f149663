"""What migrate adds to the reading layer (numbers beyond a float, streams read line by line under a cap) and
the writing layer (a target replaced whole or not at all)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from stac_mlm import reading, writing


@pytest.mark.parametrize("text", ["1e400", "-1e400", '{"a": [1, 2e999]}'])
def test_a_number_beyond_a_64_bit_float_is_refused(text: str) -> None:
    with pytest.raises(reading.InputError, match="too large for a 64-bit float"):
        reading.parse_json(text, "x.json")


def test_large_finite_numbers_are_read() -> None:
    assert reading.parse_json("[1e308, -1e308, 123456789012345678901234567890]", "x.json")[0] == 1e308


def test_lines_are_read_one_at_a_time_and_a_long_line_is_refused_by_its_number() -> None:
    stream = io.BytesIO(b'{"a": 1}\n\n   \n{"b": 2}\n' + b"x" * 100 + b"\n")
    found = []
    with pytest.raises(reading.InputError) as refused:
        for number, line in reading.read_lines(stream, "in.ndjson", cap=50):
            found.append((number, line))
    assert found == [(1, b'{"a": 1}\n'), (4, b'{"b": 2}\n')]
    assert refused.value.source == "in.ndjson:5" and "larger than 50 bytes" in refused.value.reason


def test_a_stream_beyond_its_cap_is_refused_without_reading_further() -> None:
    stream = io.BytesIO(b"x" * 1000)
    with pytest.raises(reading.InputError, match="larger than 100 bytes"):
        reading.read_capped(stream, "-", cap=100)
    assert stream.tell() == 101


def test_open_regular_refuses_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    with pytest.raises(reading.InputError, match="FIFO"):
        reading.open_regular(tmp_path / "pipe.json")


def test_a_write_replaces_the_target_whole_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("OLD")
    target.chmod(0o640)
    writing.write_bytes(target, b"NEW")
    assert target.read_bytes() == b"NEW" and target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_an_error_while_writing_leaves_the_target_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("OLD")
    with pytest.raises(RuntimeError), writing.replacing(target) as handle:
        handle.write(b"half of it")
        raise RuntimeError("stopped")
    assert target.read_text() == "OLD"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_same_file_sees_symlinks_and_hard_links(tmp_path: Path) -> None:
    source = tmp_path / "a.json"
    source.write_text("{}")
    os.symlink(source, tmp_path / "soft.json")
    os.link(source, tmp_path / "hard.json")
    assert writing.same_file(source, tmp_path / "soft.json")
    assert writing.same_file(source, tmp_path / "hard.json")
    assert writing.same_file(source, tmp_path / "sub" / ".." / "a.json")
    assert not writing.same_file(source, tmp_path / "other.json")
