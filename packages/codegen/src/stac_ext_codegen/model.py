"""The inputs of every generator: a LinkML model and its rules file, found in one schema directory.

When the directory belongs to a versioned source (``versions.yaml``, see ``versions.py``), the model is
loaded as one version: its files are copied to a scratch folder with the version placeholders filled,
and every generator reads that copy (``directory``); ``source`` is where the files really live. A model
with map classes is read from a further copy in which they are written as ``json_map`` slots
(``linkml_directory``, see ``stockforms.py``).
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .annotations import annotation_values
from .config import Config, find_config
from .errors import ModelError
from .stockforms import normalized_directory
from .versions import Version, VersionError, VersionIndex
from .yamlfile import load_text

if TYPE_CHECKING:
    from linkml_runtime import SchemaView

__all__ = ["ModelError", "SourceModel", "load_version", "per_model"]

T = TypeVar("T")


@dataclass(eq=False)
class SourceModel:
    """A LinkML model (``root``) plus the cross-object rules declared beside it (compared by identity, so that
    what is derived from it can be cached per model)."""

    directory: Path
    config: Config
    _rules: dict[str, Any] = field(default_factory=dict, init=False, repr=False)
    #: where the model's files live (``directory`` is a filled copy for a versioned model)
    source: Path | None = None
    #: the version this model is (None for an unversioned schema directory)
    version: Version | None = None
    #: the index of every version of the source this model belongs to
    versions: VersionIndex | None = None

    @classmethod
    def load(
        cls,
        directory: str | Path,
        *,
        version: Version | None = None,
        versions: VersionIndex | None = None,
        config: Config | None = None,
    ) -> SourceModel:
        """The model in ``directory``. A directory with ``versions.yaml`` is loaded as its head (the draft, else
        the latest release); ``releases/<version>/`` beside one as that release. Its root file is named by
        ``config`` (default: the ``codegen.yaml`` in or above the directory)."""
        directory = Path(directory)
        config = config or find_config(directory)
        if not (directory / config.model_root).is_file():
            raise ModelError(f"{directory}: no {config.model_root} (the root of the LinkML model)")
        try:
            if version is None:
                versions = VersionIndex.find(directory)
                if versions is not None:
                    version = versions.head
                elif directory.parent.name == "releases":
                    versions = VersionIndex.find(directory.parent.parent)
                    if versions is not None:
                        version = versions.get(directory.name)
        except VersionError as error:
            raise ModelError(str(error)) from error
        if version is None:
            return cls(directory=directory, config=config, source=directory)
        copy = _filled_copy(directory, version)
        return cls(directory=copy, config=config, source=directory, version=version, versions=versions)

    @property
    def root(self) -> str:
        """The LinkML root file, relative to the model's folder."""
        return self.config.model_root

    @property
    def rules_file(self) -> str:
        """The rules file, relative to the model's folder."""
        return self.config.rules_file

    @property
    def root_path(self) -> Path:
        """The LinkML root file's path, as the generators read it (map classes written as ``json_map`` slots)."""
        return self.linkml_directory / self.root

    @cached_property
    def linkml_directory(self) -> Path:
        """The folder of the LinkML files the generators read: ``directory``, or a copy of it in which the forms
        written for stock LinkML (map classes, one-or-many ``any_of``) are the annotated slots every target reads
        (``stockforms.py``)."""
        return normalized_directory(self.directory, self.root, self.rules_file)

    @cached_property
    def view(self) -> SchemaView:
        """A LinkML SchemaView of the model."""
        from linkml_runtime import SchemaView

        return SchemaView(str(self.root_path))

    @cached_property
    def schema_annotations(self) -> dict[str, Any]:
        """The annotations of the schema, as plain values."""
        return annotation_values(self.view.schema)

    @cached_property
    def rules_document(self) -> dict[str, Any]:
        """The rules file, parsed (empty defs and rules when there is none)."""
        path = self.directory / self.rules_file
        if not path.is_file():
            return {"defs": {}, "rules": []}
        document = load_text(path.read_text(encoding="utf-8")) or {}
        document.setdefault("defs", {})
        document.setdefault("rules", [])
        return document

    @property
    def rules(self) -> list[dict[str, Any]]:
        """The rules of the rules file."""
        return list(self.rules_document["rules"])

    @property
    def rule_defs(self) -> dict[str, Any]:
        """The shared definitions of the rules file."""
        return dict(self.rules_document["defs"])


def load_version(index: VersionIndex, version: Version | str) -> SourceModel:
    """The loaded model of one version of a source (the live files for the draft), loaded once per index."""
    if isinstance(version, str):
        version = index.get(version)
    if version.version not in index._models:
        directory = index.source_dir(version)
        if version.status != "draft" and not directory.is_dir():
            raise VersionError(f"release {version.version}: its source {directory} does not exist")
        index._models[version.version] = SourceModel.load(directory, version=version, versions=index)
    model: SourceModel = index._models[version.version]
    return model


def _filled_copy(directory: Path, version: Version) -> Path:
    """A scratch copy of a model directory with the version placeholders of its text files filled."""
    scratch = Path(tempfile.mkdtemp(prefix=f"codegen-{version.version}-"))
    atexit.register(shutil.rmtree, scratch, True)
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if relative.parts[0] in {"releases", "__pycache__"} or not path.is_file():
            continue
        target = scratch / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in {".yaml", ".yml", ".json", ".md", ".csv", ".txt"}:
            target.write_text(version.fill(path.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            shutil.copyfile(path, target)
    return scratch


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
