"""The resolved model: the LinkML model and its rules file read once into plain records every target uses.

LinkML leaves several facts to be worked out by each reader: which slots a class really has (inherited,
``slot_usage`` applied), the ranges of an ``any_of``, the constraints a type inherits along ``typeof``, and
what the project's annotation vocabulary (documented in the model's root file) means for a slot or a class.
:func:`resolve` works them out once per model; targets, the coverage measure, the fixture tools and the
test strategies read the result and never decode an annotation themselves.

Every record is a frozen dataclass of JSON values, so ``to_json()`` gives the whole model as JSON
(``nox -s codegen -- resolved``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from linkml_runtime.linkml_model.meta import PresenceEnum

from .annotations import annotation_values, class_annotations, is_true, json_schema_keywords, type_annotations
from .model import ModelError, SourceModel, per_model

if TYPE_CHECKING:
    from linkml_runtime import SchemaView

ANY_CLASS_URI = "linkml:Any"
# Kinds of range (words no model defines).
KIND_CLASS, KIND_ENUM, KIND_TYPE, KIND_ANY = "range:class", "range:enum", "range:type", "range:any"
# JSON type of each LinkML base type.
JSON_TYPES = {
    "string": "string",
    "integer": "integer",
    "float": "number",
    "double": "number",
    "decimal": "number",
    "boolean": "boolean",
}
PRESENCE_REQUIRED, PRESENCE_OPTIONAL, PRESENCE_FORBIDDEN = "required", "optional", "forbidden"
JSON_MAP_MODES = ("strict", "lenient")


@dataclass(frozen=True)
class Constraints:
    """Constraints on one value: LinkML metaslots and ``json_schema.<keyword>`` annotations."""

    pattern: str | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    keywords: Mapping[str, Any] = dataclasses.field(default_factory=dict)  # JSON Schema keyword -> value

    def merged(self, nearer: Constraints) -> Constraints:
        """These constraints with those of ``nearer`` taking precedence."""
        return Constraints(
            pattern=nearer.pattern if nearer.pattern is not None else self.pattern,
            minimum=nearer.minimum if nearer.minimum is not None else self.minimum,
            maximum=nearer.maximum if nearer.maximum is not None else self.maximum,
            keywords={**self.keywords, **nearer.keywords},
        )


@dataclass(frozen=True)
class ResolvedType:
    """A LinkML type: its base (the LinkML built-in at the end of ``typeof``), JSON type, Python type and
    the constraints it carries (inherited along ``typeof``, the nearest definition winning)."""

    name: str
    base: str  # e.g. string, integer
    json_type: str  # string | integer | number | boolean (or the base when JSON has no better word)
    python: str  # the Python type LinkML maps it to (str, int, float, Decimal, Bool, ...)
    description: str
    constraints: Constraints
    erratum: str | None = None


@dataclass(frozen=True)
class EnumValue:
    """One value of an enum."""

    value: str
    description: str
    title: str | None = None  # a short label for user interfaces
    deprecated: str | None = None  # LinkML `deprecated` on the permissible value (None: not deprecated)
    replaced_by: str | None = None  # its deprecated_element_has_exact_replacement (another value)


@dataclass(frozen=True)
class ResolvedEnum:
    """An enum: its values and whether they are closed."""

    name: str
    title: str | None
    description: str
    open: bool  # the values are recommendations only
    values: tuple[EnumValue, ...]
    erratum: str | None = None

    @property
    def names(self) -> list[str]:
        """The values, in order."""
        return [v.value for v in self.values]


@dataclass(frozen=True)
class Branch:
    """One alternative of a slot's value: its range, the kind of that range, and the constraints the
    ``any_of`` branch adds (none when the slot has a single range)."""

    range: str
    kind: str  # KIND_CLASS | KIND_ENUM | KIND_TYPE | KIND_ANY
    constraints: Constraints = Constraints()


@dataclass(frozen=True)
class ResolvedSlot:
    """One slot as one class uses it (inherited, ``slot_usage`` applied), with every annotation decoded."""

    owner: str  # the class
    name: str  # the LinkML slot name
    key: str  # the JSON key (alias, else name)
    description: str
    branches: tuple[Branch, ...]  # the range, or one per any_of alternative
    presence: str  # required | optional | forbidden (value_presence ABSENT)
    multivalued: bool
    unique: bool  # list_elements_unique
    min_items: int | None  # minimum_cardinality
    max_items: int | None  # maximum_cardinality
    nullable: bool  # an explicit null is accepted
    one_or_many: bool  # a single value or a non-empty list of them
    json_map: str | None  # strict | lenient: a JSON object of values instead of a list
    constraints: Constraints  # on each value (the slot's own metaslots and json_schema.* annotations)
    equals_string: str | None  # the fixed value
    has_member: str | None  # a list that must contain this string
    default: str | None  # ifabsent, as LinkML writes it (true, int(3), string(x))
    recommended: str | None  # the enum of suggested values (recommended_values)
    erratum: str | None
    inlined_as_list: bool
    rules: tuple[str, ...]  # ids of the rules-file rules about this slot's key
    deprecated: str | None = None  # LinkML `deprecated`: why, and since when (None: not deprecated)
    replaced_by: str | None = None  # deprecated_element_has_exact_replacement, else the `replaced_by` annotation
    title: str | None = None  # a short label for user interfaces

    @property
    def ranges(self) -> tuple[str, ...]:
        """The ranges of the slot's branches."""
        return tuple(b.range for b in self.branches)

    @property
    def required(self) -> bool:
        """Whether the slot must be present."""
        return self.presence == PRESENCE_REQUIRED

    @property
    def absent(self) -> bool:
        """Whether the slot must be absent."""
        return self.presence == PRESENCE_FORBIDDEN

    @property
    def listed(self) -> bool:
        """The value is a JSON array of values (multivalued, not a map)."""
        return self.multivalued and self.json_map is None

    @property
    def constant(self) -> Any:
        """The value the slot always has: its fixed value, or for a required list that must hold a given
        string, a list holding just that string (None when it has none)."""
        if self.equals_string is not None:
            return self.equals_string
        if self.multivalued and self.required and self.has_member is not None:
            return [self.has_member]
        return None


