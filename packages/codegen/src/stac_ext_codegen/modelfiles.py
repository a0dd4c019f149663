"""The files a model is made of in one directory (its root, the local imports, the rules file), and their
digest (what a frozen release is checked against)."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

import yaml

from .config import find_config
from .errors import VersionError
from .yamlfile import SafeLoader


def model_files(directory: Path, root: str | None = None, rules: str | None = None) -> list[str]:
    """The files that make up a model in ``directory``: the root, its local imports (transitively), the rules
    file (named by ``codegen.yaml`` unless given). Paths relative to ``directory``, sorted."""
    if root is None or rules is None:
        config = find_config(directory)
        root, rules = root or config.model_root, rules or config.rules_file
    state = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(directory.glob("*.y*ml")))
    return list(_model_files(directory.resolve(), root, rules, state))


@functools.lru_cache(maxsize=64)
def _model_files(directory: Path, root: str, rules: str, state: tuple[Any, ...]) -> tuple[str, ...]:
    found: set[str] = set()
    pending = [root]
    while pending:
        name = pending.pop()
        if name in found or not (directory / name).is_file():
            continue
        found.add(name)
        document = read_yaml(directory / name)
        for entry in (document.get("imports", []) if isinstance(document, dict) else []) or []:
            entry = str(entry)
            if ":" not in entry:  # linkml:types and other CURIEs are not files of the model
                pending.append(str(Path(name).parent / f"{entry}.yaml").removeprefix("./"))
    if (directory / rules).is_file():
        found.add(rules)
    return tuple(sorted(found))


def read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except yaml.YAMLError as error:
        raise VersionError(f"{path}: not readable as YAML ({error})") from error


def digest_of(directory: Path, files: list[str]) -> str:
    """A hash of the files' bytes (and names): what a release's snapshot is checked against."""
    hasher = hashlib.sha256()
    for name in files:
        hasher.update(name.encode() + b"\0" + (directory / name).read_bytes() + b"\0")
    return "sha256:" + hasher.hexdigest()
