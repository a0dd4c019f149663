"""Marks the docs put on a field besides its description: deprecation (a badge and the replacement) and the
versions that changed it ("Changed in"), read from the version diff."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import SourceModel
    from .resolved import ResolvedSlot

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


def changed_in(model: SourceModel) -> dict[str, list[tuple[str, str]]]:
    """``{key: [(version, what changed), ...]}`` for the fields whose requiredness, type, shape or constraints
    changed between consecutive versions up to the model's own (empty for an unversioned model)."""
    from .diff import compare, facts_of
    from .versioned import index_of

    index, version = index_of(model), model.version
    if index is None or version is None:
        return {}
    held = [v for v in index.all if v.status == "release" or v.version == version.version]
    upto = held[: [v.version for v in held].index(version.version) + 1]
    found: dict[str, list[tuple[str, str]]] = {}
    for old, new in itertools.pairwise(upto):
        for change in compare(facts_of(index, old), facts_of(index, new)):
            words = CHANGE_WORDS.get(change.kind)
            if words and (new.version, words) not in found.get(change.element, []):
                found.setdefault(change.element, []).append((new.version, words))
    return found
