"""Problems in plain words: what the validator reports, described from the schema generated from the model
(the model's descriptions, rule summaries, closed lists of values and the closest alternative of a choice).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import jsonschema_rs

from ._schema import parsed
from .pointer import format_pointer, parse_pointer

_RULE_PREFIX = "Rule "
TOO_DEEP = "the document is nested too deeply to be checked in detail (the validator's recursion limit was reached)"


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a document is not valid MLM.

    ``path`` is a JSON pointer into the document (``""`` for the document itself, shown as ``""`` in text
    too); ``message`` says what is wrong in plain words; ``rule`` names the cross-object rule broken, if
    any; ``pattern`` is the regular expression a value failed to match (the message explains it in words).
    """

    path: str
    message: str
    rule: str | None = None
    pattern: str | None = None

    def __str__(self) -> str:
        return f"{show_path(self.path)}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        """``path`` and ``message``, plus ``rule`` and ``pattern`` when they are set."""
        data = {"path": self.path, "message": self.message}
        if self.rule is not None:
            data["rule"] = self.rule
        if self.pattern is not None:
            data["pattern"] = self.pattern
        return data


def show_path(path: str) -> str:
    """A JSON pointer as text output shows it: as it is, the document itself as ``""``."""
    return path or '""'


@cache
def _validator(version: str) -> jsonschema_rs.Draft7Validator:
    return jsonschema_rs.Draft7Validator(parsed(version))


def _pointer(parts: Any) -> str:
    return format_pointer([*parts])


def _resolve(root: Any, ref: str) -> Any:
    target = root
    for part in parse_pointer("/" + ref.lstrip("#/")):
        target = target[part]
    return target


def _schema_nodes(root: dict[str, Any], evaluation_path: Any) -> list[Any]:
    """The schema nodes an error went through, following ``$ref`` as the validator did."""
    node: Any = root
    nodes = [node]
    for part in evaluation_path:
        if part == "$ref" and isinstance(node, dict) and "$ref" in node:
            node = _resolve(root, node["$ref"])
        elif (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node)
        ):
            node = node[part]
        else:
            break
        nodes.append(node)
    return nodes


def _allowed_values(root: dict[str, Any], node: Any) -> list[Any]:
    """The closed list of values a schema node accepts, or [] if it also accepts other values."""
    if not isinstance(node, dict):
        return []
    if "$ref" in node:
        return _allowed_values(root, _resolve(root, node["$ref"]))
    if "enum" in node:
        return list(node["enum"])
    if "const" in node:
        return [node["const"]]
    if node.get("type") == "null":
        return [None]
    branches = node.get("anyOf", []) + node.get("oneOf", [])
    values = [_allowed_values(root, branch) for branch in branches]
    if branches and all(values):
        return [value for branch in values for value in branch]
    return []


def _show(value: Any) -> str:
    """A value as a message quotes it: short JSON, never a dump of a whole object or list."""
    text = json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict | list) and len(text) > 40:
        return "this object" if isinstance(value, dict) else "this list"
    return text if len(text) <= 60 else text[:57] + "..."


def _listed(values: list[Any]) -> str:
    try:
        return _listed_cached(tuple(values))
    except TypeError:  # a value that cannot be a cache key (an object)
        return ", ".join(_show(v) for v in values)


@cache
def _listed_cached(values: tuple[Any, ...]) -> str:
    return ", ".join(_show(v) for v in values)


def _description(nodes: list[Any]) -> str | None:
    """The model's description of the value at the end of ``nodes`` (the nearest one)."""
    for node in reversed(nodes):
        if isinstance(node, dict) and isinstance(node.get("description"), str):
            return str(node["description"])
    return None


def _title(root: dict[str, Any], node: Any) -> str | None:
    if isinstance(node, dict) and "$ref" in node:
        node = _resolve(root, node["$ref"])
    if isinstance(node, dict):
        title, description = node.get("title"), node.get("description")
        if isinstance(title, str) and " " in title:
            return title
        if isinstance(description, str):
            return description
    return None