@dataclass(frozen=True)
class ResolvedClass:
    """A class with its slots resolved (inherited ones included)."""

    name: str
    title: str | None
    description: str
    abstract: bool
    is_any: bool  # stands for any JSON value (class_uri linkml:Any)
    is_a: str | None
    mixins: tuple[str, ...]
    ancestors: tuple[str, ...]  # itself first, then the nearest ancestors
    children: tuple[str, ...]  # direct subclasses (is_a)
    slots: tuple[ResolvedSlot, ...]  # induced, in LinkML's order
    direct_slots: tuple[str, ...]  # names of the slots the class itself declares
    entry_point: bool  # documents are checked against it when the discriminator says so
    extra_keys_pattern: str | None  # undeclared keys are allowed only if they match
    closed: bool  # extra_slots allowed: false
    keywords: Mapping[str, Any]  # json_schema.<keyword> annotations of the class itself
    inherited_keywords: Mapping[str, Any]  # the same, inherited (the nearest definition wins)
    together: tuple[tuple[str, str], ...]  # JSON keys given together or not at all (bidirectional rules)
    other_rules: int  # LinkML rules (own or inherited) of any other form
    linkml_rules: tuple[str, ...]  # descriptions of the LinkML rules of the class
    doc_label: str | None
    erratum: str | None
    rules: tuple[str, ...]  # ids of the rules-file rules applied to or declared on the class

    def slot(self, key: str) -> ResolvedSlot:
        """The slot whose JSON key is ``key``."""
        for slot in self.slots:
            if slot.key == key:
                return slot
        raise KeyError(f"{self.name} has no slot with the JSON key {key!r}")

    def slot_named(self, name: str) -> ResolvedSlot:
        """The slot with a LinkML slot name."""
        for slot in self.slots:
            if slot.name == name:
                return slot
        raise KeyError(f"{self.name} has no slot {name!r}")

    @property
    def by_key(self) -> dict[str, ResolvedSlot]:
        """The slots by JSON key."""
        return {slot.key: slot for slot in self.slots}


@dataclass(frozen=True)
class ResolvedRule:
    """A rule of the rules file, and where it applies."""

    id: str
    title: str
    enforced: bool  # false: documented, not generated
    expressed_in: str  # linkml | rules
    applies_to: tuple[str, ...]  # classes its JSON Schema fragments are attached to
    declared_on: tuple[str, ...]  # classes whose LinkML definition carries it
    fields: tuple[str, ...]  # the keys it is about (`key` or `Class.key`)
    errata: tuple[str, ...]


