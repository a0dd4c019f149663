"""Pydantic v2 classes from a LinkML model, through LinkML's ``PydanticGenerator`` and its lifecycle hooks.

The generated module imports only pydantic and the standard library. Its classes are meant to read and
write JSON documents without loss, so the hooks change what the stock generator emits:

- every field type is rebuilt from the slot (``after_generate_slot``): the annotation vocabulary
  (``nullable``, ``one_or_many``, ``json_map``, ``json_schema.<keyword>``) and ``list_elements_unique``
  apply; constraints of a type or an ``any_of`` branch apply to each value, never to the list holding
  them; JSON numbers keep their form (``0`` stays an int, ``1.0`` stays a float, even in an integer field);
- slots a class declares ``ABSENT`` are left out of it (``before_generate_slots``);
- a slot with an ``equals_string`` value (or a required list that must hold one) is filled in when an
  object is built in Python (so it serialises to a valid document), while a document read with
  ``from_dict`` must state it when the slot is required;
- classes that close their extra slots forbid unknown keys; all others keep them;
- the types are true for a type checker (``mypy --strict``, no plugin): each class declares, for type
  checkers only, an ``__init__`` taking the Python names (a misspelt keyword is an error), closed enums
  are ``Literal`` strings (their ``Enum`` members are accepted too), an optional field that may not be
  null is ``Omittable[T]`` (``T | None`` to a type checker: ``None`` while the key is absent; the
  runtime type stays ``T``), JSON integers are ``int``;
- a class with fields named after JSON keys (``prefix:name``) gets a mixin of typed properties named
  without the prefix (``<Class>Accessors``), for wrappers such as pystac extensions.

The base class (templates/pydantic/base_model.py.jinja) adds ``from_dict`` and ``to_dict``: keys are read
by their JSON names only (a key spelled like a field's Python name stays extra data), fields never set
stay out, explicit nulls and key order are kept. Reading runs no Python code per object beyond the
validators of a few constraints, which keeps it as fast as pydantic allows.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from linkml.generators.pydanticgen import PydanticGenerator
from linkml.generators.pydanticgen.pydanticgen import MetadataMode, _get_pyrange
from linkml.generators.pydanticgen.template import PydanticClass
from linkml_runtime import SchemaView
from linkml_runtime.utils.formatutils import camelcase, underscore

from .model import ModelError, SourceModel
from .resolved import ResolvedModel, ResolvedSlot, resolve, resolve_view

TEMPLATES = Path(__file__).parent / "templates" / "pydantic"

# JSON Schema keywords (from ``json_schema.<keyword>`` annotations) that pydantic can check on one value.
VALUE_KEYWORDS = {
    "minLength": "min_length",
    "maxLength": "max_length",
    "pattern": "pattern",
    "minimum": "ge",
    "maximum": "le",
    "exclusiveMinimum": "gt",
    "exclusiveMaximum": "lt",
}
LIST_KEYWORDS = {"minItems": "min_length", "maxItems": "max_length"}
# Python types of LinkML base types, as the generated module names them (see the base model template).
SCALARS = {"int": "JsonInteger", "float": "JsonNumber", "Decimal": "JsonNumber", "bool": "StrictBool"}
# The keyword that takes keys a class does not define (as pystac's ``extra_fields``), and the suffix of the
# ``Literal`` alias of each enum's values.
EXTRA_FIELDS = "extra_fields"
LITERAL_SUFFIX = "Value"


class GeneratedClass(PydanticClass):
    """A generated class with the extra facts the project's class template renders."""

    constants: dict[str, str] | None = None  # Python name -> repr of the fixed value filled in when building
    init_params: list[str] | None = None  # the keyword parameters of __init__, as type checkers see it
    omittable: list[str] | None = None  # Python names of the fields typed Omittable
    closed: bool = False


def _constraint_args(constraints: dict[str, Any]) -> str:
    return ", ".join(f"{name}={value!r}" for name, value in constraints.items())


def _annotated(base: str, constraints: dict[str, Any], validators: list[str] = ()) -> str:
    parts = ([f"Field({_constraint_args(constraints)})"] if constraints else []) + list(validators)
    return f"Annotated[{base}, {', '.join(parts)}]" if parts else base


def _note(facts: ResolvedSlot) -> str:
    """What a deprecated field's warning says: why, and what to use instead."""
    instead = f"; use {facts.replaced_by} instead" if facts.replaced_by else ""
    return f"{facts.deprecated}{instead}"


