"""A quick test, run on every document ``validate`` judges: could it hold a placeholder?

``placeholders.find`` gives the exact answer (paths, order, what to fill) but walks each mark's pattern in
Python, which costs more than validating the document. The marks table is turned once into a JSON Schema
that a document matches exactly when no mark's pattern reaches its stand-in (``*`` segments become
``additionalProperties`` / ``items``, ``prefix*`` a ``patternProperties``, the stand-in a ``not: {const}``),
checked by the compiled validator in microseconds; ``find`` runs only on documents that fail it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs

from . import pointer
from .placeholders import Placeholder, find


def _below(segments: tuple[str, ...], stand_in: Any) -> dict[str, Any]:
    """The schema of "no ``stand_in`` at ``segments`` below here"."""
    if not segments:
        return {"not": {"const": stand_in}}
    inner = _below(segments[1:], stand_in)
    segment = segments[0]
    if segment == "*":
        return {"additionalProperties": inner, "items": inner}
    if segment.endswith("*"):
        return {"patternProperties": {"^" + re.escape(segment[:-1]): inner}}
    schema: dict[str, Any] = {"properties": {segment: inner}}
    if segment.isdigit():
        schema["items"] = [{}] * int(segment) + [inner]
    return schema


def rows() -> list[tuple[str, Any]]:
    """``(path, stand-in)`` of every mark, read from the bundled tables as ``placeholders.marks`` reads them,
    without importing the migration package (validate needs only this, ``find`` the rest on a hit)."""
    text = resources.files(__package__).joinpath("_generated", "migrations.json").read_text(encoding="utf-8")
    return [(row["path"], row["equals"]) for row in json.loads(text)["common"]["placeholder_marks"]]


@cache
def _validator() -> Any:
    schema = {"allOf": [_below(pointer.parse_pointer(path), stand_in) for path, stand_in in rows()]}
    return jsonschema_rs.Draft7Validator(schema)


def may_hold(document: Any) -> bool:
    """False when ``document`` surely holds no placeholder."""
    try:
        return not _validator().is_valid(document)
    except (ValueError, RecursionError):  # a value the validator cannot take: let ``find`` decide
        return True


def placeholders(document: Any) -> list[Placeholder]:
    """Every placeholder of ``document`` (as ``placeholders.find``), quickly when there is none."""
    return find(document) if may_hold(document) else []
