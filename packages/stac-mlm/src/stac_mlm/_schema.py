"""The bundled JSON Schema (generated from the LinkML model): the one validation authority, offline."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

_RESOURCE = ("_generated", "schema.json")


@cache
def schema_text() -> str:
    """The bundled schema, as text (what ``stac-mlm schema`` prints)."""
    return resources.files(__package__).joinpath(*_RESOURCE).read_text(encoding="utf-8")


@cache
def _parsed() -> dict[str, Any]:
    return json.loads(schema_text())


def json_schema() -> dict[str, Any]:
    """A fresh copy of the bundled JSON Schema (draft-07)."""
    return json.loads(schema_text())


SCHEMA_URL: str = _parsed()["$id"]
SPEC_VERSION: str = SCHEMA_URL.rstrip("/").split("/")[-2].lstrip("v")
