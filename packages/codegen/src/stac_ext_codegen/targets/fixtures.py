"""Target: the example fixtures rendered from their YAML sources beside the model (``codegen.yaml``:
``fixtures.sources`` in, ``fixtures.rendered`` out)."""

from __future__ import annotations

from . import Build


def render(build: Build) -> dict[str, str]:
    """The rendered example documents."""
    from ..fixtures import render_fixtures

    folder = build.config.get("fixtures", "rendered")
    return {f"{folder}/{name}": text for name, text in render_fixtures(build.model).items()}
