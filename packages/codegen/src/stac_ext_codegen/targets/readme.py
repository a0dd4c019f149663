"""Target: the field tables of the README, between ``<!-- {region}:start -->`` and ``<!-- {region}:end -->``
of the hand-written file ``path`` (the rest of the file is kept as it is)."""

from __future__ import annotations

from . import Build, splice


def render(build: Build) -> dict[str, str]:
    """The README with its generated fields region replaced."""
    from ..docs import readme_fields

    path = build.option("path")
    return {path: splice(build.read(path), build.option("region"), readme_fields(build.model), path)}
