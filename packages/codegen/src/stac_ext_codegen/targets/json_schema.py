"""Target: the draft-07 JSON Schema of a version, written to every path of the option ``paths``
(``{version}`` in them is filled); the latest release's is also written to every path of ``latest_paths``."""

from __future__ import annotations

from . import Build


def render(build: Build) -> dict[str, str]:
    """The JSON Schema, at each configured path."""
    from ..jsonschema import dump_json

    text = dump_json(build.json_schema())
    paths = list(build.option("paths"))
    if build.latest_release:
        paths += build.option("latest_paths", [])
    return dict.fromkeys(paths, text)
