"""Applies the rules of the migration tables to a document, recording a report entry for each value."""

from __future__ import annotations

from typing import Any

from .. import pointer
from ..pointer import MISSING, Segments, format_pointer
from .context import Context, put_unless_different
from .converters import AS_IS, CONVERTERS
from .converters.base import AsIs
from .match import new_match
from .results import Dropped, Keep, Placed, Value
from .tables import Rule, built_once

__all__ = ["Context", "apply_rules", "compact"]


def apply_rules(context: Context, rules: tuple[Rule, ...]) -> None:
    """Apply each rule in turn: all its matches are found first, then converted one by one."""
    document = context.document
    get = pointer.get
    for kind, rule, source, as_is in _plan(rules):
        # as_is: the converter's as-is test; a value it accepts is not converted (and, where the rule
        # rewrites its value in place, needs nothing done at all)
        if kind is _ONE_PATH:
            value = get(document, source)
            if value is not MISSING:
                kept = as_is is not None and as_is(value)
                if not (kept and rule.same_place):
                    _convert(context, rule, source, (), value, [], kept)
        elif kind is _ONE_PATTERN:
            # the first match's value is as found; a later one is read again (a conversion may change it)
            for index, (path, bound, value) in enumerate(pointer.walk(document, rule.walk)):
                if index:
                    value = get(document, path)
                if value is not MISSING:
                    kept = as_is is not None and as_is(value)
                    if not (kept and rule.same_place):
                        _convert(context, rule, path, bound, value, [], kept)
        else:
            for path, bound in _plain_matches(document, rule) if rule.plain else _matches(document, rule):
                extra = [(s, get(document, s)) for s in (pointer.bind(e, bound) for e in rule.extra)]
                extra = [(s, v) for s, v in extra if v is not MISSING]
                value = get(document, path) if path else MISSING
                if value is not MISSING or extra:
                    _convert(context, rule, path, bound, value, extra)
        if context.emptied:
            compact(context)


_ONE_PATH, _ONE_PATTERN, _SEVERAL = "one path", "one pattern", "several paths"
Plan = tuple[tuple[str, Rule, Segments, AsIs | None], ...]


def _make_plan(rules: tuple[Rule, ...]) -> Plan:
    """Each rule with how its matches are found and the as-is test of its converter (for a rule of one
    `from` path)."""
    return tuple(
        (
            (_ONE_PATH if rule.plain else _ONE_PATTERN) if rule.single else _SEVERAL,
            rule,
            rule.source[0],
            AS_IS.get(rule.converter) if rule.single and rule.converter is not None else None,
        )
        for rule in rules
    )


_plan = built_once(_make_plan)  # worked out once per tuple of rules


def compact(context: Context) -> None:
    """Close the gaps removed list items left, reporting each item that moves to a lower index."""
    for old, new, item in pointer.shifts(context.emptied):
        detail = "an earlier item of the list was removed"
        context.add(format_pointer(old), "moved", detail, item, format_pointer(new))
    pointer.compact(context.emptied)


def _convert(
    context: Context,
    rule: Rule,
    path: Segments,
    bound: tuple[str, ...],
    value: Any,
    extra: list[Any],
    as_is: bool = False,
) -> None:
    """Convert one match (``value`` at ``path``, MISSING for a `with`-only match) and apply the result;
    a value the converter's as-is test accepted (``as_is``) is taken as it is, without a call."""
    paths: tuple[Segments, ...] = ()
    if rule.extra:
        matched = [(s, v) for s, v in [(path, value), *extra] if v is not MISSING]
        given = {s[-1]: v for s, v in matched}
        paths = tuple(s for s, _ in matched)
    else:
        given = value
    new, notes = given, []
    placed: Placed | None = None
    dropped: Dropped | None = None
    converter = rule.converter
    if converter is not None and not as_is:
        result = CONVERTERS[converter](new_match(given, format_pointer(path or extra[0][0]), context.view, paths))
        if type(result) is Value:  # the common case first
            new = result.value
        elif isinstance(result, Keep):
            return
        elif isinstance(result, Placed):
            placed, new = result, MISSING
        elif isinstance(result, Dropped):
            dropped, new = result, MISSING
        else:  # a defect of the converter, not bad input
            raise TypeError(f"converter {rule.converter} returned {result!r}, not a result")
        if result.entries:
            context.report.extend(result.entries)
        if result.notes:
            notes = [*result.notes]
    in_place = rule.same_place or (
        rule.target is not None
        and not rule.extra
        and (rule.target == path if rule.plain else pointer.bind(rule.target, bound) == path)
    )
    if placed is not None:
        _place(context, placed, notes)
        if placed.reported and in_place:
            return  # the converter rewrote its input where it is
    elif in_place and dropped is None:
        if new is value or (type(new) is type(value) and new == value):
            return
        pointer.put(context.document, path, new)  # same place: the key keeps its position
        detail = "; ".join(filter(None, [rule.note, *notes]))
        where = format_pointer(path)
        context.add(where, rule.action, detail, value, where)
        return
    consumed = [(path, value), *extra] if value is not MISSING else extra
    for segments, _ in consumed:
        pointer.remove(context.document, segments, context.emptied)
    if placed is not None and placed.reported:
        return
    _record(context, rule, bound, consumed, placed or dropped, new, notes)


def _place(context: Context, result: Placed, notes: list[str]) -> None:
    """Apply a converter's writes: replacements (or removals), then writes that keep a different value."""
    document = context.document
    for where, value in result.replaces:
        if value is MISSING:
            pointer.remove(document, pointer.parse_pointer(where), context.emptied)
        else:
            pointer.put(document, pointer.parse_pointer(where), value)
    for where, value in result.writes:
        put_unless_different(document, pointer.parse_pointer(where), value, notes)
    context.archive_listing.extend(result.listed)


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


def _record(
    context: Context,
    rule: Rule,
    bound: tuple[str, ...],
    consumed: list[Any],
    result: Placed | Dropped | None,
    new: Any,
    notes: list[str],
) -> None:
    """One entry for each consumed input value: where the converted value (``new``, unless ``result``
    placed or dropped it) went, or why it was dropped."""
    detail = rule.note
    action = rule.action
    target = result.target if isinstance(result, Placed) else None
    if isinstance(result, Dropped):
        action, detail = "dropped", result.reason
    elif result is None:
        if rule.target is None:
            action = "dropped"
        else:
            segments = pointer.bind(rule.target, bound)
            if put_unless_different(context.document, segments, new, notes):
                target = format_pointer(segments)
            else:
                action = "dropped"
    if notes:
        detail = "; ".join([detail, *notes]) if detail else "; ".join(notes)
    for segments, original in consumed:
        context.add(format_pointer(segments), action, detail, original, target)
