"""The repository facts the generator needs (``codegen.yaml`` beside the model) and the list of targets.

Nothing in the generator's code names a file of a particular repository: the root model file, where the
fixtures live and are rendered, which folders are generated, and which targets run all come from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .errors import ModelError
from .yamlfile import load_text

CONFIG_FILE = "codegen.yaml"
TARGET_KEY = "target"  # the key of a `targets` entry that names the target's module


class ConfigError(ModelError):
    """``codegen.yaml`` is missing, unreadable or incomplete."""


@dataclass(frozen=True)
class TargetSpec:
    """One entry of ``targets``: the module ``stac_ext_codegen.targets.<name>`` and its options."""

    name: str
    per_version: bool = False
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Config:
    """The parsed ``codegen.yaml`` (``data`` holds it as read; the properties name what the generator uses)."""

    path: Path
    data: Mapping[str, Any]
    targets: tuple[TargetSpec, ...]

    def get(self, section: str, key: str) -> str:
        """A required string ``section.key``."""
        value = (self.data.get(section) or {}).get(key)
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{self.path}: `{section}.{key}` must be a non-empty string")
        return value

    @property
    def model_root(self) -> str:
        """The LinkML root file of the model, relative to schema/."""
        return self.get("model", "root")

    @property
    def rules_file(self) -> str:
        """The rules file of the model, relative to schema/."""
        return self.get("model", "rules")

    @property
    def owned(self) -> tuple[str, ...]:
        """Folders whose every file is generated, or patterns of generated files (relative to the repository root)."""
        return tuple(str(p) for p in self.data.get("owned") or [])

    def target(self, name: str) -> TargetSpec:
        """The configuration of the target called ``name``."""
        for spec in self.targets:
            if spec.name == name:
                return spec
        raise ConfigError(f"{self.path}: no target {name!r}")


def _parse(path: Path) -> Config:
    try:
        data = load_text(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{path}: not readable ({error})") from error
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: must be a mapping")
    targets = []
    seen: set[str] = set()
    for number, entry in enumerate(data.get("targets") or [], 1):
        module = entry.get(TARGET_KEY) if isinstance(entry, dict) else entry
        if not isinstance(module, str) or not module.isidentifier():
            raise ConfigError(f"{path}: target {number} needs `{TARGET_KEY}: <module name>` (got {module!r})")
        if module in seen:
            raise ConfigError(f"{path}: target {module!r} is listed twice")
        seen.add(module)
        entry = entry if isinstance(entry, dict) else {}
        options = {k: v for k, v in entry.items() if k not in {TARGET_KEY, "per_version"}}
        targets.append(TargetSpec(module, bool(entry.get("per_version", False)), MappingProxyType(options)))
    return Config(path=path, data=MappingProxyType(data), targets=tuple(targets))


@cache
def _load(path: Path, stamp: tuple[int, int]) -> Config:
    return _parse(path)


def load_config(path: Path) -> Config:
    """The config file at ``path`` (parsed once while the file is unchanged)."""
    path = path.resolve()
    if not path.is_file():
        raise ConfigError(f"{path}: not found (the generator's repository facts and targets)")
    stat = path.stat()
    return _load(path, (stat.st_mtime_ns, stat.st_size))


def find_config(directory: Path) -> Config:
    """The ``codegen.yaml`` of a model directory: in it, or in the nearest folder above it that has one
    (release snapshots under ``<schema>/releases/<version>/`` share the one of their source)."""
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        if (folder / CONFIG_FILE).is_file():
            return load_config(folder / CONFIG_FILE)
    raise ConfigError(f"{directory}: no {CONFIG_FILE} in it or above it (the generator's repository facts)")
