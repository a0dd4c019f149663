"""Recommendations a valid document may still miss: coded warnings ``{code, path, message}``.

What is checked is data (``_generated/recommendations.json``, generated from ``schema/recommendations.yaml``):
each recommendation names one of a few generic check kinds and its parameters (JSON Pointer patterns, JSON
Schema fragments, messages). This module knows the kinds, never a field of the spec.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs

from .pointer import compile_walk, format_pointer, parse_pointer, walk

__all__ = ["Finding", "Recommendation", "lint", "recommendations"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One recommendation a document misses: its ``code``, where (a JSON Pointer) and what, in words."""

    code: str
    path: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "path": self.path, "message": self.message}


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One entry of the recommendations data (see ``schema/recommendations.yaml``)."""

    code: str
    title: str
    source: str
    explanation: str
    check: dict[str, Any]
    passing: Any
    failing: Any


@cache
def recommendations() -> tuple[Recommendation, ...]:
    """Every recommendation the package holds, in code order."""
    text = resources.files(__package__).joinpath("_generated", "recommendations.json").read_text(encoding="utf-8")
    data = json.loads(text)
    fields = Recommendation.__dataclass_fields__
    return tuple(
        Recommendation(code=entry["id"], **{k: v for k, v in entry.items() if k in fields})
        for entry in data["recommendations"]
    )


def lint(document: Any, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[Finding]:
    """The recommendations ``document`` (a parsed JSON object) misses, ordered by code then path.

    ``select`` keeps only the codes given (or starting with one of them: ``MLM1`` selects ``MLM101``...);
    ``ignore`` drops them. A value that is not a JSON object gets no finding."""
    if not isinstance(document, dict):
        return []
    chosen, dropped = tuple(select or ()), tuple(ignore or ())
    found: list[Finding] = []
    for entry in recommendations():
        if chosen and not entry.code.startswith(chosen):
            continue
        if dropped and entry.code.startswith(dropped):
            continue
        check = entry.check
        for path, message in _KINDS[check["kind"]](document, check):
            found.append(Finding(entry.code, path, message))
    return found


def codes() -> list[str]:
    return [entry.code for entry in recommendations()]


# --- JSON Pointer patterns (stac_mlm.pointer) ------------------------------------------------------------


def _escape(part: str | int) -> str:
    return format_pointer((str(part),))[1:]


def matches(document: Any, pattern: str) -> Iterator[tuple[str, Any]]:
    """Every ``(pointer, value)`` the pattern finds; a ``*`` segment matches every member or item."""
    plan = compile_walk(parse_pointer(pattern))
    return iter([(format_pointer(found), value) for found, _, value in walk(document, plan)])


def _targets(document: Any, targets: list[Any]) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """``(pointer, value, target)`` for each target of an ``at`` list (a pattern, or ``{path, where}``)."""
    for target in targets:
        spec = target if isinstance(target, dict) else {"path": target}
        if "where" in spec and not _valid(spec["where"], document):
            continue
        for pointer, value in matches(document, spec["path"]):
            yield pointer, value, spec


@cache
def _compiled(text: str) -> Any:
    return jsonschema_rs.validator_for(json.loads(text))


def _valid(schema: Any, value: Any) -> bool:
    try:
        return bool(_compiled(json.dumps(schema, sort_keys=True)).is_valid(value))
    except (ValueError, RecursionError):  # a value the validator cannot take (e.g. nested too deeply)
        return False


# --- check kinds -----------------------------------------------------------------------------------------

Check = Callable[[Any, dict[str, Any]], Iterator[tuple[str, str]]]


def _expect(document: Any, check: dict[str, Any]) -> Iterator[tuple[str, str]]:
    condition = check.get("if_any")
    if condition is not None and not any(
        _valid(condition["schema"], value) for _, value, _ in _targets(document, condition["at"])
    ):
        return
    for pointer, value, _ in _targets(document, check["at"]):
        if "when" in check and not _valid(check["when"], value):
            continue
        if not _valid(check["expect"], value):
            yield pointer, check["message"]


def _members(document: Any) -> Iterator[tuple[str, str]]:
    """``(pointer, name)`` of every object member of the document, depth first, without recursion."""
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            items: list[tuple[str, Any]] = [(f"{where}/{_escape(key)}", item) for key, item in value.items()]
            for (pointer, _), key in zip(items, value, strict=True):
                if isinstance(key, str):
                    yield pointer, key
        elif isinstance(value, list):
            items = [(f"{where}/{index}", item) for index, item in enumerate(value)]
        else:
            continue
        stack.extend(reversed(items))


def _declared(document: Any, check: dict[str, Any]) -> Iterator[tuple[str, str]]:
    listed = [url for _, value in matches(document, check["list"]) if isinstance(value, list) for url in value]
    urls = [url for url in listed if isinstance(url, str)]
    patterns: dict[str, str] = check["prefixes"]
    reported: set[str] = set()
    for pointer, name in _members(document):
        prefix = name.partition(":")[0] if ":" in name else None
        if prefix is None or prefix in reported or prefix not in patterns:
            continue
        if any(re.search(patterns[prefix], url) for url in urls):
            reported.add(prefix)  # declared: nothing more to check for this prefix
            continue
        reported.add(prefix)
        yield pointer, check["message"].format(field=name, prefix=prefix)


def _strings(document: Any, targets: list[Any]) -> Iterator[tuple[str, str]]:
    """The strings found at the targets; a target may take the member names (``keys``) or one member
    (``field``) of the objects it finds, and only those matching ``when``."""
    for pointer, value, spec in _targets(document, targets):
        if "when" in spec and not _valid(spec["when"], value):
            continue
        if "field" in spec:
            if isinstance(value, dict) and isinstance(value.get(spec["field"]), str):
                yield f"{pointer}/{_escape(spec['field'])}", value[spec["field"]]
        elif spec.get("keys"):
            if isinstance(value, dict):
                yield from ((f"{pointer}/{_escape(key)}", key) for key in value)
        elif isinstance(value, str):
            yield pointer, value


def _resolves(document: Any, check: dict[str, Any]) -> Iterator[tuple[str, str]]:
    names = list(_strings(document, check["names"]))
    if not names:
        return
    defined = {name for _, name in _strings(document, check["defined"])}
    for pointer, name in names:
        if name not in defined:
            yield pointer, check["message"].format(value=name)


def _same_length(document: Any, check: dict[str, Any]) -> Iterator[tuple[str, str]]:
    field, other = check["field"], check["other"]
    for pointer, value, _ in _targets(document, check["at"]):
        if not isinstance(value, dict):
            continue
        items, against = value.get(field), value.get(other)
        if not isinstance(items, list) or not isinstance(against, list) or not against:
            continue
        if len(items) == len(against) or (check.get("single") and len(items) == 1):
            continue
        yield f"{pointer}/{_escape(field)}", check["message"].format(count=len(items), expected=len(against))


def _placeholders(document: Any, check: dict[str, Any]) -> Iterator[tuple[str, str]]:
    from .placeholders import find  # the marks table of the migration data

    for found in find(document):
        yield found.path, check["message"].format(fill=found.fill)


_KINDS: dict[str, Check] = {
    "placeholders": _placeholders,
    "expect": _expect,
    "declared": _declared,
    "resolves": _resolves,
    "same_length": _same_length,
}
