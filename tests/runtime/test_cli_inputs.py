"""Bad input never gives a traceback or a hang: each is named in a message, and the rest of the batch is judged.

Policy (also in `stac-mlm validate --help`): a document that is empty, not UTF-8, not JSON, or JSON but
not an object is *invalid* (exit 1), like a document breaking a rule. An input that cannot be read at all
(missing path, directory without *.json, NDJSON without documents, over the size limit) is *unusable*
(exit 2), reported on stderr.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import stac_mlm
from hypothesis import given, settings
from hypothesis import strategies as st
from stac_mlm import batch
from stac_mlm.validation import is_valid
from support import documents
from support.cli import run

GOOD = json.dumps(documents.landcover_item())
DEEP_ARRAY = "[" * 200_000 + "]" * 200_000
DEEP_OBJECT = '{"a":' * 200_000 + "1" + "}" * 200_000

#: name -> (file content, words the single problem's message must contain)
BAD_DOCUMENTS: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "the document is empty"),
    "blank": (b"  \n\t\n", "the document is empty"),
    "binary": (bytes(range(256)) * 4, "not UTF-8 text (byte 0x80 at offset 128)"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8 text (byte 0x89 at offset 0)"),
    "nul bytes": (b"\x00\x00\x00", "not valid JSON: Expecting value at column 1"),
    "truncated": (GOOD[:200].encode(), "not valid JSON: Unterminated string starting at column"),
    "cut mid-object": (GOOD[: GOOD.index('"properties"')].encode(), "not valid JSON: Expecting property name"),
    "latin-1": ('{"properties": {"mlm:name": "café"}}'.encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 32)"),
    "top-level array": (b"[1, 2, 3]", "expected a JSON object (a STAC Item or Collection), got an array"),
    "top-level string": (b'"an item"', "got a string"),
    "top-level number": (b"42", "got a number"),
    "top-level null": (b"null", "got null"),
    "NaN": (b'{"bbox": [NaN]}', "not valid JSON: NaN is not a JSON value"),
    "two documents": (b"{}\n{}", "not valid JSON: Extra data at line 2, column 1"),
    "deep array": (DEEP_ARRAY.encode(), "nested too deeply"),
    "deep object": (DEEP_OBJECT.encode(), "nested too deeply"),
}


@pytest.fixture(params=[True, False], ids=["orjson", "stdlib json"])
def parser(request, monkeypatch) -> bool:
    """Run each case with orjson (when installed) and with the standard library parser alone."""
    if request.param and batch._orjson is None:
        pytest.skip("orjson is not installed")
    if not request.param:
        monkeypatch.setattr(batch, "_orjson", None)
    return request.param


@pytest.mark.parametrize("name", BAD_DOCUMENTS)
def test_bad_document_file_is_invalid_with_a_named_message(name: str, parser, tmp_path: Path, capsys) -> None:
    content, words = BAD_DOCUMENTS[name]
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    good = tmp_path / "good.json"
    good.write_text(GOOD)
    result = run(["validate", "--format", "json", "--jobs", "1", str(bad), str(good)], capsys)
    assert result.code == 1
    bad_record, good_record = result.records()
    assert bad_record["source"] == str(bad)
    assert bad_record["valid"] is False
    assert len(bad_record["errors"]) == 1
    assert bad_record["errors"][0]["path"] == ""
    assert words in bad_record["errors"][0]["message"]
    latest = stac_mlm.SCHEMA_URL.split("/")[-2]
    assert good_record == {"source": str(good), "valid": True, "mlm_version": latest, "errors": []}  # the batch goes on


@pytest.mark.parametrize("name", [n for n in BAD_DOCUMENTS if n not in {"blank", "two documents"}])
def test_bad_line_inside_ndjson_names_the_line(name: str, parser, tmp_path: Path, capsys) -> None:
    content, words = BAD_DOCUMENTS[name]
    content = content.replace(b"\n", b" ")  # one line (same length: offsets in messages stay)
    lines = tmp_path / "catalog.ndjson"
    lines.write_bytes(GOOD.encode() + b"\n" + content + b"\n\n" + GOOD.encode() + b"\n")
    result = run(["validate", "--format", "json", str(lines)], capsys)
    records = result.records()
    if name == "empty":  # an empty line is no document: skipped, numbering goes on
        assert [r["source"] for r in records] == [f"{lines}:1", f"{lines}:4"]
        assert result.code == 0
        return
    assert [r["source"] for r in records] == [f"{lines}:1", f"{lines}:2", f"{lines}:4"]
    assert [r["valid"] for r in records] == [True, False, True]
    assert words in records[1]["errors"][0]["message"]
    assert result.code == 1


def test_text_output_names_file_and_line(tmp_path: Path, capsys) -> None:
    lines = tmp_path / "catalog.jsonl"
    lines.write_bytes(GOOD.encode() + b"\n" + b'{"id": "cut' + b"\n")
    result = run(["validate", "-q", str(lines)], capsys)
    assert result.out.splitlines() == [
        f"{lines}:2: invalid (1 problem)",
        '  "": not valid JSON: Unterminated string starting at column 8',
        "2 documents checked: 1 valid, 1 invalid",
    ]


@pytest.mark.slow
def test_thirty_megabyte_strings_are_judged(tmp_path: Path, capsys) -> None:
    fine = documents.landcover_item()
    fine["properties"]["description"] = "x" * 30_000_000
    wrong = documents.landcover_item()
    wrong["properties"]["mlm:architecture"] = ["y" * 30_000_000]
    wrong["properties"]["mlm:framework"] = "z" * 30_000_000 + "\x00"
    (tmp_path / "a.json").write_text(json.dumps(fine))
    (tmp_path / "b.ndjson").write_text(json.dumps(wrong) + "\n")
    result = run(["validate", "--format", "json", str(tmp_path / "a.json"), str(tmp_path / "b.ndjson")], capsys)
    first, second = result.records()
    assert first["valid"] is True
    assert second["valid"] is False
    assert "/properties/mlm:architecture" in [e["path"] for e in second["errors"]]
    assert all(len(e["message"]) <= batch.MAX_MESSAGE for e in second["errors"])
    assert len(result.out) < 100_000  # the huge values are not echoed back
    assert result.code == 1


@pytest.mark.parametrize("depth", [50, 500, 1000, 1100])
def test_deep_nesting_inside_a_field_gives_a_verdict(depth: int, parser) -> None:
    deep = "[" * depth + "]" * depth
    wrong = GOOD.replace('"mlm:architecture": "U-Net"', f'"mlm:architecture": {deep}', 1)
    assert wrong != GOOD
    harmless = GOOD.replace('"mlm:hyperparameters": {', f'"mlm:hyperparameters": {{"deep": {deep}, ', 1)
    wrong_record, harmless_record = batch.check_text(wrong), batch.check_text(harmless)
    assert wrong_record["valid"] is False
    assert len(wrong_record["errors"]) == 1
    # the standard parser stops at about 1000 levels (less the stack in use), orjson at 1024
    assert harmless_record["valid"] is (depth < 900 or (parser and depth <= 1024))


WRONG_VALUES = [None, True, 0, -1.5, "", "x", [], [None], {}, {"": None}]


def _wrong_everywhere(document, path=()):
    """Every (path, wrong value) replacement of every node of the document."""
    if isinstance(document, dict):
        children = list(document.items())
    elif isinstance(document, list):
        children = list(enumerate(document))
    else:
        children = []
    for key, child in children:
        yield (*path, key), child
        yield from _wrong_everywhere(child, (*path, key))


def _replaced(document, path, value):
    copy = json.loads(json.dumps(document))
    node = copy
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return copy


@pytest.mark.parametrize("seed", ["landcover_item", "downscaling_item", "model_collection"])
def test_wrong_types_everywhere_never_break_the_checker(seed: str, tmp_path: Path, capsys) -> None:
    document = getattr(documents, seed)()
    corpus = [
        _replaced(document, path, value)
        for number, (path, _) in enumerate(_wrong_everywhere(document))
        for value in WRONG_VALUES[number % 3 :: 3]
    ]
    assert len(corpus) > 100
    catalog = tmp_path / "wrong.ndjson"
    catalog.write_text("".join(json.dumps(d) + "\n" for d in corpus))
    result = run(["validate", "--format", "json", str(catalog)], capsys)
    records = result.records()
    assert len(records) == len(corpus)
    assert [r["valid"] for r in records] == [is_valid(d) for d in corpus]
    assert sum(not r["valid"] for r in records) > len(corpus) // 5
    for record in records:
        assert record["valid"] or record["errors"]
        assert all(isinstance(e["path"], str) and e["message"] for e in record["errors"])
    assert result.code == 1


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_verdict_not_an_exception(data: bytes) -> None:
    record = batch.check_text(data, "x")
    assert record["valid"] is False or data.strip().startswith((b"{", b"\xef\xbb\xbf"))
    assert record["valid"] == (record["errors"] == [])


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["type", "properties", "assets", "stac_extensions", "links"]), json_values))
def test_any_json_object_gets_the_validator_verdict(document: dict) -> None:
    record = batch.check_text(json.dumps(document))
    assert record["valid"] == is_valid(document)
    assert record["valid"] or all(e["message"] for e in record["errors"])


def test_missing_paths_and_empty_inputs_are_unusable(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "only_text").mkdir()
    (tmp_path / "only_text" / "readme.txt").write_text("{}")
    (tmp_path / "blank.ndjson").write_text("\n \n\n")
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "good.json").write_text(GOOD)
    names = ["missing.json", "missing_dir", "empty_dir", "only_text", "blank.ndjson", "empty.jsonl", "good.json"]
    result = run(["validate", *[str(tmp_path / n) for n in names]], capsys)
    assert result.code == 2
    assert result.err.splitlines() == [
        f"stac-mlm: {tmp_path / 'missing.json'}: no such file or directory",
        f"stac-mlm: {tmp_path / 'missing_dir'}: no such file or directory",
        f"stac-mlm: {tmp_path / 'empty_dir'}: no *.json files in this directory",
        f"stac-mlm: {tmp_path / 'only_text'}: no *.json files in this directory",
        f"stac-mlm: {tmp_path / 'blank.ndjson'}: contains no documents",
        f"stac-mlm: {tmp_path / 'empty.jsonl'}: contains no documents",
    ]
    assert result.out.splitlines()[-1] == "1 document checked: 1 valid, 0 invalid; 6 inputs could not be read"


def test_unreadable_file_in_a_directory_is_unusable(tmp_path: Path, capsys) -> None:
    (tmp_path / "good.json").write_text(GOOD)
    (tmp_path / "dangling.json").symlink_to(tmp_path / "gone.json")
    result = run(["validate", "--format", "json", str(tmp_path)], capsys)
    assert result.code == 2
    assert result.err == f"stac-mlm: {tmp_path / 'dangling.json'}: cannot read: no such file or directory\n"
    assert [r["source"] for r in result.records()] == [str(tmp_path / "good.json")]


def test_oversized_documents_and_lines_are_unusable(tmp_path: Path, monkeypatch, capsys) -> None:
    from stac_mlm.cli import _sources

    monkeypatch.setattr(_sources, "MAX_DOCUMENT", 50_000)
    monkeypatch.setattr(_sources, "BLOCK", 4096)
    big = {"id": "x" * 60_000}
    (tmp_path / "big.json").write_text(json.dumps(big))
    lines = tmp_path / "lines.ndjson"
    lines.write_text("{}\n" + json.dumps(big) + "\n" + json.dumps(big) + json.dumps(big) + "\n{}\n")
    result = run(["validate", "--format", "json", "--jobs", "1", str(tmp_path / "big.json"), str(lines)], capsys)
    assert result.code == 2
    assert result.err.splitlines() == [
        f"stac-mlm: {tmp_path / 'big.json'}: {_sources.TOO_LARGE}",
        f"stac-mlm: {lines}:2: line {_sources.TOO_LARGE}",
        f"stac-mlm: {lines}:3: line {_sources.TOO_LARGE}",
    ]
    assert [r["source"] for r in result.records()] == [f"{lines}:1", f"{lines}:4"]


def test_file_names_that_are_not_utf8_are_printed_safely(tmp_path: Path, capsys) -> None:
    name = os.fsdecode(b"caf\xe9.json")
    try:
        (tmp_path / name).write_text(GOOD)
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses such names")
    result = run(["validate", "--format", "json", str(tmp_path)], capsys)
    (record,) = result.records()
    assert record["source"].endswith("caf\\xe9.json")
    assert record["valid"] is True


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path, capsys) -> None:
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (tmp_path / "crlf.ndjson").write_bytes(GOOD.encode() + b"\r\n" + GOOD.encode() + b"\r\n")
    result = run(["validate", "--format", "json", str(tmp_path / "bom.json"), str(tmp_path / "crlf.ndjson")], capsys)
    assert [r["valid"] for r in result.records()] == [True, True, True]
    assert result.code == 0