@dataclass(frozen=True)
class ResolvedModel:
    """The whole model resolved: classes, enums, types and rules, as every generator reads them."""

    name: str
    version: str
    title: str
    description: str
    schema_id: str  # $id of the generated JSON Schema
    schema_title: str
    discriminator: str  # the slot (its JSON key) whose fixed value selects the entry-point class
    field_prefix: str  # the prefix of the extension's own field keys
    entry_points: Mapping[str, str]  # discriminator value -> entry-point class
    entry_point_required: bool  # documents selecting no entry-point class are rejected (else unchecked)
    class_map: Mapping[str, ResolvedClass]
    enum_map: Mapping[str, ResolvedEnum]
    type_map: Mapping[str, ResolvedType]
    rules: tuple[ResolvedRule, ...]

    # ----- lookups ---------------------------------------------------------------------------------------
    def kind(self, name: str) -> str:
        """The kind of a range: class, any, enum or type."""
        if name in self.class_map:
            return KIND_ANY if self.class_map[name].is_any else KIND_CLASS
        return KIND_ENUM if name in self.enum_map else KIND_TYPE

    def slots(self, class_name: str) -> dict[str, ResolvedSlot]:
        """The slots of a class, keyed by JSON key."""
        return self.class_map[class_name].by_key

    def entry_class(self, document: Any) -> str | None:
        """The entry-point class a document is checked as (None: not checked)."""
        if not isinstance(document, dict):
            return None
        return self.entry_points.get(str(document.get(self.discriminator)))

    def field_classes(self) -> list[str]:
        """Concrete classes that hold prefixed fields (the levels where the extension's fields go)."""
        if not self.field_prefix:
            return []
        return [
            c.name
            for c in self.class_map.values()
            if not c.abstract and any(s.key.startswith(self.field_prefix) for s in c.slots)
        ]

    def levels(self) -> dict[str, list[tuple[str, ResolvedSlot]]]:
        """Classes an entry point's slot holds: ``{class: [(entry point, slot), ...]}``."""
        found: dict[str, list[tuple[str, ResolvedSlot]]] = {}
        for entry in dict.fromkeys(self.entry_points.values()):
            for slot in self.class_map[entry].slots:
                for name in slot.ranges:
                    if self.kind(name) == KIND_CLASS:
                        found.setdefault(name, []).append((entry, slot))
        return found

    def reachable(self) -> list[str]:
        """Every class a document can reach from the entry points, in a stable order."""
        seen: list[str] = []
        frontier = list(dict.fromkeys(self.entry_points.values()))
        while frontier:
            name = frontier.pop(0)
            if name in seen:
                continue
            seen.append(name)
            for slot in self.class_map[name].slots:
                frontier += [r for r in slot.ranges if self.kind(r) == KIND_CLASS and r not in seen]
        return seen

    def to_json(self) -> dict[str, Any]:
        """The resolved model as JSON."""
        return _jsonable(self)


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


# ----- building it ------------------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    """LinkML hands out subclasses of str, int and float; records hold plain JSON values."""
    if value is None or isinstance(value, bool):
        return value
    for kind in (str, int, float):
        if isinstance(value, kind):
            return kind(value)
    return value


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _constraints(element: Any, notes: Mapping[str, Any]) -> Constraints:
    return Constraints(
        pattern=_text(getattr(element, "pattern", None)),
        minimum=_plain(getattr(element, "minimum_value", None)),
        maximum=_plain(getattr(element, "maximum_value", None)),
        keywords={k: _plain(v) for k, v in json_schema_keywords(dict(notes)).items()},
    )


