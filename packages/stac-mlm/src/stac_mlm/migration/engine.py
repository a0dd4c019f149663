"""Applies the rules of the migration tables to a document, recording a report entry for each value."""

from __future__ import annotations

from typing import Any

from .. import pointer
from ..pointer import MISSING, Segments, format_pointer
from .context import KEEP, PLACED, REPORTED, Context, Drop
from .converters import CONVERTERS
from .tables import Rule

__all__ = ["KEEP", "PLACED", "REPORTED", "Context", "Drop", "apply_rules", "compact"]


def apply_rules(context: Context, rules: tuple[Rule, ...]) -> None:
    """Apply each rule in turn: all its matches are found first, then converted one by one."""
    document = context.document
    get = pointer.get
    for rule in rules:
        if rule.single and rule.plain:
            value = get(document, rule.source[0])
            if value is not MISSING:
                _convert(context, rule, rule.source[0], (), value, [])
        elif rule.single:
            # the first match's value is as found; a later one is read again (a conversion may change it)
            for index, (path, bound, value) in enumerate(pointer.walk(document, rule.walk)):
                if index:
                    value = get(document, path)
                if value is not MISSING:
                    _convert(context, rule, path, bound, value, [])
        else:
            for path, bound in _plain_matches(document, rule) if rule.plain else _matches(document, rule):
                extra = [(s, get(document, s)) for s in (pointer.bind(e, bound) for e in rule.extra)]
                extra = [(s, v) for s, v in extra if v is not MISSING]
                value = get(document, path) if path else MISSING
                if value is not MISSING or extra:
                    _convert(context, rule, path, bound, value, extra)
        if context.emptied:
            compact(context)


def compact(context: Context) -> None:
    """Close the gaps removed list items left, reporting each item that moves to a lower index."""
    for old, new, item in pointer.shifts(context.emptied):
        detail = "an earlier item of the list was removed"
        context.add(format_pointer(old), "moved", detail, item, format_pointer(new))
    pointer.compact(context.emptied)


def _convert(
    context: Context, rule: Rule, path: Segments, bound: tuple[str, ...], value: Any, extra: list[Any]
) -> None:
    """Convert one match (``value`` at ``path``, MISSING for a `with`-only match) and record it."""
    if rule.extra:
        matched = [(s, v) for s, v in [(path, value), *extra] if v is not MISSING]
        given = {s[-1]: v for s, v in matched}
        context.matched = matched
    else:
        given = value
    where = format_pointer(path or extra[0][0])
    context.notes, context.path, context.target = [], where, None
    result = CONVERTERS[rule.converter](given, context) if rule.converter else given
    if result is KEEP:
        return
    in_place = rule.same_place or (
        rule.target is not None
        and not rule.extra
        and (rule.target == path if rule.plain else pointer.bind(rule.target, bound) == path)
    )
    if in_place:
        if result is REPORTED or (type(result) is type(value) and result == value):
            return
        if result is not PLACED and result is not REPORTED and not isinstance(result, Drop):
            pointer.put(context.document, path, result)  # same place: the key keeps its position
            detail = "; ".join(filter(None, [rule.note, *context.notes]))
            context.add(where, rule.action, detail, value, where)
            return
    consumed = [(path, value), *extra] if value is not MISSING else extra
    for segments, _ in consumed:
        pointer.remove(context.document, segments, context.emptied)
    _record(context, rule, bound, consumed, result)


def _plain_matches(document: Any, rule: Rule) -> tuple[tuple[Segments, tuple[str, ...]], ...]:
    """The rule's match when no path has a wildcard: `from`, else the first alias present, else `with`."""
    get = pointer.get
    for source in rule.source:
        if get(document, source) is not MISSING:
            return ((source, ()),)
    for extra in rule.extra:
        if get(document, extra) is not MISSING:
            return (((), ()),)
    return ()


def _matches(document: Any, rule: Rule) -> list[tuple[Segments, tuple[str, ...]]]:
    """Concrete paths for the rule: `from`, else the first alias present; also `with`-only matches."""
    found: dict[tuple[str, ...], Segments] = {}
    parents: dict[Segments, list[tuple[Segments, tuple[str, ...], Any]]] = {}
    for source in rule.source:
        for path, bound in _expand(document, source, parents):
            found.setdefault(bound, path)
    for extra in rule.extra:
        for _, bound in _expand(document, extra, parents):
            found.setdefault(bound, ())
    return [(path, bound) for bound, path in found.items()]


def _expand(document: Any, segments: Segments, parents: dict[Any, Any]) -> list[tuple[Segments, tuple[str, ...]]]:
    """``pointer.expand``, sharing the walk to the parent among paths that differ only in a fixed last key
    (nothing changes the document while a rule's matches are found)."""
    if not segments or segments[-1].endswith("*"):
        return pointer.expand(document, segments)
    parent, last = segments[:-1], segments[-1]
    nodes = parents.get(parent)
    if nodes is None:
        nodes = parents[parent] = pointer.walk(document, pointer.compile_walk(parent))
    found = []
    for path, bound, node in nodes:
        child = node.get(last, MISSING) if type(node) is dict else pointer.child_of(node, last)
        if child is not MISSING:
            found.append(((*path, last), bound))
    return found


def _record(context: Context, rule: Rule, bound: tuple[str, ...], consumed: list[Any], result: Any) -> None:
    if result is REPORTED:
        return
    detail = rule.note
    target = context.target
    action = rule.action
    if isinstance(result, Drop):
        action, detail = "dropped", result.reason
    elif result is not PLACED:
        if rule.target is None:
            action = "dropped"
        else:
            segments = pointer.bind(rule.target, bound)
            if context.put(segments, result):
                target = format_pointer(segments)
            else:
                action = "dropped"
    if context.notes:
        detail = "; ".join([detail, *context.notes]) if detail else "; ".join(context.notes)
    for segments, original in consumed:
        context.add(format_pointer(segments), action, detail, original, target)
