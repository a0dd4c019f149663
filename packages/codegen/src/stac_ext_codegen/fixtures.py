"""Example fixtures: instance documents written in YAML beside the model, rendered as JSON files.

Layout of the sources (``fixtures.sources`` and ``fixtures.documents`` of ``codegen.yaml``):

- ``<documents>/<name>.yaml``: one valid document each, written to ``<name>.json``;
- ``<group>.yaml``: a list of ``cases``, each one document derived from a named base document by a
  small patch, written to ``<group>/<name>.json`` with ``<group>/<name>.expected.json`` beside it.

A case is ``{id, base, set: {pointer: value}, delete: [pointer], expect: {...}}``: the JSON
pointers of ``set`` are applied first (a missing last key is added, ``-`` appends to a list), then
those of ``delete``. ``expect`` is copied to the sidecar: ``valid`` (default false), ``path`` (the JSON
pointer where the validator reports the problem), ``field`` (the member concerned, for problems about
a key of an object), ``keyword`` (the JSON Schema keyword that fails), ``rule``, ``erratum`` and a
one-line ``reason``. For a rejected case with a single patch pointer, ``path`` defaults to that
pointer, or for a keyword about an object's keys to its parent, with ``field`` its last token.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .model import ModelError, SourceModel, per_model
from .pointers import join_pointer, split_pointer
from .yamlfile import SafeLoader

SIDECAR_SUFFIX = ".expected.json"
#: Keywords the validator reports at the object whose key is concerned, not at the key's value.
KEY_KEYWORDS = frozenset({"required", "not", "additionalProperties", "dependencies"})


_TIMESTAMP, _BOOL = "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"


class _Loader(SafeLoader):
    """YAML that keeps timestamps as strings and reads only true/false as booleans (JSON's view)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag not in {_TIMESTAMP, _BOOL}]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL,
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file of the model; a ``ModelError`` naming the file when it cannot."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as error:
        raise ModelError(f"{path}: not readable as YAML ({error})") from error


@dataclass(frozen=True)
class Fixture:
    """One rendered example: its path under the examples folder, document, and expectation (cases only)."""

    path: str
    document: Any
    expect: dict[str, Any] | None = None

    @property
    def group(self) -> str:
        """The folder of the fixture within the examples."""
        return self.path.rsplit("/", 1)[0] if "/" in self.path else ""

    @property
    def sidecar_path(self) -> str:
        """The path of the fixture's sidecar file."""
        return self.path.removesuffix(".json") + SIDECAR_SUFFIX


def _parent_and_token(document: Any, pointer: str, case: str) -> tuple[Any, str]:
    parts = split_pointer(pointer)
    if not parts:
        raise ModelError(f"case {case}: cannot patch the whole document ({pointer!r})")
    node = document
    for part in parts[:-1]:
        try:
            node = node[int(part)] if isinstance(node, list) else node[part]
        except (KeyError, IndexError, ValueError, TypeError):
            raise ModelError(f"case {case}: {pointer} does not exist in its base document") from None
    return node, parts[-1]


def apply_patch(document: Any, sets: dict[str, Any], deletes: list[str], case: str = "?") -> Any:
    """A copy of the document with the pointers of ``sets`` set and those of ``deletes`` removed."""
    patched = copy.deepcopy(document)
    for pointer, value in sets.items():
        parent, token = _parent_and_token(patched, pointer, case)
        if isinstance(parent, list):
            index = len(parent) if token == "-" else int(token)
            if index > len(parent):
                raise ModelError(f"case {case}: {pointer} is past the end of a list")
            parent[index : index + 1] = [copy.deepcopy(value)]
        elif isinstance(parent, dict):
            parent[token] = copy.deepcopy(value)
        else:
            raise ModelError(f"case {case}: the parent of {pointer} is not an object or a list")
    for pointer in deletes:
        parent, token = _parent_and_token(patched, pointer, case)
        try:
            del parent[int(token) if isinstance(parent, list) else token]
        except (KeyError, IndexError, ValueError, TypeError):
            raise ModelError(f"case {case}: {pointer} cannot be deleted (absent)") from None
    return patched


def _expectation(case: dict[str, Any], name: str) -> dict[str, Any]:
    expect = dict(case.get("expect") or {})
    expect.setdefault("valid", False)
    if not expect.get("reason"):
        raise ModelError(f"case {name}: expect.reason (one line saying why) is required")
    pointers = [*(case.get("set") or {}), *(case.get("delete") or [])]
    if not expect["valid"] and "path" not in expect:
        if len(pointers) != 1:
            raise ModelError(f"case {name}: several changes, so expect.path must be given")
        parts = split_pointer(pointers[0])
        if expect.get("keyword") in KEY_KEYWORDS:
            expect["path"] = join_pointer(parts[:-1])
            expect.setdefault("field", parts[-1])
        else:
            expect["path"] = pointers[0]
    order = ["valid", "path", "field", "keyword", "rule", "erratum", "reason"]
    ordered = {key: expect[key] for key in order if key in expect}
    ordered |= {key: value for key, value in expect.items() if key not in ordered}
    ordered["base"] = case["base"]
    ordered["change"] = {
        k: v for k, v in {"set": case.get("set") or {}, "delete": case.get("delete") or []}.items() if v
    }
    return ordered


def load_fixtures(model: SourceModel) -> list[Fixture]:
    """Every example fixture the model's sources describe (none if there are no sources), read once per model
    (the documents are shared: do not modify them)."""
    return list(_fixtures(model))


@per_model
def _fixtures(model: SourceModel) -> list[Fixture]:
    root = model.directory / model.config.get("fixtures", "sources")
    if not root.is_dir():
        return []
    folder = root / model.config.get("fixtures", "documents")
    documents = {path.stem: load_yaml(path) for path in sorted(folder.glob("*.yaml"))}
    fixtures = [Fixture(f"{name}.json", document) for name, document in documents.items()]
    for source in sorted(root.glob("*.yaml")):
        group = source.stem
        content = load_yaml(source) or {}
        seen: set[str] = set()
        for case in content.get("cases", []):
            name = str(case.get("id", ""))
            if not name or name in seen:
                raise ModelError(f"{source.name}: every case needs a unique id (got {name!r})")
            seen.add(name)
            if case.get("base") not in documents:
                raise ModelError(f"{source.name}: case {name} names unknown base document {case.get('base')!r}")
            unknown = set(case) - {"id", "base", "set", "delete", "expect"}
            if unknown:
                raise ModelError(f"{source.name}: case {name} has unknown keys {sorted(unknown)}")
            document = apply_patch(documents[case["base"]], case.get("set") or {}, case.get("delete") or [], name)
            fixtures.append(Fixture(f"{group}/{name}.json", document, _expectation(case, name)))
    return fixtures


def _dump(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_fixtures(model: SourceModel) -> dict[str, str]:
    """File texts keyed by their path relative to the examples folder."""
    files = {}
    for fixture in load_fixtures(model):
        files[fixture.path] = _dump(fixture.document)
        if fixture.expect is not None:
            files[fixture.sidecar_path] = _dump(fixture.expect)
    return files
