"""Reading documents from text: strict JSON first, then leniently (comments, trailing commas)."""

from __future__ import annotations

import json
import re
from typing import Any

from .report import ReportEntry


class MigrationError(ValueError):
    """The input cannot be migrated (not JSON, not a STAC Item or Collection, no model metadata...)."""


# strings, comments and trailing commas, so that comment markers inside strings are left alone
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?\*/|,(?=\s*[}\]])', re.DOTALL)


def _relax(text: str) -> tuple[str, list[str], int]:
    comments: list[str] = []
    commas = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal commas
        token = match.group(0)
        if token.startswith('"'):
            return token
        if token == ",":
            commas += 1
        else:
            comments.append(token)
        return ""

    return _TOKENS.sub(replace, text), comments, commas


def decode(data: bytes) -> str:
    """The input as text; a ``MigrationError`` when it is empty, binary or not UTF-8."""
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
    not JSON even after those repairs.
    """
    text = decode(data) if isinstance(data, bytes) else data
    if not text.strip():
        raise MigrationError("the input is empty")
    try:
        return json.loads(text), []
    except json.JSONDecodeError as error:
        strict_error = error
    relaxed, comments, commas = _relax(text)
    if comments or commas:
        try:
            value = json.loads(relaxed)
        except json.JSONDecodeError:
            pass
        else:
            parts = [f"{len(comments)} comment(s)"] if comments else []
            parts += [f"{commas} trailing comma(s)"] if commas else []
            detail = f"the text is not strict JSON: removed {' and '.join(parts)}"
            return value, [ReportEntry("", "repaired", detail, comments or None)]
    raise MigrationError(
        f"not valid JSON: {strict_error.msg} (line {strict_error.lineno}, column {strict_error.colno})"
    )
