"""Applies the rules of the migration tables to a document, recording a report entry for each value."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from . import pointer
from .pointer import MISSING, Segments, format_pointer
from .report import ReportEntry, new_entry
from .tables import Facts, Rule, facts, tables


class _Keep:
    """Returned by a converter when the rule does not apply to this value: it stays as it is."""


KEEP: Any = _Keep()


class _Placed:
    """Returned by a converter that wrote its results itself (with ``Context.put``)."""


PLACED: Any = _Placed()


@dataclass(frozen=True, slots=True)
class Drop:
    """Returned by a converter when the value has no v1.5.2 form; ``reason`` goes into the report."""

    reason: str


class Context:
    """The document being migrated (changed in place) and its report, as converters see them."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.report: list[ReportEntry] = []
        self.facts: Facts = facts()
        self.common: dict[str, Any] = tables().common
        self.notes: list[str] = []  # remarks a converter adds to the current rule's entry
        self.path = ""  # the input path of the value being converted
        self.emptied: list[list[Any]] = []

    # reading and writing -------------------------------------------------------------------------
    def get(self, path: str | Segments, default: Any = None) -> Any:
        segments = pointer.parse(path) if isinstance(path, str) else path
        value = pointer.get(self.document, segments)
        return default if value is MISSING else value

    def has(self, path: str | Segments) -> bool:
        segments = pointer.parse(path) if isinstance(path, str) else path
        return pointer.get(self.document, segments) is not MISSING

    def put(self, path: str | Segments, value: Any) -> bool:
        """Write ``value`` unless the place already holds a different one (then note it and return False)."""
        segments = pointer.parse(path) if isinstance(path, str) else path
        current = pointer.get(self.document, segments)
        if current is not MISSING and current != value:
            self.notes.append(f"not written to {format_pointer(segments)}, which already holds {current!r}")
            return False
        pointer.put(self.document, segments, value)
        return True

    def add(self, path: str, action: str, detail: str, original: Any = MISSING, target: str | None = None) -> None:
        self.report.append(new_entry(path, action, detail, original, target))

    def assume(self, target: str, detail: str, value: Any = MISSING) -> None:
        """Report a value written by assumption (``value`` is shown in the detail)."""
        shown = f" ({value!r})" if value is not MISSING else ""
        self.add(target, "assumed", detail + shown, target=target)

    # the document's parts ------------------------------------------------------------------------
    @property
    def is_item(self) -> bool:
        return self.document.get("type") == "Feature"

    def assets(self) -> dict[str, Any]:
        assets = self.document.get("assets")
        return assets if isinstance(assets, dict) else {}

    def model_asset_key(self) -> str | None:
        for key, asset in self.assets().items():
            roles = asset.get("roles") if isinstance(asset, dict) else None
            if isinstance(roles, list) and "mlm:model" in roles:
                return key
        return None

    def free_asset_key(self, wanted: str) -> str:
        assets = self.assets()
        key, number = wanted, 2
        while key in assets:
            key, number = f"{wanted}-{number}", number + 1
        return key


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
            pointer.compact(context.emptied)


def _convert(
    context: Context, rule: Rule, path: Segments, bound: tuple[str, ...], value: Any, extra: list[Any]
) -> None:
    """Convert one match (``value`` at ``path``, MISSING for a `with`-only match) and record it."""
    given = value if not rule.extra else {s[-1]: v for s, v in [(path, value), *extra] if v is not MISSING}
    where = format_pointer(path or extra[0][0])
    context.notes, context.path = [], where
    result = _converters()[rule.converter](given, context) if rule.converter else given
    if result is KEEP:
        return
    in_place = rule.same_place or (
        rule.target is not None
        and not rule.extra
        and (rule.target == path if rule.plain else pointer.bind(rule.target, bound) == path)
    )
    if in_place:
        if type(result) is type(value) and result == value:
            return
        if result is not PLACED and not isinstance(result, Drop):
            pointer.put(context.document, path, result)  # same place: the key keeps its position
            detail = "; ".join(filter(None, [rule.note, *context.notes]))
            context.add(where, rule.action, detail, value, where)
            return
    consumed = [(path, value), *extra] if value is not MISSING else extra
    for segments, _ in consumed:
        pointer.remove(context.document, segments, context.emptied)
    _record(context, rule, bound, consumed, result)


@cache
def _converters() -> dict[str, Any]:
    from .converters import CONVERTERS  # imported late: the converters module imports this one

    return CONVERTERS


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
    detail = rule.note
    target = None
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
