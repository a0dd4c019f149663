"""Configs beside a model file: small JSON and YAML files in the model's folder, searched for a list of
names whose length equals an output's class count (the file and key are noted as provenance).

Each file goes through ``stac_mlm.reading`` (regular files inside the folder only, a byte and a depth
cap, YAML without aliases); a file that cannot be read is skipped, never fatal.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import reading
from .facts import Note, classes

SUFFIXES = (".json", ".yaml", ".yml")
#: At most this many config files are opened, each at most this large.
MAX_FILES = 32
MAX_CONFIG = 4 * 2**20


def _lists(value: Any, where: str = "") -> Iterator[tuple[str, list[str]]]:
    """Every list of strings in a JSON-like value, with its key path (``a.b``), without recursion."""
    stack = [(value, where)]
    while stack:
        current, path = stack.pop()
        if isinstance(current, dict):
            stack.extend((v, f"{path}.{k}" if path else str(k)) for k, v in current.items())
        elif isinstance(current, list):
            if current and all(isinstance(v, str) for v in current):
                yield path, current
            else:
                stack.extend((v, f"{path}[{i}]") for i, v in enumerate(current))


def configs(folder: Path) -> Iterator[tuple[str, Any]]:
    """(file name, parsed content) of the readable configs in ``folder``, in name order."""
    names = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)[:MAX_FILES]
    for name in names:
        path = folder / name
        try:
            if name.lower().endswith(".json"):
                yield name, reading.load_json(path, cap=MAX_CONFIG, max_depth=32, root=folder)
            else:
                yield name, reading.load_yaml(path, cap=MAX_CONFIG, max_depth=32, root=folder)
        except reading.InputError:
            continue


def class_names(model: Path, outputs: list[dict[str, Any]], notes: list[Note]) -> None:
    """Put ``classification:classes`` on outputs without them whose class count equals the length of a list
    of names in a config beside the model; the first match (file name order, then key) wins."""
    wanted = {}
    for index, output in enumerate(outputs):
        dims, shape = output["result"]["dim_order"], output["result"]["shape"]
        if "classification:classes" not in output and "class" in dims and shape[dims.index("class")] > 1:
            wanted[index] = shape[dims.index("class")]
    if not wanted:
        return
    for file, content in configs(model.parent):
        for key, names in sorted(_lists(content)):
            for index, count in list(wanted.items()):
                if len(names) == count:
                    outputs[index]["classification:classes"] = classes(dict(enumerate(names)))
                    where = f"/properties/mlm:output/{index}/classification:classes"
                    notes.append(Note(where, f"the list {key!r} in {file} beside the model ({count} names)"))
                    del wanted[index]
        if not wanted:
            return
