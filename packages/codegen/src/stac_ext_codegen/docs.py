"""Reference documentation pages generated from the source model (Markdown for mkdocs-material).

Why the resolved model and Jinja2 rather than LinkML's ``gen-doc``: the pages a STAC reader needs are not
LinkML's page-per-element set. Fields are shown by their JSON key (the slot alias), one table says
at which STAC level each field is required, allowed or forbidden (read from the level classes'
``slot_usage``), the cross-object rules come from the rules file, and the README embeds the same
table. ``gen-doc`` would need overrides of most templates plus post-filtering of its ~95 pages;
reading the resolved model (``resolved.py``) and rendering a handful of small templates is shorter.

Everything here is derived from the resolved model; nothing names an element of a
particular extension. This module reads the model for documentation (:class:`Docs`) and renders the
fields page and the README's field tables (:func:`readme_fields`); the other pages are in ``docs_pages``
(reference), ``docs_examples``, ``docs_changes`` (history), and ``docs_site`` puts them together
(:func:`~.docs_site.build_site`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from .model import SourceModel
from .resolved import Constraints, ResolvedClass, ResolvedModel, ResolvedSlot, resolve

REFERENCE = "reference"
KEYWORD_PHRASES = {  # JSON Schema keyword -> (phrase, singular noun, plural noun)
    "minLength": ("at least {} {}", "character", "characters"),
    "maxLength": ("at most {} {}", "character", "characters"),
    "minProperties": ("at least {} {}", "entry", "entries"),
    "minItems": ("at least {} {}", "item", "items"),
}


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("stac_ext_codegen", "templates/docs"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["json"] = lambda value: json.dumps(value, indent=2, ensure_ascii=False)
    env.filters["cell"] = _cell
    return env


def _cell(text: Any) -> str:
    """Make text safe inside a Markdown table cell."""
    return " ".join(str(text or "").split()).replace("|", "\\|")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _words(name: str) -> str:
    """``ModelInput`` -> ``Model Input``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name)


def _ifabsent(value: str | None) -> str | None:
    """LinkML ``ifabsent`` (``true``, ``int(3)``, ``string(x)``) as a JSON literal."""
    if value is None:
        return None
    match = re.fullmatch(r"\w+\((.*)\)", value)
    inner = match.group(1) if match else value
    return inner if match is None or not value.startswith("string(") else json.dumps(inner)


@dataclass
class Link:
    """Where an element is documented: a page (relative to the docs root) and an anchor."""

    page: str
    anchor: str = ""

    def href(self, from_page: str) -> str:
        """The link as written on ``from_page`` (relative to it)."""
        depth = from_page.count("/")
        target = "../" * depth + self.page
        return f"{target}#{self.anchor}" if self.anchor else target