@cache
def _branch_validator(version: str, index: int, branch_text: str) -> jsonschema_rs.Draft7Validator:
    root = parsed(version)
    branch = json.loads(branch_text)
    if isinstance(branch, dict):
        branch = {**branch, **{key: root[key] for key in ("definitions", "$defs") if key in root}}
    return jsonschema_rs.Draft7Validator(branch)


def _closest(
    root: dict[str, Any], version: str, branches: list[Any], instance: Any, outer: list[Any] | None = None
) -> str | None:
    """What is missing or wrong in the alternative of a choice that ``instance`` comes closest to: which
    key (``at /format``) and what (each problem of that alternative, in the model's words)."""
    best: tuple[int, int, int, Any, list[Any]] | None = None
    for index, branch in enumerate(branches):
        validator = _branch_validator(version, index, json.dumps(branch, sort_keys=True))
        errors = list(validator.iter_errors(instance))
        # an alternative of another JSON type is not the one meant; nor one whose fixed values differ
        wrong_type = sum(1 for e in errors if type(e.kind).__name__ == "Type" and not list(e.instance_path))
        fixed_misses = sum(1 for e in errors if type(e.kind).__name__ in ("Const", "Enum"))
        score = (wrong_type, fixed_misses, len(errors))
        if errors and (best is None or score < best[:3]):
            best = (*score, branch, errors)
    if best is None:
        return None
    *_, branch, errors = best
    scope = {**branch, **{key: root[key] for key in ("definitions", "$defs") if key in root}}
    details = []
    for error in errors:
        # the path is relative to the alternative; the field's own nodes come first (its description)
        nodes = _schema_nodes(scope, list(error.evaluation_path))
        detail = _describe(scope, version, error, (outer or [None])[:-1] + nodes) if nodes else str(error.message)
        where = "".join("/" + str(p) for p in error.instance_path)
        details.append(f"{f'at {where}: ' if where else ''}{detail}")
    name = _title(root, branch)
    head = f"closest accepted form{f' ({name.rstrip(chr(46))})' if name and len(name) <= 80 else ''}"
    return f"{head}: {'; '.join(dict.fromkeys(details))}"


def _named(branches: Any, instance: Any) -> str | None:
    """An object by the value of the first key the alternatives require that it holds as a short string
    (``the object with name "NDVI"``), to say which one a problem is about."""
    if not isinstance(instance, dict) or not isinstance(branches, list):
        return None
    for branch in branches:
        for key in branch.get("required", []) if isinstance(branch, dict) else []:
            value = instance.get(key)
            if isinstance(value, str) and 0 < len(value) <= 40:
                return f"the object with {key} {_show(value)}"
    return None


def _level(nodes: list[Any]) -> str | None:
    for node in reversed(nodes):
        if isinstance(node, dict) and node.get("title") and " " in node["title"]:
            return str(node["title"])
    return None


