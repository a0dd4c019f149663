"""Overrides: values a person gives for what a reader could not derive.

A key is a path into the Item: dotted (``properties.datetime``, ``properties.mlm:input.0.bands``) or a
JSON Pointer (``/properties/datetime``). A value that is a mapping is merged into the mapping already
there; any other value replaces what is there.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: Keyword arguments of ``describe`` with these names set top-level Item keys; any other name is an
#: Item property (``mlm_`` standing for ``mlm:``).
TOP_LEVEL = frozenset(
    {"id", "type", "stac_version", "stac_extensions", "geometry", "bbox", "properties", "assets", "links", "collection"}
)


class OverrideError(ValueError):
    """An override cannot be read or applied."""


def split(key: str) -> list[str]:
    """The segments of a dotted path or JSON Pointer."""
    if key.startswith("/"):
        return [part.replace("~1", "/").replace("~0", "~") for part in key[1:].split("/")]
    parts = key.split(".")
    if not key or any(not part for part in parts):
        raise OverrideError(f"{key!r} is not a path (write it as properties.datetime or /properties/datetime)")
    return parts


def keyword_path(name: str) -> list[str]:
    """The path a ``describe(..., name=value)`` keyword stands for."""
    if "." in name or name.startswith("/"):
        return split(name)
    if name in TOP_LEVEL:
        return [name]
    return ["properties", "mlm:" + name[4:] if name.startswith("mlm_") else name]


def parse_assignment(text: str) -> tuple[list[str], Any]:
    """``KEY=VALUE`` from the command line: VALUE is read as JSON when it is JSON, else kept as text."""
    key, sep, raw = text.partition("=")
    if not sep:
        raise OverrideError(f"--set {text!r}: expected KEY=VALUE, such as properties.datetime=2024-01-01T00:00:00Z")
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    return split(key.strip()), value


def read_file(path: str | Path) -> list[tuple[list[str], Any]]:
    """The overrides in a YAML (or JSON) file: a mapping whose keys are paths or nested Item keys."""
    from .. import reading

    file = Path(path)
    try:
        data = reading.load_json(file) if file.suffix.lower() == ".json" else reading.load_yaml(file)
    except reading.InputError as error:
        raise OverrideError(str(error)) from None
    if data is None:
        return []
    if not isinstance(data, Mapping):
        raise OverrideError(f"{file} must hold a mapping of paths to values, not a {type(data).__name__}")
    return [(split(str(key)), value) for key, value in data.items()]


def apply(document: dict[str, Any], path: list[str], value: Any) -> list[str]:
    """Set ``value`` at ``path`` in ``document`` (mappings merge); return the JSON Pointers written."""
    if not path:
        raise OverrideError("an override needs a path")
    parent: Any = document
    for depth, segment in enumerate(path[:-1]):
        parent = _child(parent, segment, path[depth + 1], path)
    return _put(parent, path[-1], value, path)


def _index(container: list[Any], segment: str, path: list[str]) -> int:
    if not segment.isdigit() or int(segment) > len(container):
        where = "/".join(path)
        raise OverrideError(f"{where}: {segment!r} is not an index of a list of {len(container)} item(s)")
    return int(segment)


def _child(parent: Any, segment: str, following: str, path: list[str]) -> Any:
    fresh: Any = [] if following.isdigit() and following == "0" else {}
    if isinstance(parent, dict):
        if not isinstance(parent.get(segment), dict | list):
            parent[segment] = fresh
        return parent[segment]
    if isinstance(parent, list):
        index = _index(parent, segment, path)
        if index == len(parent):
            parent.append(fresh)
        elif not isinstance(parent[index], dict | list):
            parent[index] = fresh
        return parent[index]
    raise OverrideError(f"{'/'.join(path)}: cannot go into a {type(parent).__name__}")


def _put(parent: Any, segment: str, value: Any, path: list[str]) -> list[str]:
    pointer = "/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in path)
    if isinstance(parent, list):
        index = _index(parent, segment, path)
        if index == len(parent):
            parent.append(value)
            return [pointer]
        current = parent[index]
    elif isinstance(parent, dict):
        current = parent.get(segment)
    else:
        raise OverrideError(f"{'/'.join(path)}: cannot set a key of a {type(parent).__name__}")
    if isinstance(current, dict) and isinstance(value, Mapping):
        written = []
        for key, item in value.items():
            written += _put(current, str(key), item, [*path, str(key)])
        return written
    if isinstance(parent, list):
        parent[int(segment)] = value
    else:
        parent[segment] = value
    return [pointer]
