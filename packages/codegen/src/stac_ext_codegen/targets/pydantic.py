"""Target: the runtime package's Pydantic classes (option ``path``)."""

from __future__ import annotations

from . import Build


def render(build: Build) -> dict[str, str]:
    """The Pydantic classes module."""
    from ..pydantic import build_pydantic

    return {build.option("path"): build_pydantic(build.model)}