@dataclass
class Docs:
    """The model read for documentation: which pages exist and how each element is shown."""

    model: SourceModel
    links: bool = True  # False for text rendered outside the site (the README)
    page: str = ""  # the page being rendered, for relative links
    reference: str = REFERENCE  # the folder of this model's reference pages (one per version in the site)
    _anchors: dict[str, Link] = field(default_factory=dict)

    @cached_property
    def resolved(self) -> ResolvedModel:
        """The resolved model the pages describe."""
        return resolve(self.model)

    def cls(self, name: str) -> ResolvedClass:
        """The resolved class called ``name``."""
        return self.resolved.class_map[name]

    @cached_property
    def introduced(self) -> dict[str, str]:
        """Keys new in a later version than the earliest one the source holds: ``{key: version}``."""
        from .versioned import introduced

        return introduced(self.model)

    @cached_property
    def changed(self) -> dict[str, list[tuple[str, str]]]:
        """Fields whose requiredness, type or constraints changed: ``{key: [(version, what), ...]}``."""
        from .docmarks import changed_in

        return changed_in(self.model)

    @cached_property
    def value_marks(self) -> dict[str, list[str]]:
        """Enum values added or (un)deprecated: ``{"Enum.value": [mark, ...]}`` (see ``docmarks.py``)."""
        from .docmarks import value_marks

        return value_marks(self.model)

    # ----- structure ---------------------------------------------------------------------------------------
    @cached_property
    def any_classes(self) -> set[str]:
        """Classes that stand for any JSON value."""
        return {c.name for c in self.resolved.class_map.values() if c.is_any}

    @cached_property
    def entry_points(self) -> list[str]:
        """Classes a document can be (Item, Collection...)."""
        return [c.name for c in self.resolved.class_map.values() if c.entry_point]

    @cached_property
    def levels(self) -> dict[str, list[tuple[str, ResolvedSlot]]]:
        """Classes reached from an entry point's slots: ``{level class: [(entry point, slot), ...]}``."""
        return self.resolved.levels()

    @cached_property
    def field_class(self) -> str | None:
        """The nearest ancestor shared by every level class (the class that declares the fields)."""
        ancestors = [self.cls(level).ancestors[1:] for level in self.levels]
        if not ancestors:
            return None
        shared = [name for name in ancestors[0] if all(name in other for other in ancestors[1:])]
        return shared[0] if shared else None

    @cached_property
    def grouped(self) -> dict[str, list[str]]:
        """Abstract classes documented together with their children: ``{parent: [children]}``."""
        groups = {}
        for cls in self.resolved.class_map.values():
            if cls.abstract and cls.name != self.field_class:
                children = [c for c in cls.children if c not in self.levels]
                if children:
                    groups[cls.name] = children
        return groups

    @cached_property
    def object_classes(self) -> list[str]:
        """Classes with a page of their own (entry points first)."""
        hidden = self.any_classes | set(self.levels) | {self.field_class}
        hidden |= {child for children in self.grouped.values() for child in children}
        rest = [n for n in self.resolved.class_map if n not in hidden and n not in self.entry_points]
        return [*self.entry_points, *rest]

    def level_label(self, level: str) -> str:
        """How a field level is called in the docs."""
        cls = self.cls(level)
        return str(cls.doc_label or cls.title or _words(level))

    def key(self, slot: ResolvedSlot) -> str:
        """The JSON key of a slot."""
        return slot.key

    # ----- links -------------------------------------------------------------------------------------------
    def link_of(self, name: str) -> Link | None:
        """Where the docs describe ``name`` (an enum, a class, a field level), if anywhere."""
        if name in self.resolved.enum_map:
            return Link(f"{self.reference}/enums/{name}.md")
        if name in self.levels or name == self.field_class:
            return Link(f"{self.reference}/fields.md")
        for parent, children in self.grouped.items():
            if name in children:
                return Link(f"{self.reference}/objects/{parent}.md", _slug(name))
        if name in self.resolved.class_map and name not in self.any_classes:
            return Link(f"{self.reference}/objects/{name}.md")
        return None

    def ref(self, name: str, text: str | None = None) -> str:
        """``text`` (default ``name``) linked to where ``name`` is described."""
        text = text or name
        link = self.link_of(name)
        if not self.links or link is None:
            return text
        return f"[{text}]({link.href(self.page)})"

    def href(self, page: str, anchor: str = "") -> str:
        """A link to ``page`` (and ``anchor``) from the current page."""
        return Link(page, anchor).href(self.page)

    def rule_ref(self, rule_id: str) -> str:
        """A rule's id, linked to its entry on the rules page."""
        return f"[{rule_id}]({self.href(f'{self.reference}/rules.md', _slug(rule_id))})" if self.links else rule_id

    def erratum_ref(self, erratum: str) -> str:
        """An erratum's id, linked to the errata page."""
        return f"[{erratum}]({self.href('errata.md')})" if self.links else erratum

    # ----- one slot ----------------------------------------------------------------------------------------
    def range_text(self, name: str) -> str:
        """The type shown for a range: ``any``, a JSON type, or a link."""
        if name in self.any_classes:
            return "any"
        if name in self.resolved.type_map:
            return self.resolved.type_map[name].json_type
        return self.ref(name)

    def type_cell(self, slot: ResolvedSlot) -> str:
        """The Type cell of a slot's row."""
        ranges = list(slot.ranges)
        for parent, children in self.grouped.items():  # every kind of one abstract class: name the class
            if len(ranges) > 1 and set(ranges) <= set(children):
                ranges = [parent]
        texts = list(dict.fromkeys(self.range_text(r) for r in ranges))
        single = " | ".join(texts)
        if slot.json_map is not None:
            text = f"Map<string, {single}>"
        elif slot.multivalued:
            text = f"\\[{single}\\]"
        else:
            text = single
        if slot.one_or_many:
            text = f"{single} | \\[{single}\\]"
        if slot.nullable:
            text += " | null"
        return text

    def constraints(self, slot: ResolvedSlot) -> list[str]:
        """The constraints of a slot's values, as sentences."""
        out = []
        for rng in slot.ranges:
            vtype = self.resolved.type_map.get(rng)
            if vtype is not None:
                found = self._value_constraints(vtype.constraints)
                if slot.multivalued and found:  # the type constrains each value, not the list
                    which = f"{vtype.json_type} item" if len(slot.ranges) > 1 else "item"
                    found = [f"Each {which}: {c[0].lower()}{c[1:]}" for c in found]
                out += found
        out += self._value_constraints(slot.constraints)
        if slot.equals_string is not None:
            out.append(f"Must be `{slot.equals_string}`.")
        if slot.has_member is not None:
            out.append(f"Must contain `{slot.has_member}`.")
        if slot.min_items:
            out.append(f"At least {slot.min_items} item{'' if slot.min_items == 1 else 's'}.")
        if slot.unique:
            out.append("No duplicates.")
        return out

    @staticmethod
    def _value_constraints(constraints: Constraints) -> list[str]:
        out = []
        if constraints.pattern:
            out.append(f"Pattern: `{constraints.pattern}`.")
        if constraints.minimum is not None:
            out.append(f"Minimum: {constraints.minimum}.")
        if constraints.maximum is not None:
            out.append(f"Maximum: {constraints.maximum}.")
        for keyword, value in constraints.keywords.items():
            if keyword in KEYWORD_PHRASES:
                phrase, one, many = KEYWORD_PHRASES[keyword]
                out.append(phrase.format(value, one if str(value) == "1" else many).capitalize() + ".")
            else:
                out.append(f"`{keyword}: {value}`.")
        return out

    def notes(self, slot: ResolvedSlot, *, with_rules: bool = False) -> list[str]:
        """Sentences appended to a field's description: constraints, default, suggestions, errata."""
        out = self.constraints(slot)
        out[:0] = self.marks(slot)
        default = _ifabsent(slot.default)
        if default is not None:
            out.append(f"Default: `{default}`.")
        if slot.recommended is not None:
            out.append(f"Recommended values: {self.ref(slot.recommended)} (others are accepted).")
        if with_rules and slot.rules:
            out.append("Rules: " + ", ".join(self.rule_ref(r) for r in slot.rules) + ".")
        if slot.erratum is not None:
            out.append(f"See erratum {self.erratum_ref(slot.erratum)}.")
        return out

    def marks(self, slot: ResolvedSlot) -> list[str]:
        """Deprecation, "New in" and "Changed in" (see ``docmarks.py``)."""
        from .docmarks import deprecation

        out = [mark for mark in [deprecation(slot)] if mark]
        if slot.key in self.introduced:
            out.append(f"New in {self.introduced[slot.key]}.")
        changes = self.changed.get(slot.key, [])
        out += [f"Changed in {version}: {what}." for version, what in changes]
        return out

    def row(
        self, slot: ResolvedSlot, *, required: bool, with_rules: bool = False, required_where: str = ""
    ) -> dict[str, str]:
        """A slot's row of a field table: field, type and description."""
        prefix = f"**REQUIRED**{required_where}. " if required else ""
        text = " ".join([prefix + slot.description.strip(), *self.notes(slot, with_rules=with_rules)])
        return {"field": slot.key, "type": _cell(self.type_cell(slot)), "description": _cell(text)}

    # ----- class-level facts -------------------------------------------------------------------------------
    def extra_keys(self, name: str) -> str:
        """The sentence saying which other keys an object allows."""
        cls = self.cls(name)
        if cls.extra_keys_pattern:
            return f"Other keys are allowed only if they match `{cls.extra_keys_pattern}`."
        if cls.closed:
            return "No other keys are allowed."
        return "Other keys are allowed."

    def class_rules(self, name: str) -> list[str]:
        """Ids of rules-file rules applied to, or declared on, a class."""
        return list(self.cls(name).rules)

    def slot_rows(self, name: str) -> list[dict[str, str]]:
        """The field table rows of a class's slots."""
        return [self.row(s, required=s.required) for s in self.cls(name).slots]

    def class_title(self, name: str) -> str:
        """The title of a class."""
        return str(self.cls(name).title or _words(name))


