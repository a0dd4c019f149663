"""The migration tables (generated from schema/migrations/*.yaml) and the MLM facts the migration reads
from the bundled schema."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from .._schema import SPEC_VERSION, _parsed
from ..pointer import Segments, Walk, compile_walk, parse_pointer

TARGET = f"v{SPEC_VERSION}"  # the version documents are migrated to, as messages name it
FAMILY_ORDER = ("mlm", "dlm", "ml-model")  # the order family rules run in (MLM first: its fields win)
TASK_ENUM, ACCELERATOR_ENUM, DATA_TYPE_ENUM = "TaskEnum", "AcceleratorEnum", "DataTypeEnum"  # JSON Schema $defs


@dataclass(frozen=True)
class Rule:
    """One rule of the migration tables: where a value comes from and what becomes of it."""

    source: tuple[Segments, ...]  # `from` then its aliases
    action: str
    target: Segments | None = None
    extra: tuple[Segments, ...] = ()  # `with`
    converter: str | None = None
    note: str = ""
    plain: bool = False  # no wildcard in any path
    # precomputed at load time, for the engine's inner loop
    single: bool = False  # one `from` path and no `with`: its matches are the matches of that path
    same_place: bool = False  # `single` and `to` is the `from` path: the value is rewritten where it is
    walk: Walk = ((), ())  # the `from` path compiled for pointer.walk

    @classmethod
    def load(cls, data: dict[str, Any]) -> Rule:
        """A rule from its entry in the tables."""
        paths = [data["from"], *data.get("aliases", []), *data.get("with", [])]
        source = tuple(parse_pointer(p) for p in [data["from"], *data.get("aliases", [])])
        target = parse_pointer(data["to"]) if data.get("to") is not None else None
        single = len(source) == 1 and not data.get("with")
        return cls(
            plain="*" not in "".join(paths),
            source=source,
            action=data["action"],
            target=target,
            extra=tuple(parse_pointer(p) for p in data.get("with", [])),
            converter=data.get("converter"),
            note=data.get("note", ""),
            single=single,
            same_place=single and target == source[0],
            walk=compile_walk(source[0]),
        )


@dataclass(frozen=True)
class Family:
    """A legacy family: how to detect it and its rules."""

    name: str
    title: str
    prefix: str
    extensions: tuple[tuple[re.Pattern[str], str | None], ...]
    markers: tuple[dict[str, Any], ...]
    rules: tuple[Rule, ...]
    data: dict[str, Any] = field(default_factory=dict)  # the family's other tables (role names, ...)
    draft_rules: tuple[Rule, ...] = ()  # `drafts`: rules that run first, for documents with a `when` path
    draft_when: tuple[Segments, ...] = ()


@dataclass(frozen=True)
class Tables:
    """The migration tables: settings common to all families, and each family's rules."""

    common: dict[str, Any]
    rules: tuple[Rule, ...]
    families: dict[str, Family] = field(default_factory=dict)
    values: tuple[dict[str, Any], ...] = ()  # derived enum-value entries (path, value, to?, action, note)
    derived_rules: tuple[Rule, ...] = ()  # derived plain rules (renames, moves), run once after the families'


def _raw() -> dict[str, Any]:
    text = resources.files("stac_mlm").joinpath("_generated", "migrations.json").read_text(encoding="utf-8")
    raw: dict[str, Any] = json.loads(text)
    return raw


_Source = TypeVar("_Source")
_Built = TypeVar("_Built")
_CACHES: list[dict[int, tuple[Any, Any]]] = []


def built_once(build: Callable[[_Source], _Built]) -> Callable[[_Source], _Built]:
    """``build``, worked out once per object it is given (a table, a tuple of rules) and kept while that
    object is: the cache holds the object, so its id names no other object meanwhile."""
    kept: dict[int, tuple[Any, Any]] = {}
    _CACHES.append(kept)

    def built(source: _Source) -> _Built:
        found = kept.get(id(source))
        if found is None or found[0] is not source:
            if len(kept) >= 256:  # the tables hold a few such objects; other callers may pass many
                kept.clear()
            found = kept[id(source)] = (source, build(source))
        result: _Built = found[1]
        return result

    return built


