"""Generator targets: each is one module ``stac_ext_codegen.targets.<name>`` listed in ``codegen.yaml``.

A target module defines ``render(build: Build) -> dict[str, str]``: the text of every file it produces,
keyed by its path relative to the repository root. ``build`` holds one version of the model and all that
is derived from it (see :class:`Build`); the target's own options (the other keys of its entry in
``codegen.yaml``) are ``build.options``. A target marked ``per_version: true`` runs once for every version
the source holds, the others once, for the version the docs and classes follow (``build.latest``).

Targets read the model through ``build.resolved`` (every slot of every class with its facts decoded once)
and ``build.json_schema()``; none decodes the model's annotations itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..model import ModelError, SourceModel

if TYPE_CHECKING:
    from ..config import Config, TargetSpec
    from ..resolved import ResolvedModel

_REQUIRED: Any = object()
Render = Callable[["Build"], dict[str, str]]


@dataclass(frozen=True)
class Build:
    """One version of the model, as a target sees it."""

    version: str  # e.g. "v1.5.2"
    status: str  # "release" | "draft"
    latest: bool  # the version the docs, classes and README follow (the draft if any, else the latest release)
    model: SourceModel
    base: Path  # the repository whose hand-written files targets may read (see `read`)
    latest_release: bool = False  # the newest release (what unversioned URLs and file names point to)
    versions: tuple[tuple[str, str, SourceModel], ...] = ()  # (version, status, model) of every version, ascending
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def config(self) -> Config:
        """The generator configuration."""
        return self.model.config

    @property
    def resolved(self) -> ResolvedModel:
        """The resolved model."""
        from ..resolved import resolve

        return resolve(self.model)

    def json_schema(self) -> dict[str, Any]:
        """The generated JSON Schema of this version (shared: do not modify it). A release's frozen source gives
        the same schema until the generator changes, so it comes from the cache of ``versioned.py``."""
        from ..versioned import release_schema

        return release_schema(self.model)

    def option(self, key: str, default: Any = _REQUIRED) -> Any:
        """An option of the target's entry in ``codegen.yaml`` (``{version}`` in strings is filled)."""
        if key not in self.options:
            if default is _REQUIRED:
                raise ModelError(f"{self.config.path}: a target lacks its option `{key}`")
            return default
        return self.fill(self.options[key])

    def fill(self, value: Any) -> Any:
        """``{version}`` in a string (or in the strings of a list) replaced by this build's version."""
        if isinstance(value, str):
            return value.replace("{version}", self.version)
        if isinstance(value, list | tuple):
            return [self.fill(v) for v in value]
        return value

    def read(self, path: str) -> str:
        """A hand-written file of the repository (for targets that fill a region of one)."""
        source = self.base / path
        if not source.is_file():
            raise ModelError(f"{path}: not found, so its generated part cannot be written")
        return source.read_text(encoding="utf-8")


def load_target(spec: TargetSpec) -> Render:
    """The ``render`` function of a configured target."""
    try:
        module = importlib.import_module(f"{__name__}.{spec.name}")
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{spec.name}":
            raise
        raise ModelError(
            f"target {spec.name!r} (codegen.yaml): no module stac_ext_codegen/targets/{spec.name}.py"
        ) from None
    render = getattr(module, "render", None)
    if not callable(render):
        raise ModelError(f"target {spec.name!r}: its module has no render(build) function")
    return render


def splice(text: str, region: str, content: str, path: str = "") -> str:
    """Replace what lies between a region's ``<!-- {region}:start -->`` and ``<!-- {region}:end -->``."""
    start, end = f"<!-- {region}:start -->", f"<!-- {region}:end -->"
    begin, finish = text.find(start), text.find(end)
    if begin < 0 or finish < begin:
        raise ModelError(f"{path}: needs the markers {start} and {end}, in that order, around the generated region")
    return text[: begin + len(start)] + "\n" + content.strip("\n") + "\n" + text[finish:]
