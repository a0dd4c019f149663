"""Reading documents from text: strict JSON first (through ``stac_mlm.reading``: no ``NaN``/``Infinity``,
no ``1e400``, a depth cap), then leniently (comments, trailing commas removed by a one-pass tokenizer)."""

from __future__ import annotations

import re
from typing import Any

from ..reading import InputError, parse_json
from .report import ReportEntry


class MigrationError(ValueError):
    """The input cannot be migrated (not JSON, not a STAC Item or Collection, no model metadata...)."""


_NEXT = re.compile(r'["/,]')  # where a string, a comment or a comma may start
# the rest of a string, its closing quote included (unrolled: no nested repetition, so no backtracking blow-up)
_STRING_REST = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_SPACE = re.compile(r"\s*")
_SOURCE = "the input"


def _relax(text: str) -> tuple[str, list[str], int]:
    """The text without `//` and `/* */` comments and trailing commas (those inside strings kept), the
    comments removed and the number of commas removed. Each character is looked at a bounded number of
    times: an unterminated string or comment ends the scan (the rest is left as it is)."""
    kept: list[str] = []
    comments: list[str] = []
    commas = 0
    start = position = 0
    size = len(text)
    while found := _NEXT.search(text, position):
        index = found.start()
        char = text[index]
        if char == '"':
            rest = _STRING_REST.match(text, index + 1)
            if rest is None:
                break
            position = rest.end()
            continue
        if char == ",":
            after = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]  # \s* always matches
            if after < size and text[after] in "}]":
                kept.append(text[start:index])
                start = index + 1
                commas += 1
            position = index + 1
            continue
        follower = text[index + 1 : index + 2]
        if follower == "/":
            end = text.find("\n", index)
            end = size if end < 0 else end
        elif follower == "*":
            end = text.find("*/", index + 2)
            if end < 0:
                break
            end += 2
        else:
            position = index + 1
            continue
        kept.append(text[start:index])
        comments.append(text[index:end])
        start = position = end
    kept.append(text[start:])
    return "".join(kept), comments, commas


def decode(data: bytes) -> str:
    if not data.strip():
        raise MigrationError("the input is empty")
    if b"\x00" in data:
        raise MigrationError("the input is binary data, not JSON text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MigrationError(
            f"the input is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None


def read_document(data: str | bytes) -> tuple[Any, list[ReportEntry]]:
    """Parse one JSON document; `//` and `/* */` comments and trailing commas are removed if needed.

    Returns the value and the report entries for any repair. Raises MigrationError when the text is
    not JSON even after those repairs, or holds what strict JSON refuses (see ``stac_mlm.reading``).
    """
    text = decode(data) if isinstance(data, bytes) else data
    if not text.strip():
        raise MigrationError("the input is empty")
    try:
        return parse_json(text, _SOURCE), []
    except InputError as error:
        strict_error = error
    relaxed, comments, commas = _relax(text)
    if comments or commas:
        try:
            value = parse_json(relaxed, _SOURCE)
        except InputError:
            pass
        else:
            parts = [f"{len(comments)} comment(s)"] if comments else []
            parts += [f"{commas} trailing comma(s)"] if commas else []
            detail = f"the text is not strict JSON: removed {' and '.join(parts)}"
            return value, [ReportEntry("", "repaired", detail, comments or None)]
    raise MigrationError(f"{_SOURCE} {strict_error.reason}")
