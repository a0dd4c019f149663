"""Reading instance documents through the LinkML model: which class and slot each JSON value belongs to.

The walk starts at the entry-point class selected by the discriminator slot, follows every key that a
class declares (by alias or name) into the slot's range, and records what it sees: used to measure
how much of the model a set of example documents exercises, and to name the slot behind an error path.
Nothing here knows a particular extension.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from linkml_runtime.linkml_model.meta import PresenceEnum

from .annotations import annotation_values, class_annotations, is_true

if TYPE_CHECKING:
    from linkml_runtime import SchemaView

ANY_CLASS_URI = "linkml:Any"
# Kinds of range (distinct from any word a model may define).
KIND_CLASS, KIND_ENUM, KIND_TYPE, KIND_ANY = "range:class", "range:enum", "range:type", "range:any"
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "Decimal": (int, float),
    "Bool": (bool,),
    "bool": (bool,),
}


@dataclass(frozen=True)
class SlotInfo:
    """What the walk needs to know about one slot of one class."""

    owner: str
    name: str
    key: str
    ranges: tuple[str, ...]
    multivalued: bool
    json_map: bool
    nullable: bool
    one_or_many: bool
    absent: bool
    required: bool
    equals_string: str | None


@dataclass(frozen=True)
class Visit:
    """One value met during the walk.

    ``element`` is False for the value of a key and True for each single value inside it (list items,
    map values, or the value itself); ``alternative`` names the range an element was read as.
    ``holder`` is where the object holding the key sits: ``<class>.<slot>`` of the slot it is a
    value of, or the entry-point class for the document itself.
    """

    pointer: str
    slot: SlotInfo
    value: Any
    element: bool
    holder: str
    alternative: str | None = None


def pointer_token(key: Any) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


def split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer[1:].split("/")]


class ModelIndex:
    """Slots, ranges and entry points of a LinkML model, indexed for walking documents."""

    def __init__(self, view: SchemaView, schema_annotations: dict[str, Any]) -> None:
        self.view = view
        self.discriminator = str(schema_annotations.get("entry_discriminator") or "")
        self.field_prefix = str(schema_annotations.get("field_prefix") or "")
        self._slots: dict[str, dict[str, SlotInfo]] = {}

    # -- model facts -------------------------------------------------------------------------------
    @cached_property
    def entry_points(self) -> dict[str, str]:
        """Discriminator value -> entry-point class."""
        entries = {}
        for name in self.view.all_classes():
            if is_true(class_annotations(self.view, name).get("entry_point", False)):
                value = self.view.induced_slot(self.discriminator, name).equals_string
                entries[str(value)] = name
        return entries

    def slots(self, class_name: str) -> dict[str, SlotInfo]:
        """The slots of a class, keyed by their JSON key."""
        if class_name not in self._slots:
            infos = {}
            for slot in self.view.class_induced_slots(class_name):
                notes = annotation_values(slot)
                ranges = tuple(str(a.range) for a in slot.any_of or [] if a.range) or (str(slot.range),)
                info = SlotInfo(
                    owner=class_name,
                    name=slot.name,
                    key=slot.alias or slot.name,
                    ranges=ranges,
                    multivalued=bool(slot.multivalued),
                    json_map="json_map" in notes,
                    nullable=is_true(notes.get("nullable", False)),
                    one_or_many=is_true(notes.get("one_or_many", False)),
                    absent=slot.value_presence == PresenceEnum(PresenceEnum.ABSENT),
                    required=bool(slot.required),
                    equals_string=slot.equals_string,
                )
                infos[info.key] = info
            self._slots[class_name] = infos
        return self._slots[class_name]

    def kind(self, name: str) -> str:
        if name in self.view.all_classes():
            return KIND_ANY if self.view.get_class(name).class_uri == ANY_CLASS_URI else KIND_CLASS
        if name in self.view.all_enums():
            return KIND_ENUM
        return KIND_TYPE

    def is_open_enum(self, name: str) -> bool:
        return is_true(annotation_values(self.view.get_enum(name)).get("open_enum", False))

    def enum_values(self, name: str) -> list[str]:
        return [str(v) for v in self.view.get_enum(name).permissible_values]

    def field_classes(self) -> list[str]:
        """Concrete classes that hold prefixed fields (the levels where the extension's fields go)."""
        if not self.field_prefix:
            return []
        return [
            name
            for name, cls in self.view.all_classes().items()
            if not cls.abstract and any(key.startswith(self.field_prefix) for key in self.slots(name))
        ]

    def places(self) -> list[tuple[str, str]]:
        """(place, class) for every entry-point slot whose range is a field class."""
        fields = set(self.field_classes())
        found = []
        for entry in self.entry_points.values():
            for info in self.slots(entry).values():
                found += [(f"{entry}.{info.name}", r) for r in info.ranges if r in fields]
        return found

    def reachable_classes(self) -> list[str]:
        """Every class a document can reach from the entry points, in a stable order."""
        seen: list[str] = []
        frontier = list(self.entry_points.values())
        while frontier:
            name = frontier.pop(0)
            if name in seen:
                continue
            seen.append(name)
            for info in self.slots(name).values():
                frontier += [r for r in info.ranges if self.kind(r) == KIND_CLASS and r not in seen]
        return seen

    # -- reading values ----------------------------------------------------------------------------
    def _type_accepts(self, name: str, value: Any) -> bool:
        base = self.view.induced_type(name).base if name in self.view.all_types() else None
        accepted = _PYTHON_TYPES.get(str(base), ())
        if bool not in accepted and isinstance(value, bool):
            return False
        return isinstance(value, accepted) if accepted else True

    def read_as(self, info: SlotInfo, value: Any, lenient: bool = False) -> str | None:
        """The first range of the slot that a single value fits (classes by their fixed-value slots).

        ``lenient`` reads an object that fits no range as the first class range, so that the parts
        of a broken document can still be named.
        """
        for name in info.ranges:
            kind = self.kind(name)
            if kind == KIND_ANY:
                return name
            if kind == KIND_CLASS:
                if isinstance(value, dict) and all(
                    value.get(s.key) == s.equals_string for s in self.slots(name).values() if s.equals_string
                ):
                    return name
            elif kind == KIND_ENUM:
                if isinstance(value, str) and value in self.enum_values(name):
                    return name
            elif self._type_accepts(name, value):
                return name
        if lenient and isinstance(value, dict):
            return next((name for name in info.ranges if self.kind(name) == KIND_CLASS), None)
        return None

    def entry_class(self, document: Any) -> str | None:
        if not isinstance(document, dict):
            return None
        return self.entry_points.get(str(document.get(self.discriminator)))

    def objects(self, document: Any, lenient: bool = False) -> dict[str, str]:
        """JSON pointer -> class for every object the walk reads as a class instance."""
        found = {}
        entry = self.entry_class(document)
        if entry:
            found[""] = entry
        for visit in self.walk(document, lenient):
            if visit.element and visit.alternative and self.kind(visit.alternative) == KIND_CLASS:
                found[visit.pointer] = visit.alternative
        return found

    def walk(self, document: Any, lenient: bool = False) -> Iterator[Visit]:
        entry = self.entry_class(document)
        if entry:
            yield from self._walk_object(entry, document, "", entry, lenient)

    def _walk_object(
        self, class_name: str, obj: dict[str, Any], pointer: str, holder: str, lenient: bool
    ) -> Iterator[Visit]:
        slots = self.slots(class_name)
        for key, value in obj.items():
            info = slots.get(key)
            if info is None:
                continue
            here = f"{pointer}/{pointer_token(key)}"
            yield Visit(here, info, value, element=False, holder=holder)
            if info.json_map and isinstance(value, dict):
                elements = [(f"{here}/{pointer_token(k)}", v) for k, v in value.items()]
            elif (info.multivalued or info.one_or_many) and isinstance(value, list):
                elements = [(f"{here}/{i}", v) for i, v in enumerate(value)]
            else:
                elements = [(here, value)]
            for element_pointer, element in elements:
                alternative = None if element is None and info.nullable else self.read_as(info, element, lenient)
                yield Visit(element_pointer, info, element, element=True, holder=holder, alternative=alternative)
                if alternative and self.kind(alternative) == KIND_CLASS and isinstance(element, dict):
                    inner = f"{class_name}.{info.name}"
                    yield from self._walk_object(alternative, element, element_pointer, inner, lenient)