class _Resolver:
    def __init__(self, view: SchemaView, rules: list[dict[str, Any]]) -> None:
        self.view = view
        self.notes = annotation_values(view.schema)
        self.all_classes = self.view.all_classes()
        self.enums = self.view.all_enums()
        self.types = self.view.all_types()
        self.rules = [self._rule(rule) for rule in rules]

    def kind(self, name: str) -> str:
        if name in self.all_classes:
            return KIND_ANY if self.all_classes[name].class_uri == ANY_CLASS_URI else KIND_CLASS
        if name in self.enums:
            return KIND_ENUM
        if name in self.types:
            return KIND_TYPE
        raise ModelError(f"unknown range {name!r}")

    @staticmethod
    def _rule(rule: Mapping[str, Any]) -> ResolvedRule:
        if not rule.get("id"):
            raise ModelError(f"rules.yaml: a rule has no id ({rule.get('title', '')!r})")
        return ResolvedRule(
            id=str(rule["id"]),
            title=str(rule.get("title", "")),
            enforced=rule.get("enforced", True) is not False,
            expressed_in=str(rule.get("expressed_in", "rules")),
            applies_to=tuple(str(a.get("to")) for a in rule.get("apply", []) or []),
            declared_on=tuple(str(c) for c in rule.get("declared_on", []) or []),
            fields=tuple(str(k) for k in rule.get("fields", []) or []),
            errata=tuple(str(e) for e in rule.get("errata", []) or []),
        )

    def type_(self, name: str) -> ResolvedType:
        view = self.view
        ancestors = view.type_ancestors(name)
        merged = Constraints()
        for ancestor in reversed(ancestors):  # the nearest definition wins
            merged = merged.merged(_constraints(view.get_type(ancestor), {}))
        merged = dataclasses.replace(merged, keywords=_constraints(None, type_annotations(view, name)).keywords)
        base = str(ancestors[-1])
        definition = view.get_type(name)
        return ResolvedType(
            name=name,
            base=base,
            json_type=JSON_TYPES.get(base, base),
            python=str(view.induced_type(name).base),
            description=str(definition.description or ""),
            constraints=merged,
            erratum=_text(annotation_values(definition).get("erratum")),
        )

    def enum(self, name: str) -> ResolvedEnum:
        enum = self.view.get_enum(name)
        notes = annotation_values(enum)
        return ResolvedEnum(
            name=name,
            title=_text(enum.title),
            description=str(enum.description or ""),
            open=is_true(notes.get("open_enum", False)),
            values=tuple(
                EnumValue(
                    str(v),
                    str(pv.description or ""),
                    _text(pv.title),
                    _text(pv.deprecated),
                    _text(pv.deprecated_element_has_exact_replacement),
                )
                for v, pv in enum.permissible_values.items()
            ),
            erratum=_text(notes.get("erratum")),
        )

    def slot(self, owner: str, slot: Any, ancestors: list[str]) -> ResolvedSlot:
        notes = annotation_values(slot)
        key = str(slot.alias or slot.name)
        default_range = str(self.view.schema.default_range or "string")
        if slot.any_of:
            branches = tuple(
                Branch(str(b.range or default_range), self.kind(str(b.range or default_range)), _constraints(b, {}))
                for b in slot.any_of
            )
        else:
            name = str(slot.range or default_range)
            branches = (Branch(name, self.kind(name)),)
        json_map = _text(notes.get("json_map"))
        if json_map is not None:
            if not slot.multivalued:
                raise ModelError(f"slot {slot.name}: json_map needs a multivalued slot")
            if json_map not in JSON_MAP_MODES:
                raise ModelError(f"slot {slot.name}: json_map must be 'strict' or 'lenient', not {json_map!r}")
        recommended = _text(notes.get("recommended_values"))
        if recommended is not None and recommended not in self.enums:
            raise ModelError(f"slot {slot.name}: recommended_values names unknown enum {recommended}")
        if slot.value_presence == PresenceEnum(PresenceEnum.ABSENT):
            presence = PRESENCE_FORBIDDEN
        else:
            presence = PRESENCE_REQUIRED if slot.required else PRESENCE_OPTIONAL
        member = slot.has_member
        return ResolvedSlot(
            owner=owner,
            name=str(slot.name),
            key=key,
            description=str(slot.description or ""),
            branches=branches,
            presence=presence,
            multivalued=bool(slot.multivalued),
            unique=bool(slot.list_elements_unique),
            min_items=_plain(slot.minimum_cardinality),
            max_items=_plain(slot.maximum_cardinality),
            nullable=is_true(notes.get("nullable", False)),
            one_or_many=is_true(notes.get("one_or_many", False)),
            json_map=json_map,
            constraints=_constraints(slot, notes),
            equals_string=_text(slot.equals_string),
            has_member=_text(member.equals_string) if member is not None else None,
            default=_text(slot.ifabsent),
            recommended=recommended,
            erratum=_text(notes.get("erratum")),
            inlined_as_list=bool(slot.inlined_as_list),
            deprecated=_text(slot.deprecated),
            replaced_by=_text(slot.deprecated_element_has_exact_replacement) or _text(notes.get("replaced_by")),
            rules=tuple(
                rule.id
                for rule in self.rules
                if key in rule.fields or any(f"{a}.{key}" in rule.fields for a in ancestors)
            ),
            title=_text(slot.title),
        )

    def class_(self, name: str) -> ResolvedClass:
        view = self.view
        cls = view.get_class(name)
        ancestors = [str(a) for a in view.class_ancestors(name)]
        own, inherited = annotation_values(cls), class_annotations(view, name)
        slots = tuple(self.slot(name, s, ancestors) for s in view.class_induced_slots(name))
        keys = {s.name: s.key for s in slots}
        together = []
        other_rules = 0
        for ancestor in ancestors:
            for rule in view.get_class(ancestor).rules or []:
                pair = _together(rule, keys)
                if pair is None:
                    other_rules += 1
                else:
                    together.append(pair)
        descriptions = [str(r.description) for r in cls.rules or [] if r.description]
        pattern = inherited.get("extra_keys_pattern")
        return ResolvedClass(
            name=name,
            title=_text(cls.title),
            description=str(cls.description or ""),
            abstract=bool(cls.abstract),
            is_any=cls.class_uri == ANY_CLASS_URI,
            is_a=_text(cls.is_a),
            mixins=tuple(str(m) for m in cls.mixins or []),
            ancestors=tuple(ancestors),
            children=tuple(str(c) for c in view.class_children(name, mixins=False)),
            slots=slots,
            direct_slots=tuple(str(s) for s in view.class_slots(name, direct=True)),
            entry_point=is_true(inherited.get("entry_point", False)),
            extra_keys_pattern=_text(pattern),
            closed=cls.extra_slots is not None and getattr(cls.extra_slots, "allowed", None) is False,
            keywords={k: _plain(v) for k, v in json_schema_keywords(own).items()},
            inherited_keywords={k: _plain(v) for k, v in json_schema_keywords(inherited).items()},
            together=tuple(together),
            other_rules=other_rules,
            linkml_rules=tuple(descriptions),
            doc_label=_text(own.get("doc_label")),
            erratum=_text(own.get("erratum")),
            rules=tuple(r.id for r in self.rules if name in r.applies_to or name in r.declared_on),
        )

    def build(self) -> ResolvedModel:
        view = self.view
        notes = self.notes
        class_map = {name: self.class_(name) for name in self.all_classes}
        discriminator = _text(notes.get("entry_discriminator")) or ""
        entry_points: dict[str, str] = {}
        for cls in class_map.values():
            if not cls.entry_point:
                continue
            if not discriminator:
                raise ModelError("entry_point classes need the schema annotation entry_discriminator")
            fixed = next((s.equals_string for s in cls.slots if s.name == discriminator), None)
            if fixed is None:
                raise ModelError(f"entry point {cls.name}: slot {discriminator} needs an equals_string value")
            entry_points[fixed] = cls.name
        known_keys = {s.key for c in class_map.values() for s in c.slots}
        for rule in self.rules:
            unknown = [f for f in rule.fields if f.rsplit(".", 1)[-1] not in known_keys]
            unknown += [c for c in (*rule.declared_on, *rule.applies_to) if c not in class_map]
            if unknown:
                raise ModelError(f"rules.yaml: rule {rule.id} names what the model does not define: {unknown}")
        discriminator_key = next(
            (s.key for c in class_map.values() for s in c.slots if s.name == discriminator), discriminator
        )
        schema = view.schema
        return ResolvedModel(
            name=str(schema.name),
            version=str(schema.version or ""),
            title=str(schema.title or schema.name),
            description=str(schema.description or ""),
            schema_id=str(notes.get("json_schema_id") or schema.id),
            schema_title=str(notes.get("json_schema_title") or schema.title or schema.name),
            discriminator=discriminator_key,
            field_prefix=str(notes.get("field_prefix") or ""),
            entry_points=entry_points,
            entry_point_required=is_true(notes.get("entry_point_required", False)),
            class_map=class_map,
            enum_map={name: self.enum(name) for name in self.enums},
            type_map={name: self.type_(name) for name in self.types},
            rules=tuple(self.rules),
        )


def _together(rule: Any, keys: Mapping[str, str]) -> tuple[str, str] | None:
    """``(A, B)`` for a LinkML rule "A present if and only if B present" (None for any other rule)."""
    pre = dict(rule.preconditions.slot_conditions) if rule.preconditions else {}
    post = dict(rule.postconditions.slot_conditions) if rule.postconditions else {}
    presence = [str(c.value_presence) for c in [*pre.values(), *post.values()]]
    if rule.bidirectional and len(pre) == len(post) == 1 and presence == ["PRESENT", "PRESENT"]:
        return keys[next(iter(pre))], keys[next(iter(post))]
    return None


@per_model
def resolve(model: SourceModel) -> ResolvedModel:
    """The resolved model of a source model (built once per model object)."""
    return _Resolver(model.view, model.rules).build()


def resolve_view(view: SchemaView, rules: list[dict[str, Any]] | None = None) -> ResolvedModel:
    """The resolved model of a LinkML schema alone (no rules file unless given), e.g. a toy schema."""
    return _Resolver(view, rules or []).build()