def forget_built() -> None:
    """Empty every ``built_once`` cache (for tests that change what a build reads, e.g. the converters)."""
    for kept in _CACHES:
        kept.clear()


@cache
def tables() -> Tables:
    """The migration tables bundled with the package."""
    raw = _raw()
    common = raw["common"]
    # steps derived from the diff between releases (schema/migrations/releases.yaml): more required fields,
    # plain rules (renames, moves) that run once after the families' own rules, enum values rewritten or dropped
    derived_rules: list[Rule] = []
    values: list[dict[str, Any]] = []
    for derived in (raw.get("releases") or {}).get("derived") or []:
        common = {**common, "required": [*common["required"], *derived.get("required", [])]}
        derived_rules += [Rule.load(r) for r in derived.get("rules", [])]
        values += derived.get("values", [])
    families = {}
    for name in FAMILY_ORDER:
        data = raw[name]
        detect = data.get("detect", {})
        families[name] = Family(
            name=data["family"],
            title=data["title"],
            prefix=data["prefix"],
            extensions=tuple((re.compile(e["pattern"]), e.get("version")) for e in detect.get("extensions", [])),
            markers=tuple(detect.get("markers", [])),
            rules=tuple(Rule.load(r) for r in data.get("rules", [])),
            data=data,
            draft_rules=tuple(Rule.load(r) for r in data.get("drafts", {}).get("rules", [])),
            draft_when=tuple(parse_pointer(p) for p in data.get("drafts", {}).get("when", [])),
        )
    rules = tuple(Rule.load(r) for r in common.get("rules", []))
    return Tables(common, rules, families, values=tuple(values), derived_rules=tuple(derived_rules))


@dataclass(frozen=True)
class SchemaFacts:
    """What v1.5.2 says, read from the bundled JSON Schema."""

    fields: frozenset[str]
    array_fields: frozenset[str]
    item_forbidden: tuple[str, ...]
    asset_forbidden: tuple[str, ...]
    item_required: tuple[str, ...]
    tasks: frozenset[str]
    accelerators: frozenset[str]
    data_types: frozenset[str]
    frameworks: tuple[str, ...]
    name_pattern: re.Pattern[str]
    framework_pattern: re.Pattern[str]
    version_pattern: re.Pattern[str]
    dim_pattern: re.Pattern[str]
    url: str
    value_scaling_types: frozenset[str] = frozenset()


def _forbidden(level: dict[str, Any]) -> tuple[str, ...]:
    return tuple(name for branch in level.get("not", {}).get("anyOf", []) for name in branch.get("required", []))


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        for key in ("anyOf", "oneOf", "allOf"):
            for branch in node.get(key, []):
                found += _patterns(branch)
        return found
    return []


@cache
def facts() -> SchemaFacts:
    """What the bundled JSON Schema says (fields, patterns, enums) that migrations need."""
    schema = _parsed()
    defs = schema["$defs"]
    item = defs["ItemProperties"]
    props = item["properties"]
    return SchemaFacts(
        fields=frozenset(props),
        array_fields=frozenset(k for k, v in props.items() if v.get("type") == "array"),
        item_forbidden=_forbidden(item),
        asset_forbidden=_forbidden(defs["AssetFields"]),
        item_required=tuple(item.get("required", [])),
        tasks=frozenset(defs[TASK_ENUM]["enum"]),
        accelerators=frozenset(defs[ACCELERATOR_ENUM]["enum"]),
        data_types=frozenset(defs[DATA_TYPE_ENUM]["enum"]),
        frameworks=tuple(defs["FrameworkEnum"]["enum"]),
        name_pattern=re.compile(props["mlm:name"]["pattern"]),
        framework_pattern=re.compile(_patterns(props["mlm:framework"])[0]),
        version_pattern=re.compile(props["mlm:framework_version"]["pattern"]),
        dim_pattern=re.compile(_patterns(defs["InputStructure"]["properties"]["dim_order"].get("items", {}))[0]),
        url=schema["$id"],
        value_scaling_types=frozenset(
            str(definition["properties"]["type"]["const"])
            for name, definition in defs.items()
            if name.startswith("ValueScaling") and "const" in definition.get("properties", {}).get("type", {})
        ),
    )
