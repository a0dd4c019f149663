"""Reading instance documents through the LinkML model: which class and slot each JSON value belongs to.

The walk starts at the entry-point class selected by the discriminator slot, follows every key that a
class declares (by alias or name) into the slot's range, and records what it sees: used to measure
how much of the model a set of example documents exercises, and to name the slot behind an error path.
Nothing here knows a particular extension.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .pointers import pointer_token, split_pointer
from .resolved import KIND_ANY, KIND_CLASS, KIND_ENUM, KIND_TYPE, ResolvedModel, ResolvedSlot

__all__ = [
    "KIND_ANY",
    "KIND_CLASS",
    "KIND_ENUM",
    "KIND_TYPE",
    "ModelIndex",
    "SlotInfo",
    "Visit",
    "pointer_token",
    "split_pointer",
]

SlotInfo = ResolvedSlot  # what the walk knows about one slot of one class
# Python types a JSON value of each LinkML Python type is read as.
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "Decimal": (int, float),
    "Bool": (bool,),
    "bool": (bool,),
}


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


class ModelIndex:
    """Walks documents through a resolved model."""

    def __init__(self, resolved: ResolvedModel) -> None:
        self.resolved = resolved
        self.discriminator = resolved.discriminator
        self.field_prefix = resolved.field_prefix
        self.entry_points = resolved.entry_points
        self._slots: dict[str, dict[str, SlotInfo]] = {}

    # -- model facts -------------------------------------------------------------------------------
    def slots(self, class_name: str) -> dict[str, SlotInfo]:
        """The slots of a class, keyed by their JSON key."""
        if class_name not in self._slots:
            self._slots[class_name] = self.resolved.slots(class_name)
        return self._slots[class_name]

    def kind(self, name: str) -> str:
        """The kind of a range: class, any, enum or type."""
        return self.resolved.kind(name)

    def is_open_enum(self, name: str) -> bool:
        """Whether an enum's values are recommendations only."""
        return self.resolved.enum_map[name].open

    def enum_values(self, name: str) -> list[str]:
        """The values of an enum."""
        return self.resolved.enum_map[name].names

    def field_classes(self) -> list[str]:
        """Concrete classes that hold prefixed fields (the levels where the extension's fields go)."""
        return self.resolved.field_classes()

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
        return self.resolved.reachable()

    # -- reading values ----------------------------------------------------------------------------
    def _type_accepts(self, name: str, value: Any) -> bool:
        vtype = self.resolved.type_map.get(name)
        accepted = _PYTHON_TYPES.get(vtype.python, ()) if vtype else ()
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
        """The class a document is, by its discriminator; None when it is none of them."""
        return self.resolved.entry_class(document)

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
        """Every value of a document with its slot and class (``lenient``: see ``read_as``)."""
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
            if info.json_map is not None and isinstance(value, dict):
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
