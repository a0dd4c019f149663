"""Target: the draft-07 JSON Schema, written to every path of the option ``paths``."""

from __future__ import annotations

from . import Build


def render(build: Build) -> dict[str, str]:
    from ..jsonschema import dump_json

    text = dump_json(build.json_schema())
    return {path: text for path in build.option("paths")}