def _describe(root: dict[str, Any], version: str, error: Any, nodes: list[Any]) -> str:
    kind = type(error.kind).__name__
    node = nodes[-1] if nodes else {}
    parent = nodes[-2] if len(nodes) > 1 else {}
    instance = error.instance
    if kind == "Required":
        return f"`{error.kind.property}` is required" if hasattr(error.kind, "property") else error.message
    if kind == "AdditionalProperties":
        unexpected = getattr(error.kind, "unexpected", None) or []
        names = ", ".join(f"`{n}`" for n in unexpected)
        declared = parent.get("properties") if isinstance(parent, dict) and "patternProperties" not in parent else None
        if isinstance(declared, dict) and declared:  # a closed object: say which keys it takes
            accepted = ", ".join(f"`{n}`" for n in declared)
            return f"{names} {'is' if len(unexpected) == 1 else 'are'} not allowed here (accepted keys: {accepted})"
        return f"{names} {'is' if len(unexpected) == 1 else 'are'} not defined by MLM (unknown `mlm:` field)"
    if kind == "Not" and isinstance(node, dict):
        forbidden = [b["required"][0] for b in node.get("anyOf", []) if isinstance(b, dict) and b.get("required")]
        forbidden += node.get("required", [])
        present = [name for name in forbidden if isinstance(instance, dict) and name in instance]
        where = _level(nodes)
        if present:
            names = ", ".join(f"`{n}`" for n in present)
            return f"{names} {'is' if len(present) == 1 else 'are'} not allowed" + (f" in {where}" if where else "")
        return "this value matches a combination that is not allowed"
    if kind in {"Enum", "AnyOf", "OneOf", "Const"}:  # a closed list of values, or a set of alternatives
        allowed = _allowed_values(root, parent) or _allowed_values(root, node)
        if allowed:
            return f"{_show(instance)} is not an accepted value (accepted: {_listed(allowed)})"
        branches = parent.get("anyOf") or parent.get("oneOf") if isinstance(parent, dict) else None
        if isinstance(branches, list):  # an alternative given by reference: read it
            branches = [_resolve(root, b["$ref"]) if isinstance(b, dict) and "$ref" in b else b for b in branches]
        closest = _closest(root, version, branches, instance, nodes) if isinstance(branches, list) else None
        text = f"{_named(branches, instance) or _show(instance)} does not match any accepted form of this field"
        return f"{text}; {closest}" if closest else text
    if kind == "Type":
        expected = parent.get("type") if isinstance(parent, dict) else None
        return (
            f"expected {' or '.join(expected) if isinstance(expected, list) else expected}, got {_json_type(instance)}"
        )
    if kind == "Pattern":
        described = _description(nodes)
        if described:
            return f"{_show(instance)} does not have the required form: {described[0].lower()}{described[1:]}"
        return f"{_show(instance)} does not have the required form"
    if kind == "MinLength":
        return "must not be empty"
    if kind in {"Minimum", "ExclusiveMinimum"}:
        return f"{_show(instance)} is below the minimum of {parent.get('minimum')}"
    if kind == "MinItems":
        return f"needs at least {parent.get('minItems')} item(s)"
    if kind == "MinProperties":
        return f"needs at least {parent.get('minProperties')} entr{'y' if parent.get('minProperties') == 1 else 'ies'}"
    if kind == "UniqueItems":
        return "items must not repeat"
    if kind == "Contains":
        wanted = _allowed_values(root, parent.get("contains", {})) if isinstance(parent, dict) else []
        if wanted:
            return f"must contain {_show(wanted[0])}"
        return "contains no acceptable item"
    if kind == "FalseSchema":
        return "is not allowed here"
    return str(error.message)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _rule(nodes: list[Any]) -> tuple[str | None, str | None]:
    for node in reversed(nodes):
        if isinstance(node, dict) and str(node.get("$comment", "")).startswith(_RULE_PREFIX):
            return node["$comment"][len(_RULE_PREFIX) :], node.get("description")
    return None, None


@cache
def _context(version: str, evaluation_path: tuple[Any, ...]) -> tuple[list[Any], str | None, str | None]:
    """The schema nodes of an error's evaluation path and the rule they carry (the same for every
    document that fails at that place in the schema)."""
    nodes = _schema_nodes(parsed(version), evaluation_path)
    return (nodes, *_rule(nodes))


def _problem(root: dict[str, Any], version: str, error: Any) -> Problem:
    nodes, rule_id, summary = _context(version, tuple(error.evaluation_path))
    path = _pointer(error.instance_path)
    if rule_id and summary:  # the rule in the model's words; the schema mechanics add nothing
        return Problem(path, f"{summary.rstrip()} (rule {rule_id})", rule_id)
    pattern = nodes[-2].get("pattern") if type(error.kind).__name__ == "Pattern" and len(nodes) > 1 else None
    return Problem(path, _describe(root, version, error, nodes), pattern=pattern)


def schema_problems(document: Any, version: str, known_invalid: bool = False) -> list[Problem]:
    """The problems of ``document`` under the schema of ``version``, ordered by path ([] when valid)."""
    validator = _validator(version)
    if not known_invalid and validator.is_valid(document):
        return []
    try:
        errors = list(validator.iter_errors(document))
    except (ValueError, RecursionError):  # the validator gives up on values nested thousands of levels deep
        return [Problem("", TOO_DEEP)]
    root = parsed(version)
    problems = {(_p := _problem(root, version, error)).path + "\0" + _p.message: _p for error in errors}
    return sorted(problems.values(), key=lambda p: (p.path, p.message))
