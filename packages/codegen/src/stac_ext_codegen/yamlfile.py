"""YAML read with libyaml when PyYAML has it (several times faster than the pure-Python parser)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

#: PyYAML's safe loader, in C when available (same resolution of tags and values).
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_text(text: str) -> Any:
    """Parse YAML text with the safe loader."""
    return yaml.load(text, Loader=SafeLoader)


@cache
def _parsed(path: Path, stamp: tuple[int, int]) -> Any:
    return load_text(path.read_text(encoding="utf-8"))


def load_file(path: Path) -> Any:
    """A YAML file, parsed once while it is unchanged (shared: callers must not modify the result)."""
    stat = path.stat()
    return _parsed(path.resolve(), (stat.st_mtime_ns, stat.st_size))
