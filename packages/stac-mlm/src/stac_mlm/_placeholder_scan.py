"""A quick test, run on every document ``validate`` judges: could it hold a placeholder?

``placeholders.find`` gives the exact answer (paths, order, what to fill) but walks each mark's pattern in
Python, which costs more than validating the document. The marks table is turned once into a JSON Schema
that a document matches exactly when no mark's pattern reaches its stand-in (``*`` segments become
``additionalProperties`` / ``items``, ``prefix*`` a ``patternProperties``, the stand-in a ``not: {const}``),
checked by the compiled validator in microseconds; ``find`` runs only on documents that fail it.

``finished(version)`` joins that schema to a version's own (one more member of its root ``allOf``): one pass
over a document tells that it is valid *and* holds no placeholder, the common case of ``validate``; a
document it rejects is then checked by each half.
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


def _no_placeholder() -> dict[str, Any]:
    """The JSON Schema a document matches exactly when it holds no stand-in."""
    return {"allOf": [_below(pointer.parse_pointer(path), stand_in) for path, stand_in in rows()]}


@cache
def _validator() -> Any:
    return jsonschema_rs.Draft7Validator(_no_placeholder())


@cache
def finished(version: str) -> Any:
    """A validator of "valid under the schema of ``version`` and holding no placeholder", in one pass; None
    when that schema's root is a ``$ref`` (draft 7 ignores the keywords beside it)."""
    from ._schema import parsed

    schema = parsed(version)
    if "$ref" in schema:
        return None
    return jsonschema_rs.Draft7Validator({**schema, "allOf": [*schema.get("allOf", ()), _no_placeholder()]})


def may_hold(document: Any) -> bool:
    """False when ``document`` surely holds no placeholder."""
    try:
        return not _validator().is_valid(document)
    except (ValueError, RecursionError):  # a value the validator cannot take: let ``find`` decide
        return True


def placeholders(document: Any) -> list[Placeholder]:
    """Every placeholder of ``document`` (as ``placeholders.find``), quickly when there is none."""
    return find(document) if may_hold(document) else []
