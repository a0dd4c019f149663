"""A deterministic corpus of mutated MLM documents ("near misses") built from seed documents.

Every mutation changes one thing: it deletes a key, replaces a value by a value of another kind, or
applies an MLM-aware change (another enum value, a role added or removed, a URL of another version,
a reserved dimension name...). The corpus is reproducible: same seeds, same seed number, same
documents, in the same order.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .paths import release_urls

Path = tuple[str | int, ...]

GENERIC_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    -2,
    1,
    1.5,
    "",
    " ",
    "x",
    "Abc",
    [],
    [None],
    ["x"],
    [1],
    {},
    {"a": 1},
]
STRING_TWEAKS = [" {}", "{} ", "{}-", "_{}", "{}".upper, "1{}", "{}{}"]
DOMAIN_STRINGS = [
    "cpu",
    "cuda",
    "amd64",
    "xla",
    "macos-arm",
    "bogus",
    "classification",
    "downscaling",
    "my-task",
    "crop",
    "bilinear",
    "interpolation-nearest",
    "float32",
    "float",
    "other",
    "int128",
    "bands",
    "variables",
    "channel",
    "Channel",
    "c1",
    "time",
    "mlm:model",
    "code",
    "metadata",
    "mlm:weights",
    "torch.save",
    "min-max",
    "z-score",
    "clip",
    "clip-min",
    "clip-max",
    "offset",
    "scale",
    "processing",
    "null",
    "PyTorch",
    " PyTorch",
    "pytorch.",
    "2.1.2",
    "2.1",
    "2.1.2+cu121",
    "1.1.0",
    "1.0.0",
    "1.2.0-beta",
    "Feature",
    "Collection",
    "Catalog",
    *release_urls()[:2],  # the latest release's MLM URL and the one before it
    "https://stac-extensions.github.io/raster/v1.1.0/schema.json",
    "https://stac-extensions.github.io/raster/v2.0.0/schema.json",
    "https://stac-extensions.github.io/eo/v1.1.0/schema.json",
    "https://stac-extensions.github.io/eo/v2.0.0/schema.json",
    "https://stac-extensions.github.io/datacube/v2.3.0/schema.json",
    "https://stac-extensions.github.io/datacube/v1.0.0/schema.json",
]
KEYS_TO_ADD = [
    "mlm:unknown",
    "mlm:name",
    "mlm:input",
    "mlm:output",
    "mlm:hyperparameters",
    "mlm:artifact_type",
    "mlm:compile_method",
    "mlm:entrypoint",
    "mlm:accelerator",
    "mlm:tasks",
    "dlm:x",
    "roles",
    "bands",
    "variables",
    "format",
    "expression",
    "description",
    "raster:bands",
    "eo:bands",
    "cube:variables",
    "classification:classes",
    "value_scaling",
    "pre_processing_function",
    "stac_version",
    "norm_type",
]
VALUES_FOR_ADDED_KEYS: list[Any] = [
    "x",
    None,
    [],
    ["B01"],
    [{"name": "B01"}],
    {"name": "B01"},
    {"a": 1},
    1,
    ["mlm:model"],
    ["code"],
    [{"type": "min-max", "minimum": 0, "maximum": 1}],
    {"format": "python", "expression": "a:b"},
]


@dataclass(frozen=True)
class Mutant:
    """One mutated document and how it was made."""

    seed: str
    description: str
    document: Any


def _paths(node: Any, prefix: Path = ()) -> Iterator[tuple[Path, Any]]:
    yield prefix, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


def _get(node: Any, path: Path) -> Any:
    for part in path:
        node = node[part]
    return node


def _set(document: Any, path: Path, value: Any) -> Any:
    if not path:
        return value
    parent = _get(document, path[:-1])
    parent[path[-1]] = value
    return document


def _delete(document: Any, path: Path) -> Any:
    parent = _get(document, path[:-1])
    del parent[path[-1]]
    return document


def _pointer(path: Path) -> str:
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path)


def _candidate_values(value: Any, rng: random.Random) -> list[Any]:
    values = list(GENERIC_VALUES)
    if isinstance(value, str):
        values += [tweak.format(value) if isinstance(tweak, str) else tweak() for tweak in STRING_TWEAKS[:5]]
        values += [value.upper(), "1" + value]
        values += rng.sample(DOMAIN_STRINGS, 12)
    elif isinstance(value, list):
        values += [value + value[:1], value[:-1], value[1:], [*value, None], [*value, *value]]
        values += [[rng.choice(DOMAIN_STRINGS)], value[::-1]]
    elif isinstance(value, dict):
        values += [{k: v for k, v in list(value.items())[1:]}]
    elif isinstance(value, bool):
        values += [not value, "yes"]
    elif isinstance(value, int | float):
        values += [value + 1, -value, float(value), str(value)]
    return values


def mutants(seed_name: str, document: Any, rng: random.Random, per_path: int = 2) -> Iterator[Mutant]:
    """Near misses of one document: per JSON path, a deletion and a few replacements."""
    for path, value in list(_paths(document)):
        if path:
            changed = _delete(copy.deepcopy(document), path)
            yield Mutant(seed_name, f"delete {_pointer(path)}", changed)
        for replacement in rng.sample(_candidate_values(value, rng), per_path):
            changed = _set(copy.deepcopy(document), path, copy.deepcopy(replacement))
            yield Mutant(seed_name, f"set {_pointer(path)} = {replacement!r}", changed)
        if isinstance(value, dict):
            key = rng.choice(KEYS_TO_ADD)
            added = rng.choice(VALUES_FOR_ADDED_KEYS)
            changed = copy.deepcopy(document)
            _get(changed, path)[key] = copy.deepcopy(added)
            yield Mutant(seed_name, f"add {_pointer((*path, key))} = {added!r}", changed)


def corpus(seeds: dict[str, Any], seed: int = 1552, limit: int | None = None) -> list[Mutant]:
    """All mutants of every seed, shuffled reproducibly and cut to ``limit``."""
    rng = random.Random(seed)
    everything: list[Mutant] = []
    for name in sorted(seeds):
        everything.extend(mutants(name, seeds[name], rng))
    random.Random(seed).shuffle(everything)
    return everything if limit is None else everything[:limit]
