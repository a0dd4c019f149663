"""The inputs of every generator: a LinkML model and its rules file, found in one schema directory."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .annotations import annotation_values

if TYPE_CHECKING:
    from linkml_runtime import SchemaView

ROOT_FILE = "mlm.yaml"
RULES_FILE = "rules.yaml"


class ModelError(ValueError):
    """The schema directory is inconsistent (a rule names a missing class, a name clashes, ...)."""


@dataclass
class SourceModel:
    """A LinkML model (``root``) plus the cross-object rules declared beside it."""

    directory: Path
    root: str = ROOT_FILE
    rules_file: str = RULES_FILE
    _rules: dict[str, Any] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def load(cls, directory: str | Path) -> SourceModel:
        directory = Path(directory)
        if not (directory / ROOT_FILE).is_file():
            raise ModelError(f"{directory}: no {ROOT_FILE} (the root of the LinkML model)")
        return cls(directory=directory)

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
