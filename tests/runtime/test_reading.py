"""The one reading layer (stac_mlm.reading): regular files only, caps on bytes and depth, strict JSON, YAML
without aliases, and every failure one InputError naming the file."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from stac_mlm import reading


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            reading.read_bytes(fifo)
        except reading.InputError as error:
            outcome.append(error)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert len(outcome) == 1 and "FIFO" in str(outcome[0]) and str(fifo) in str(outcome[0])


def test_the_byte_cap_holds(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 101)
    assert reading.read_bytes(path, cap=101) == b" " * 101
    with pytest.raises(reading.InputError, match="larger than 100 bytes"):
        reading.read_bytes(path, cap=100)


def test_a_symlink_out_of_the_root_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "secret.json"
    outside.write_text("{}", encoding="utf-8")
    root = tmp_path / "model"
    root.mkdir()
    (root / "config.json").symlink_to(outside)
    with pytest.raises(reading.InputError, match="outside the folder"):
        reading.load_json(root / "config.json", root=root)
    assert reading.load_json(root / "config.json") == {}  # without a root, the link is an ordinary path


@pytest.mark.parametrize("text", ["[1, NaN]", "[Infinity]", '{"a": -Infinity}'])
def test_json_is_strict(text: str) -> None:
    with pytest.raises(reading.InputError, match="not a JSON value"):
        reading.parse_json(text, "doc.json")


@pytest.mark.parametrize("levels", [reading.MAX_DEPTH + 1, 200_000])
def test_json_depth_is_capped(levels: int) -> None:
    with pytest.raises(reading.InputError, match="nested deeper"):
        reading.parse_json("[" * levels + "]" * levels, "deep.json")
    assert reading.depth(reading.parse_json("[" * 3 + "]" * 3, "ok.json")) == 3


def test_text_that_is_not_utf8_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"a": "\xe9"}')
    with pytest.raises(reading.InputError, match="byte 0xe9 at offset 7"):
        reading.load_json(path)


def test_yaml_aliases_are_refused_not_expanded() -> None:
    pytest.importorskip("yaml", reason="PyYAML is the hf extra")
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
    )
    with pytest.raises(reading.InputError, match="alias"):
        reading.parse_yaml(laughs, "README.md")
    assert reading.parse_yaml("a: [1, {b: two}]", "card") == {"a": [1, {"b": "two"}]}


def test_yaml_depth_is_capped() -> None:
    pytest.importorskip("yaml", reason="PyYAML is the hf extra")
    with pytest.raises(reading.InputError, match="nested deeper"):
        reading.parse_yaml("[" * (reading.MAX_DEPTH + 1) + "]" * (reading.MAX_DEPTH + 1), "card")
