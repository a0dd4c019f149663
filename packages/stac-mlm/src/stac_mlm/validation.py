"""Offline validation against the bundled schema, reported as problems in plain words."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import jsonschema_rs

from ._schema import _parsed

_RULE_PREFIX = "Rule "
TOO_DEEP = "the document is nested too deeply to be checked in detail (the validator's recursion limit was reached)"


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a document is not valid MLM.

    ``path`` is a JSON pointer into the document (``""`` for the document itself); ``message`` says
    what is wrong in plain words, naming the rule when one applies.
    """

    path: str
    message: str
    rule: str | None = None

    def __str__(self) -> str:
        return f"{self.path or '/'}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


@cache
def _validator() -> jsonschema_rs.Draft7Validator:
    return jsonschema_rs.Draft7Validator(_parsed())


def _pointer(parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _resolve(node: Any, ref: str) -> Any:
    target = _parsed()
    for part in ref.lstrip("#/").split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target


def _schema_nodes(evaluation_path: Any) -> list[Any]:
    """The schema nodes an error went through, following ``$ref`` as the validator did."""
    node: Any = _parsed()
    nodes = [node]
    for part in evaluation_path:
        if part == "$ref" and isinstance(node, dict) and "$ref" in node:
            node = _resolve(node, node["$ref"])
        elif (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node)
        ):
            node = node[part]
        else:
            break
        nodes.append(node)
    return nodes


def _allowed_values(node: Any) -> list[Any]:
    """The closed list of values a schema node accepts, or [] if it also accepts other values."""
    if not isinstance(node, dict):
        return []
    if "$ref" in node:
        return _allowed_values(_resolve(node, node["$ref"]))
    if "enum" in node:
        return list(node["enum"])
    if "const" in node:
        return [node["const"]]
    if node.get("type") == "null":
        return [None]
    branches = node.get("anyOf", []) + node.get("oneOf", [])
    values = [_allowed_values(branch) for branch in branches]
    if branches and all(values):
        return [value for branch in values for value in branch]
    return []


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _level(nodes: list[Any]) -> str | None:
    for node in reversed(nodes):
        if isinstance(node, dict) and node.get("title") and " " in node["title"]:
            return str(node["title"])
    return None


def _describe(error: Any, nodes: list[Any]) -> str:
    kind = type(error.kind).__name__
    node = nodes[-1] if nodes else {}
    parent = nodes[-2] if len(nodes) > 1 else {}
    instance = error.instance
    if kind == "Required":
        return f"`{error.kind.property}` is required" if hasattr(error.kind, "property") else error.message
    if kind == "AdditionalProperties":
        unexpected = getattr(error.kind, "unexpected", None) or []
        names = ", ".join(f"`{n}`" for n in unexpected)
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
        allowed = _allowed_values(parent) or _allowed_values(node)
        if allowed:
            listed = ", ".join(_show(v) for v in allowed)
            return f"{_show(instance)} is not an accepted value (accepted: {listed})"
        return f"{_show(instance)} does not match any accepted form of this field"
    if kind == "Type":
        expected = parent.get("type") if isinstance(parent, dict) else None
        return (
            f"expected {' or '.join(expected) if isinstance(expected, list) else expected}, got {_json_type(instance)}"
        )
    if kind == "Pattern":
        return f"{_show(instance)} does not have the required form (pattern {parent.get('pattern')})"
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
        wanted = _allowed_values(parent.get("contains", {})) if isinstance(parent, dict) else []
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


def _problem(error: Any) -> Problem:
    nodes = _schema_nodes(list(error.evaluation_path))
    path = _pointer(error.instance_path)
    detail = _describe(error, nodes)
    rule_id, summary = _rule(nodes)
    if rule_id and summary:
        return Problem(path, f"{summary} [rule {rule_id}: {detail}]", rule_id)
    return Problem(path, detail)


def validate(document: Any) -> list[Problem]:
    """Check a STAC document against MLM v1.5.2; return the problems (an empty list when valid).

    Works offline with the bundled schema. The document is any JSON value already parsed into Python
    (a dict for an Item or Collection). Problems are ordered by their path in the document.
    """
    validator = _validator()
    if validator.is_valid(document):
        return []
    try:
        errors = list(validator.iter_errors(document))
    except (ValueError, RecursionError):  # the validator gives up on values nested thousands of levels deep
        return [Problem("", TOO_DEEP)]
    problems = {(_p := _problem(error)).path + "\0" + _p.message: _p for error in errors}
    return sorted(problems.values(), key=lambda p: (p.path, p.message))


def is_valid(document: Any) -> bool:
    """True when the document is valid MLM (faster than ``validate`` when you need no details)."""
    return _validator().is_valid(document)
