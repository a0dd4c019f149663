"""The reference pages of one model: objects, enumerations, rules and the class diagram (contexts for the
templates in ``templates/docs``; the fields page is in :mod:`.docs`)."""

from __future__ import annotations

from typing import Any

from .docmarks import value_deprecation
from .docs import Docs, _cell, _slug, _words


def _object_context(docs: Docs, name: str) -> dict[str, Any]:
    cls = docs.cls(name)
    kinds = []
    for child in docs.grouped.get(name, []):
        inherited = {slot.name for slot in cls.slots}
        own = [s for s in docs.cls(child).slots if s.name not in inherited]
        discriminator = next((s for s in docs.cls(child).slots if s.equals_string is not None), None)
        kinds.append(
            {
                "cls": child,
                "anchor": _slug(child),
                "value": discriminator.equals_string if discriminator else child,
                "key": docs.key(discriminator) if discriminator else "",
                "required": [docs.key(s) for s in own if s.required],
                "optional": [docs.key(s) for s in own if not s.required],
                "description": docs.cls(child).description,
                "rows": [docs.row(s, required=s.required) for s in own],
            }
        )
    parents = [p for p in [cls.is_a, *cls.mixins] if p]
    return {
        "cls": name,
        "title": docs.class_title(name),
        "description": cls.description,
        "rows": docs.slot_rows(name),
        "extra_keys": docs.extra_keys(name),
        "constraints": list(cls.linkml_rules),
        "rules": docs.class_rules(name),
        "parents": parents,
        "kinds": kinds,
        "entry_point": name in docs.entry_points,
        "erratum": cls.erratum,
        "used_by": _used_by(docs, name),
    }


def _used_by(docs: Docs, name: str) -> list[tuple[str, str]]:
    """``(class, key)`` pairs of the slots whose range (or one of whose ranges) is ``name``."""
    found = []
    targets = {name, *docs.grouped.get(name, [])}
    owners = [n for n in docs.resolved.class_map if n not in docs.levels and n not in docs.any_classes]
    for owner in owners:
        for slot in docs.cls(owner).slots:
            if targets & set(slot.ranges) or slot.recommended in targets:
                found.append((owner, docs.key(slot)))
    return found


def _enum_context(docs: Docs, name: str) -> dict[str, Any]:
    enum = docs.resolved.enum_map[name]
    values = []
    for v in enum.values:
        marks = [value_deprecation(v), *docs.value_marks.get(f"{name}.{v.value}", [])]
        text = " ".join(part for part in [v.description.strip(), *marks] if part)
        values.append({"value": v.value, "description": _cell(text)})
    return {
        "enum": name,
        "title": str(enum.title or _words(name)),
        "description": enum.description,
        "open": enum.open,
        "erratum": enum.erratum,
        "values": values,
        "described": any(v["description"] for v in values),
        "used_by": _used_by(docs, name),
    }


def _rules_context(docs: Docs) -> dict[str, Any]:
    rules = []
    for rule in docs.model.rules:
        applications = rule.get("apply", []) or []
        examples = rule.get("examples") or {}
        rules.append(
            {
                "id": rule["id"],
                "anchor": _slug(str(rule["id"])),
                "title": rule.get("title", ""),
                "summary": rule.get("summary", ""),
                "description": rule.get("description", ""),
                "linkml": rule.get("expressed_in") == "linkml",
                "where": rule.get("where", ""),
                "targets": [a["to"] for a in applications],
                "enforced": rule.get("enforced", True) is not False,
                "errata": rule.get("errata", []) or [],
                "valid": examples.get("valid", []) or [],
                "invalid": examples.get("invalid", []) or [],
                "json_schema": [{"to": a["to"], "schema": a["json_schema"]} for a in applications],
            }
        )
    return {"rules": rules}


def _diagram(docs: Docs) -> str:
    """A Mermaid class diagram: inheritance, and which class holds which (slot keys as labels)."""
    shown = [n for n in docs.resolved.class_map if n not in docs.any_classes]
    lines = ["classDiagram", "    direction LR"]
    for name in shown:
        cls = docs.cls(name)
        if cls.is_a and cls.is_a in shown:
            lines.append(f"    {cls.is_a} <|-- {name}")
        for mixin in cls.mixins:
            lines.append(f"    {mixin} <|.. {name}")
    for name in shown:
        for slot_name in docs.cls(name).direct_slots:
            slot = docs.cls(name).slot_named(slot_name)
            ranges = list(slot.ranges)
            for parent, children in docs.grouped.items():
                if len(ranges) > 1 and set(ranges) <= set(children):
                    ranges = [parent]
            many = "*" if slot.multivalued else ("1" if slot.required else "0..1")
            for target in dict.fromkeys(r for r in ranges if r in shown):
                label = docs.key(slot).replace(":", "#58;")  # a bare colon ends a Mermaid label
                lines.append(f'    {name} --> "{many}" {target} : {label}')
    return "\n".join(dict.fromkeys(lines))
