"""The source model (schema/) read once into small records the strategies are built from.

Everything here comes from the resolved model (``stac_ext_codegen.resolved``, the one reading of the LinkML
model the generators share) and from ``rules.yaml``: which classes exist, the JSON key, range, cardinality,
pattern, bounds and annotations of each of their fields, which fields are required or forbidden at a level,
the extra keys a class accepts, and the LinkML class rules (fields that come together). Nothing
MLM-specific is written in this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from stac_ext_codegen.model import SourceModel
from stac_ext_codegen.resolved import ResolvedSlot, resolve
from support.paths import SCHEMA_DIR

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
    """Accessors over the resolved model (``stac_ext_codegen.resolved``), cached."""

    def __init__(self, source: SourceModel) -> None:
        self.source = source
        self.resolved = resolve(source)

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
        return name in self.resolved.class_map

    def is_enum(self, name: str) -> bool:
        return name in self.resolved.enum_map

    def enum_values(self, name: str) -> list[str]:
        return self.resolved.enum_map[name].names

    def enum_is_open(self, name: str) -> bool:
        return self.resolved.enum_map[name].open

    @cache  # noqa: B019 - one Model per process
    def value_type(self, name: str) -> ValueType:
        vtype = self.resolved.type_map[name]
        if vtype.base not in BUILTIN_TYPES:
            raise NotImplementedError(f"type {name}: no strategy for its base type ({vtype.base})")
        base, shape = BUILTIN_TYPES[vtype.base]
        constraints = vtype.constraints
        keywords = constraints.keywords
        unknown = set(keywords) - KNOWN_KEYWORDS
        if unknown:
            raise NotImplementedError(f"type {name}: json_schema keywords {unknown} have no strategy yet")
        minimum = constraints.minimum if constraints.minimum is not None else keywords.get("minimum")
        maximum = constraints.maximum if constraints.maximum is not None else keywords.get("maximum")
        return ValueType(
            name,
            base,
            constraints.pattern,
            _number(minimum),
            int(keywords.get("minLength", 0)),
            _number(maximum),
            int(keywords["maxLength"]) if "maxLength" in keywords else None,
            shape,
        )

    @cache  # noqa: B019
    def class_info(self, name: str) -> ClassInfo:
        cls = self.resolved.class_map[name]
        keywords = cls.inherited_keywords
        unknown = set(keywords) - KNOWN_KEYWORDS
        if unknown:
            raise NotImplementedError(f"class {name}: json_schema keywords {unknown} have no strategy yet")
        if cls.other_rules:
            raise NotImplementedError(f"class {name}: only 'A present <=> B present' rules have a strategy")
        return ClassInfo(
            name=name,
            fields=tuple(_field(slot) for slot in cls.slots),
            extra_keys_pattern=cls.extra_keys_pattern,
            closed=cls.closed or cls.extra_keys_pattern is not None,
            min_properties=int(keywords.get("minProperties", 0)),
            together=cls.together,
            is_any=cls.is_any,
        )

    def entry_points(self) -> dict[str, str]:
        """Discriminator value -> entry-point class (Items and Collections)."""
        return dict(self.resolved.entry_points)

    @property
    def discriminator(self) -> str:
        return self.resolved.discriminator

    def field_prefix(self) -> str:
        return self.resolved.field_prefix

    def enforced_rules(self, expressed_in: str = "rules") -> list[dict[str, Any]]:
        return [r for r in self.rules if r.get("expressed_in") == expressed_in and r.get("enforced", True)]


def _field(slot: ResolvedSlot) -> Field:
    constraints = slot.constraints
    keywords = constraints.keywords
    unknown = set(keywords) - KNOWN_KEYWORDS - {"description", "title", "$comment", "examples", "default"}
    if unknown:
        raise NotImplementedError(f"slot {slot.name}: json_schema keywords {unknown} have no strategy yet")
    branch_pattern = next((b.constraints.pattern for b in slot.branches if b.constraints.pattern), None)
    return Field(
        key=slot.key,
        slot=slot.name,
        ranges=slot.ranges,
        required=slot.required,
        absent=slot.absent,
        multivalued=slot.multivalued,
        unique=slot.unique,
        min_items=int(slot.min_items or keywords.get("minItems", 0)),
        nullable=slot.nullable,
        one_or_many=slot.one_or_many,
        json_map=slot.json_map,
        pattern=constraints.pattern or branch_pattern,
        minimum=_number(constraints.minimum if constraints.minimum is not None else keywords.get("minimum")),
        equals_string=slot.equals_string,
        has_member=slot.has_member,
        recommended=slot.recommended,
        maximum=_number(constraints.maximum if constraints.maximum is not None else keywords.get("maximum")),
        max_items=_int(slot.max_items if slot.max_items is not None else keywords.get("maxItems")),
        min_length=int(keywords.get("minLength", 0)),
        max_length=_int(keywords.get("maxLength")),
    )


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
