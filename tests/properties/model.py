"""The source model (schema/) read once into small records the strategies are built from.

Everything here comes from the LinkML model through ``SchemaView`` (and from ``rules.yaml``): which
classes exist, the JSON key, range, cardinality, pattern, bounds and annotations of each of their
fields, which fields are required or forbidden at a level, the extra keys a class accepts, and the
LinkML class rules (fields that come together). Nothing MLM-specific is written in this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from stac_ext_codegen.annotations import annotation_values, class_annotations, is_true, json_schema_keywords
from stac_ext_codegen.annotations import type_annotations as _type_annotations
from stac_ext_codegen.model import SourceModel
from support.paths import SCHEMA_DIR

ANY_CLASS_URI = "linkml:Any"
#: The JSON Schema keywords (json_schema.<keyword> annotations) the strategies know how to honour.
KNOWN_KEYWORDS = {"minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems", "minProperties"}
#: Every built-in LinkML type (linkml:types): the JSON type of its values and, for strings with a
#: shape, the name of that shape (see FORMATS in strategies.py). A model type derives from one of these.
BUILTIN_TYPES = {
    "string": ("string", None),
    "integer": ("integer", None),
    "boolean": ("boolean", None),
    "float": ("number", None),
    "double": ("number", None),
    "decimal": ("number", None),
    "time": ("string", "time"),
    "date": ("string", "date"),
    "datetime": ("string", "datetime"),
    "date_or_datetime": ("string", "date"),
    "uri": ("string", "uri"),
    "uriorcurie": ("string", "uriorcurie"),
    "curie": ("string", "curie"),
    "ncname": ("string", "ncname"),
    "objectidentifier": ("string", "uriorcurie"),
    "nodeidentifier": ("string", "uriorcurie"),
    "jsonpointer": ("string", "jsonpointer"),
    "jsonpath": ("string", "jsonpath"),
    "sparqlpath": ("string", "sparqlpath"),
}


@dataclass(frozen=True)
class ValueType:
    """A LinkML type reduced to what a JSON value of it must satisfy."""

    name: str
    base: str  # string | integer | number | boolean
    pattern: str | None = None
    minimum: float | None = None
    min_length: int = 0
    maximum: float | None = None
    max_length: int | None = None
    format: str | None = None  # the shape of a string type (uri, date, ...), see BUILTIN_TYPES


@dataclass(frozen=True)
class Field:
    """One slot as used by one class (slot_usage applied), keyed by its JSON name."""

    key: str
    slot: str
    ranges: tuple[str, ...]  # the range, or the ranges of its any_of branches
    required: bool = False
    absent: bool = False  # value_presence ABSENT: the key is forbidden at this level
    multivalued: bool = False
    unique: bool = False
    min_items: int = 0
    nullable: bool = False
    one_or_many: bool = False
    json_map: str | None = None  # strict | lenient
    pattern: str | None = None
    minimum: float | None = None
    equals_string: str | None = None
    has_member: str | None = None
    recommended: str | None = None  # enum whose values are suggestions for this field
    maximum: float | None = None
    max_items: int | None = None
    min_length: int = 0
    max_length: int | None = None


@dataclass(frozen=True)
class ClassInfo:
    name: str
    fields: tuple[Field, ...]
    extra_keys_pattern: str | None  # extra keys allowed only if they match (None: see `closed`)
    closed: bool  # no key beyond the declared ones (extra_slots allowed: false)
    min_properties: int
    together: tuple[tuple[str, str], ...]  # JSON keys that are given together or not at all
    is_any: bool = False

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


class Model:
    """Accessors over the source model, built lazily and cached."""

    def __init__(self, source: SourceModel) -> None:
        self.source = source
        self.view = source.view

    @property
    def annotations(self) -> dict[str, Any]:
        return self.source.schema_annotations

    @property
    def rules(self) -> list[dict[str, Any]]:
        return self.source.rules

    @property
    def rule_defs(self) -> dict[str, Any]:
        return self.source.rule_defs

    def is_class(self, name: str) -> bool:
        return name in self.view.all_classes()

    def is_enum(self, name: str) -> bool:
        return name in self.view.all_enums()

    def enum_values(self, name: str) -> list[str]:
        return [str(v) for v in self.view.get_enum(name).permissible_values]

    def enum_is_open(self, name: str) -> bool:
        return is_true(annotation_values(self.view.get_enum(name)).get("open_enum", False))

    @cache  # noqa: B019 - one Model per process
    def value_type(self, name: str) -> ValueType:
        ancestors = self.view.type_ancestors(name)
        root = ancestors[-1]
        if root not in BUILTIN_TYPES:
            raise NotImplementedError(f"type {name}: no strategy for its base type ({ancestors})")
        base, shape = BUILTIN_TYPES[root]
        keywords = json_schema_keywords(_type_annotations(self.view, name))
        unknown = set(keywords) - KNOWN_KEYWORDS
        if unknown:
            raise NotImplementedError(f"type {name}: json_schema keywords {unknown} have no strategy yet")
        types = [self.view.get_type(a) for a in ancestors]
        pattern = _str(next((t.pattern for t in types if t.pattern), None))
        minimum = next((t.minimum_value for t in types if t.minimum_value is not None), keywords.get("minimum"))
        maximum = next((t.maximum_value for t in types if t.maximum_value is not None), keywords.get("maximum"))
        return ValueType(
            name,
            base,
            pattern,
            _number(minimum),
            int(keywords.get("minLength", 0)),
            _number(maximum),
            int(keywords["maxLength"]) if "maxLength" in keywords else None,
            shape,
        )

    @cache  # noqa: B019
    def class_info(self, name: str) -> ClassInfo:
        view = self.view
        cls = view.get_class(name)
        notes = class_annotations(view, name)
        keywords = json_schema_keywords(notes)
        unknown = set(keywords) - KNOWN_KEYWORDS
        if unknown:
            raise NotImplementedError(f"class {name}: json_schema keywords {unknown} have no strategy yet")
        fields = tuple(self._field(slot) for slot in view.class_induced_slots(name))
        keys = {f.slot: f.key for f in fields}
        together = []
        for ancestor in view.class_ancestors(name):
            for rule in view.get_class(ancestor).rules or []:
                together.append(self._together(name, rule, keys))
        closed = bool(cls.extra_slots and cls.extra_slots.allowed is False)
        pattern = notes.get("extra_keys_pattern")
        return ClassInfo(
            name=name,
            fields=fields,
            extra_keys_pattern=str(pattern) if pattern is not None else None,
            closed=closed or pattern is not None,
            min_properties=int(keywords.get("minProperties", 0)),
            together=tuple(together),
            is_any=cls.class_uri == ANY_CLASS_URI,
        )

    @staticmethod
    def _together(name: str, rule: Any, keys: dict[str, str]) -> tuple[str, str]:
        pre = dict(rule.preconditions.slot_conditions) if rule.preconditions else {}
        post = dict(rule.postconditions.slot_conditions) if rule.postconditions else {}
        presence = [str(c.value_presence) for c in [*pre.values(), *post.values()]]
        if not (rule.bidirectional and len(pre) == len(post) == 1 and presence == ["PRESENT", "PRESENT"]):
            raise NotImplementedError(f"class {name}: only 'A present <=> B present' rules have a strategy")
        return keys[next(iter(pre))], keys[next(iter(post))]

    def _field(self, slot: Any) -> Field:
        notes = annotation_values(slot)
        keywords = json_schema_keywords(notes)
        unknown = set(keywords) - KNOWN_KEYWORDS - {"description", "title", "$comment", "examples", "default"}
        if unknown:
            raise NotImplementedError(f"slot {slot.name}: json_schema keywords {unknown} have no strategy yet")
        ranges = tuple(str(branch.range) for branch in slot.any_of) if slot.any_of else (str(slot.range),)
        return Field(
            key=str(slot.alias or slot.name),
            slot=str(slot.name),
            ranges=ranges,
            required=bool(slot.required),
            absent=str(slot.value_presence) == "ABSENT",
            multivalued=bool(slot.multivalued),
            unique=bool(slot.list_elements_unique),
            min_items=int(slot.minimum_cardinality or keywords.get("minItems", 0)),
            nullable=is_true(notes.get("nullable", False)),
            one_or_many=is_true(notes.get("one_or_many", False)),
            json_map=str(notes["json_map"]) if "json_map" in notes else None,
            pattern=_str(slot.pattern or next((b.pattern for b in slot.any_of or [] if b.pattern), None)),
            minimum=_number(slot.minimum_value if slot.minimum_value is not None else keywords.get("minimum")),
            equals_string=_str(slot.equals_string),
            has_member=_str(slot.has_member.equals_string) if slot.has_member else None,
            recommended=str(notes["recommended_values"]) if "recommended_values" in notes else None,
            maximum=_number(slot.maximum_value if slot.maximum_value is not None else keywords.get("maximum")),
            max_items=_int(
                slot.maximum_cardinality if slot.maximum_cardinality is not None else keywords.get("maxItems")
            ),
            min_length=int(keywords.get("minLength", 0)),
            max_length=_int(keywords.get("maxLength")),
        )

    def entry_points(self) -> dict[str, str]:
        """Discriminator value -> entry-point class (Items and Collections)."""
        key = str(self.annotations["entry_discriminator"])
        found = {}
        for name in self.view.all_classes():
            if is_true(annotation_values(self.view.get_class(name)).get("entry_point", False)):
                found[self.class_info(name).field(key).equals_string] = name
        return found

    @property
    def discriminator(self) -> str:
        return str(self.annotations["entry_discriminator"])

    def field_prefix(self) -> str:
        return str(self.annotations["field_prefix"])

    def enforced_rules(self, expressed_in: str = "rules") -> list[dict[str, Any]]:
        return [r for r in self.rules if r.get("expressed_in") == expressed_in and r.get("enforced", True)]


def _number(value: Any) -> float | None:
    """A bound as a number (annotations may hold it as a string)."""
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _str(value: Any) -> str | None:
    """LinkML hands out str subclasses; JSON encoders want plain strings."""
    return None if value is None else str(value)


@cache
def model() -> Model:
    return Model(SourceModel.load(SCHEMA_DIR))