def _union(members: list[str]) -> str:
    unique = list(dict.fromkeys(members))
    return " | ".join(unique)


class LinkMLPydanticGenerator(PydanticGenerator):
    """``PydanticGenerator`` with the project's annotation vocabulary and lossless JSON round trips."""

    def __init__(self, schema: str, **kwargs: Any) -> None:
        kwargs.setdefault("extra_fields", "allow")
        kwargs.setdefault("metadata_mode", MetadataMode.NONE)
        kwargs.setdefault("template_dir", str(TEMPLATES))
        super().__init__(schema, **kwargs)
        self._constants: dict[str, str] = {}
        self._init: dict[str, tuple[str, bool, bool]] = {}  # field -> (init type, has default, omittable)
        self._init_params: list[str] = []
        self._omittable: list[str] = []
        self._init_types: dict[str, str] = {}
        # class -> (property, field, type read, type written, description) of each field named prefix:name
        self._accessors: dict[str, list[tuple[str, str, str, str, str]]] = {}
        self.resolved: ResolvedModel | None = None  # the model's, set by build_pydantic
        self._class = ""  # the class whose slots are being generated

    # The facts of a slot come from the resolved model (resolved.py), which decodes the annotations.
    def _resolved(self) -> ResolvedModel:
        if self.resolved is None:  # a schema without a rules file: resolve it here
            self.resolved = resolve_view(self.schemaview)
        return self.resolved

    def _facts(self, slot: Any) -> ResolvedSlot:
        return self._resolved().class_map[self._class].slot_named(slot.name)

    def before_generate_enums(self, enums: list[Any], sv: SchemaView) -> list[Any]:
        """Members are named after their values: a value's ``title`` is a label for user interfaces."""
        plain = []
        for enum in enums:
            enum = copy.deepcopy(enum)
            for value in (enum.permissible_values or {}).values():
                value.title = None
            plain.append(enum)
        return plain

    def before_generate_class(self, cls: Any, sv: SchemaView) -> Any:
        """Remember the class being generated."""
        self._class = cls.name
        return cls

    # Slots declared ABSENT in a class are not fields of it.
    def before_generate_slots(self, slots: list[Any], sv: SchemaView) -> list[Any]:
        """Leave out slots that are forbidden on the class."""
        return [slot for slot in slots if not self._facts(slot).absent]

    def after_generate_slot(self, slot_result: Any, sv: SchemaView) -> Any:
        """Give a slot's field its type, alias and defaults."""
        slot = slot_result.source
        attribute = slot_result.attribute
        if attribute.name == EXTRA_FIELDS:
            raise ModelError(f"slot {slot.name}: the Python name {EXTRA_FIELDS!r} is reserved for unknown keys")
        attribute.range = self._field_type(slot, sv)
        init_type = self._field_type(slot, sv, init=True)
        # Constraints now live in the type, on each value; the stock template must not repeat them.
        for name in ("pattern", "minimum_value", "maximum_value", "equals_number"):
            setattr(attribute, name, None)
        for name in ("minimum_cardinality", "maximum_cardinality", "exact_cardinality"):
            setattr(attribute, name, None)
        constant = self._constant(slot)
        if constant is not None and not slot.required:  # a required one is filled in when building instead
            attribute.predefined = repr(constant)
        omittable = attribute.field == "None" and not self._facts(slot).nullable
        if omittable:  # absent reads as None; an explicit null stays an error, as in the JSON Schema
            attribute.range = f"Omittable[{attribute.range}]"
            init_type = f"{init_type} | None"
        self._init[attribute.name] = (init_type, attribute.field != "..." or constant is not None, omittable)
        return slot_result

    def after_generate_slots(self, slot_results: list[Any], sv: SchemaView) -> list[Any]:
        """Record the class's constant fields and the parameters of its constructor."""
        self._constants = {
            r.attribute.name: repr(self._constant(r.source))
            for r in slot_results
            if self._constant(r.source) is not None
        }
        facts = [(r.attribute.name, *self._init[r.attribute.name]) for r in slot_results]
        self._init = {}
        self._init_params = [f"{n}: {t}" for n, t, default, _ in facts if not default]
        self._init_params += [f"{n}: {t} = ..." for n, t, default, _ in facts if default]
        self._omittable = [name for name, _, _, omittable in facts if omittable]
        self._init_types = {name: init_type for name, init_type, _, _ in facts}
        return slot_results

    def after_generate_class(self, cls_result: Any, sv: SchemaView) -> Any:
        """Replace LinkML's class by one with the bases and settings of the runtime."""
        stock: PydanticClass = cls_result.cls
        extra_slots = cls_result.source.extra_slots
        closed = extra_slots is not None and getattr(extra_slots, "allowed", None) is False
        fields = {name: getattr(stock, name) for name in PydanticClass.model_fields}
        fields["bases"] = self._bases(cls_result.source, sv, stock.bases)
        cls_result.cls = GeneratedClass(
            **fields,
            constants=self._constants or None,
            closed=closed,
            init_params=self._init_params + ([] if closed else [f"{EXTRA_FIELDS}: Mapping[str, Any] | None = ..."]),
            omittable=self._omittable or None,
        )
        prefixed = [a for a in (stock.attributes or {}).values() if a.alias and ":" in a.alias]
        if prefixed:
            self._accessors[stock.name] = [
                (
                    a.alias.split(":", 1)[1],
                    a.name,
                    a.range if a.range.startswith("Omittable[") else f"Omittable[{a.range}]",
                    self._init_types[a.name],
                    a.description or "",
                )
                for a in prefixed
            ]
        return cls_result

    def _bases(self, cls: Any, sv: SchemaView, bases: list[str] | str) -> list[str] | str:
        """A Python subclass cannot drop an inherited field: a class that declares slots of its parents
        ABSENT derives from the parents' own bases instead (it declares every slot it has anyway)."""
        dropped = {slot.name for slot in self._resolved().class_map[cls.name].slots if slot.absent}
        if not dropped:
            return bases
        parents = [cls.is_a, *cls.mixins] if cls.is_a else list(cls.mixins)
        kept: list[str] = []
        for parent in parents:
            if dropped & set(sv.class_slots(parent)):
                grand = self._bases(sv.get_class(parent), sv, self.class_bases.get(camelcase(parent), []))
                kept.extend([grand] if isinstance(grand, str) else grand)
            else:
                kept.append(camelcase(parent))
        return list(dict.fromkeys(kept)) or PydanticClass.model_fields["bases"].default

    def before_render_template(self, template: Any, sv: SchemaView) -> Any:
        """Give the template the module header facts (title, version, source)."""
        schema = sv.schema
        version = schema.version or ""
        if version and getattr(self, "version_status", "") == "draft":
            version += " (a draft, not released)"
        template.meta = {
            "title": schema.title or schema.name,
            "version": version,
            "literals": {
                camelcase(name): [str(value) for value in (sv.get_enum(name).permissible_values or {})]
                for name in sv.all_enums()
            },
            "accessors": self._accessors,
        }
        return template

    # --- helpers -------------------------------------------------------------------------------------

    @staticmethod
    def _constant(slot: Any) -> Any:
        """The value a slot always has, if it has one: its ``equals_string``, or for a required list that
        must contain a given string, a list holding just that string."""
        if slot.equals_string is not None:
            return slot.equals_string
        member = slot.has_member
        if slot.multivalued and slot.required and member is not None and member.equals_string is not None:
            return [member.equals_string]
        return None

    def _field_type(self, slot: Any, sv: SchemaView, init: bool = False) -> str:
        """The annotation of a slot's field; ``init``: the type ``__init__`` accepts (enum members too)."""
        facts = self._facts(slot)
        branches = list(slot.any_of or []) or [slot]
        value_keywords, list_keywords = {}, {}
        for keyword, value in facts.constraints.keywords.items():
            if keyword in VALUE_KEYWORDS and not slot.multivalued:
                value_keywords[VALUE_KEYWORDS[keyword]] = value
            elif keyword in LIST_KEYWORDS and slot.multivalued:
                list_keywords[LIST_KEYWORDS[keyword]] = value
        item = _union([self._value_type(branch, slot, sv, value_keywords, init) for branch in branches])
        tag = self._discriminator(branches, sv)
        if tag is not None:  # a tagged union: the tag picks the class (fast, and a missing tag is an error)
            item = f"Annotated[{item}, Field(discriminator={tag!r})]"

        field_type = item
        if slot.multivalued:
            mode = facts.json_map
            if mode is not None:
                field_type = f"dict[str, {item}]"
                if str(mode) == "lenient":  # the JSON type is not checked, but an object's entries are
                    field_type = f"{field_type} | NotAnObject"
            else:
                if slot.minimum_cardinality is not None:
                    list_keywords.setdefault("min_length", slot.minimum_cardinality)
                if slot.maximum_cardinality is not None:
                    list_keywords.setdefault("max_length", slot.maximum_cardinality)
                validators = ["AfterValidator(_unique_items)"] if slot.list_elements_unique else []
                field_type = _annotated(f"list[{item}]", list_keywords, validators)
        # Same order as the JSON Schema generator: a nullable value stays nullable inside the list.
        nullable = facts.nullable
        if nullable:
            field_type = f"{field_type} | None"
        if facts.one_or_many:
            field_type = f"{field_type} | {_annotated(f'list[{field_type}]', {'min_length': 1})}"
        if facts.deprecated is not None:
            field_type = _annotated(field_type, {}, [f"AfterValidator(_Deprecated({facts.key!r}, {_note(facts)!r}))"])
        # An optional field that is not nullable stays without `| None`: a missing key takes the default
        # (defaults are not validated) but an explicit null is rejected, as the JSON Schema does.
        return field_type

    @staticmethod
    def _discriminator(branches: list[Any], sv: SchemaView) -> str | None:
        """The field that tells the classes of an ``any_of`` apart, if there is one: a required slot with a
        fixed value (``equals_string``) that every branch class has, with a different value in each."""
        if len(branches) < 2 or not all(branch.range in sv.all_classes() for branch in branches):
            return None
        tags: list[dict[str, str]] = []
        for branch in branches:
            fixed = {
                underscore(slot.alias or slot.name): slot.equals_string
                for slot in sv.class_induced_slots(branch.range)
                if slot.required and slot.equals_string is not None
            }
            tags.append(fixed)
        for name in set.intersection(*(set(t) for t in tags)):
            values = [t[name] for t in tags]
            if len(set(values)) == len(values):
                return name
        return None

    def _value_type(
        self, branch: Any, slot: Any, sv: SchemaView, slot_keywords: dict[str, Any], init: bool = False
    ) -> str:
        """The type of one value of a slot (one ``any_of`` branch), with the constraints on that value."""
        if slot.equals_string is not None:
            return f"Literal[{slot.equals_string!r}]"
        range_name = branch.range or slot.range
        if range_name in sv.all_classes():
            return self.get_class_slot_range(range_name, inlined=True, inlined_as_list=slot.inlined_as_list)
        if range_name in sv.all_enums():  # the values as plain strings; __init__ takes the members too
            name = camelcase(range_name)
            return f"{name} | {name}{LITERAL_SUFFIX}" if init else f"{name}{LITERAL_SUFFIX}"
        if range_name not in sv.all_types():
            raise ModelError(f"slot {slot.name}: unknown range {range_name!r}")
        python_type = _get_pyrange(sv.get_type(range_name), sv).strip()
        constraints: dict[str, Any] = {}
        for ancestor in reversed(sv.type_ancestors(range_name)):  # nearest definition wins
            definition = sv.get_type(ancestor)
            constraints.update(self._expression_constraints(definition))
        for keyword, value in self._resolved().type_map[range_name].constraints.keywords.items():
            if keyword in VALUE_KEYWORDS:
                constraints[VALUE_KEYWORDS[keyword]] = value
        constraints.update(self._expression_constraints(slot))
        if branch is not slot:
            constraints.update(self._expression_constraints(branch))
        constraints.update(slot_keywords)
        return _annotated(SCALARS.get(python_type, python_type), constraints)

    @staticmethod
    def _expression_constraints(element: Any) -> dict[str, Any]:
        found = {}
        for metaslot, argument in (("minimum_value", "ge"), ("maximum_value", "le"), ("pattern", "pattern")):
            value = getattr(element, metaslot, None)
            if value is not None:
                found[argument] = value
        return found


def build_pydantic(model: SourceModel) -> str:
    """Generate the Python module of pydantic classes for the model."""
    generator = LinkMLPydanticGenerator(str(model.root_path))
    generator.resolved = resolve(model)
    generator.version_status = model.version.status if model.version else ""
    text = generator.serialize()
    lines = [line.rstrip() for line in text.splitlines()]
    collapsed: list[str] = []
    for line in lines:  # at most two blank lines in a row
        if line or len(collapsed) < 2 or collapsed[-1] or collapsed[-2]:
            collapsed.append(line)
    return "\n".join(collapsed).strip() + "\n"
