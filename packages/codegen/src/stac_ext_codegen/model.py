"""The inputs of every generator: a LinkML model and its rules file, found in one schema directory."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from .annotations import annotation_values

if TYPE_CHECKING:
    from linkml_runtime import SchemaView

    from .config import Config


T = TypeVar("T")


class ModelError(ValueError):
    """The schema directory is inconsistent (a rule names a missing class, a name clashes, ...)."""


@dataclass(eq=False)
class SourceModel:
    """A LinkML model (``root``) plus the cross-object rules declared beside it (compared by identity, so that
    what is derived from it can be cached per model)."""

    directory: Path
    config: Config
    _rules: dict[str, Any] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def load(cls, directory: str | Path, config: Config | None = None) -> SourceModel:
        """The model in ``directory``; its root file is named by ``config`` (default: the ``codegen.yaml`` in
        or above the directory)."""
        from .config import find_config

        directory = Path(directory)
        config = config or find_config(directory)
        if not (directory / config.model_root).is_file():
            raise ModelError(f"{directory}: no {config.model_root} (the root of the LinkML model)")
        return cls(directory=directory, config=config)

    @property
    def root(self) -> str:
        return self.config.model_root

    @property
    def rules_file(self) -> str:
        return self.config.rules_file

    @property
    def root_path(self) -> Path:
        return self.directory / self.root

    @cached_property
    def view(self) -> SchemaView:
        from linkml_runtime import SchemaView

        return SchemaView(str(self.root_path))

    @cached_property
    def schema_annotations(self) -> dict[str, Any]:
        return annotation_values(self.view.schema)

    @cached_property
    def rules_document(self) -> dict[str, Any]:
        path = self.directory / self.rules_file
        if not path.is_file():
            return {"defs": {}, "rules": []}
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        document.setdefault("defs", {})
        document.setdefault("rules", [])
        return document

    @property
    def rules(self) -> list[dict[str, Any]]:
        return list(self.rules_document["rules"])

    @property
    def rule_defs(self) -> dict[str, Any]:
        return dict(self.rules_document["defs"])


def per_model(function: Callable[[SourceModel], T]) -> Callable[[SourceModel], T]:
    """Cache ``function(model)`` once per model object (kept only while the model lives; callers must not
    modify the result)."""
    results: weakref.WeakKeyDictionary[SourceModel, T] = weakref.WeakKeyDictionary()

    @functools.wraps(function)
    def cached(model: SourceModel) -> T:
        if model not in results:
            results[model] = function(model)
        return results[model]

    return cached