# ----- pages ---------------------------------------------------------------------------------------------------
def _fields_context(docs: Docs) -> dict[str, Any]:
    levels = list(docs.levels)
    field_class = docs.field_class
    slots = docs.cls(field_class).slots if field_class else ()
    rows, matrix = [], []
    for slot in slots:
        presence = {level: docs.cls(level).slot_named(slot.name).presence for level in levels}
        required_at = [docs.level_label(level) for level in levels if presence[level] == "required"]
        allowed_at = [docs.level_label(level) for level in levels if presence[level] != "forbidden"]
        where = f" in {', '.join(required_at)}" if required_at else ""
        row = docs.row(slot, required=bool(required_at), with_rules=True, required_where=where)
        if len(allowed_at) < len(levels):
            row["description"] += " " + _cell(f"Allowed in: {', '.join(allowed_at)}.")
        rows.append(row)
        matrix.append({"field": row["field"], "cells": [presence[level] for level in levels]})
    places = {level: ", ".join(f"{docs.ref(e)} `{docs.key(s)}`" for e, s in docs.levels[level]) for level in levels}
    from .versioned import version_note

    return {
        "version_note": version_note(docs.model),
        "field_class": field_class,
        "title": docs.class_title(field_class) if field_class else "Fields",
        "description": docs.cls(field_class).description if field_class else "",
        "extra_keys": docs.extra_keys(field_class) if field_class else "",
        "levels": [
            {
                "label": docs.level_label(level),
                "places": places[level],
                "description": docs.cls(level).description,
                "rules": docs.class_rules(level),
            }
            for level in levels
        ],
        "rows": rows,
        "matrix": matrix,
        "marks": {"required": "**required**", "optional": "allowed", "forbidden": "—"},
    }


def readme_fields(model: SourceModel) -> str:
    """The README's field tables (no links into the docs site)."""
    docs = Docs(model, links=False)
    return _env().get_template("readme_fields.md.jinja").render(**_fields_context(docs), docs=docs)
