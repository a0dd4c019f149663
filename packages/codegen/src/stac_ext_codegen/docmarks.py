"""Marks the docs put on a field or an enum value besides its description: deprecation (a badge and the
replacement) and the versions that added or changed it ("New in", "Changed in"), read from the version diff.

A deprecated enum value is marked in the docs only: draft-07 JSON Schema has no annotation for one value of an
``enum`` (splitting the list into ``anyOf`` branches would change what validators report)."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .diff import Change
    from .model import SourceModel
    from .resolved import EnumValue, ResolvedSlot

#: the diff's change kinds a reader of the field's docs should hear about, in the words the mark uses
CHANGE_WORDS = {
    "presence-changed": "where it is required",
    "type-changed": "its type",
    "shape-changed": "the shape of its value",
    "constraint-added": "a constraint",
    "constraint-removed": "a constraint",
    "constraint-changed": "a constraint",
}


def deprecation(slot: ResolvedSlot) -> str | None:
    """The badge and replacement of a deprecated field (None when it is not deprecated)."""
    if slot.deprecated is None:
        return None
    instead = f" Use `{slot.replaced_by}` instead." if slot.replaced_by else ""
    return f"**Deprecated**: {slot.deprecated.rstrip('.')}.{instead}"


#: the diff's change kinds of an enum value, in the words its mark uses (None: "New in")
VALUE_WORDS = {"enum-value-added": None, "enum-value-deprecated": "deprecated", "enum-value-undeprecated": "restored"}


def value_deprecation(value: EnumValue) -> str | None:
    """The badge and replacement of a deprecated enum value (None when it is not deprecated)."""
    if value.deprecated is None:
        return None
    instead = f" Use `{value.replaced_by}` instead." if value.replaced_by else ""
    return f"**Deprecated**: {value.deprecated.rstrip('.')}.{instead}"


def value_marks(model: SourceModel) -> dict[str, list[str]]:
    """``{"Enum.value": ["New in v1.2.0.", "Changed in v1.3.0: deprecated.", ...]}`` for the values added or
    (un)deprecated between consecutive versions up to the model's own (empty for an unversioned model)."""
    found: dict[str, list[str]] = {}
    for version, change in _changes_upto(model):
        if change.kind in VALUE_WORDS:
            words = VALUE_WORDS[change.kind]
            mark = f"New in {version}." if words is None else f"Changed in {version}: {words}."
            found.setdefault(change.element, []).append(mark)
    return found


def _changes_upto(model: SourceModel) -> list[tuple[str, Change]]:
    """Every change between consecutive versions up to the model's own, with the version that made it."""
    from .diff import compare, facts_of
    from .versioned import index_of

    index, version = index_of(model), model.version
    if index is None or version is None:
        return []
    held = [v for v in index.all if v.status == "release" or v.version == version.version]
    upto = held[: [v.version for v in held].index(version.version) + 1]
    return [
        (new.version, change)
        for old, new in itertools.pairwise(upto)
        for change in compare(facts_of(index, old), facts_of(index, new))
    ]


def changed_in(model: SourceModel) -> dict[str, list[tuple[str, str]]]:
    """``{key: [(version, what changed), ...]}`` for the fields whose requiredness, type, shape or constraints
    changed between consecutive versions up to the model's own (empty for an unversioned model)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for version, change in _changes_upto(model):
        words = CHANGE_WORDS.get(change.kind)
        if words and (version, words) not in found.get(change.element, []):
            found.setdefault(change.element, []).append((version, words))
    return found
