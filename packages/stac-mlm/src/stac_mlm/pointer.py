"""JSON Pointers (RFC 6901) for the whole runtime, with wildcards for the migration tables: `*` matches any
key or index, `prefix*` any key starting with prefix. The one place escaping (`~0`, `~1`) is written."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING", "__bool__": lambda self: False})()
GONE: Any = type("Gone", (), {"__repr__": lambda self: "GONE"})()  # a removed list item, until compacted

Segments = tuple[str, ...]


@lru_cache(maxsize=1024)
def parse_pointer(pointer: str) -> Segments:
    """The segments of a JSON Pointer (``~1`` and ``~0`` unescaped)."""
    if not pointer:
        return ()
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON Pointer: {pointer!r}")
    return tuple(part.replace("~1", "/").replace("~0", "~") for part in pointer[1:].split("/"))


def format_pointer(segments: Segments | list[Any]) -> str:
    """The JSON Pointer of some segments (escaped)."""
    return _format(segments) if type(segments) is tuple else _format(tuple(segments))


@lru_cache(maxsize=4096)
def _format(segments: Segments) -> str:
    return "".join("/" + str(s).replace("~", "~0").replace("/", "~1") for s in segments)


def _is_wild(segment: str) -> bool:
    return segment.endswith("*")


@lru_cache(maxsize=1024)
def first_wild(segments: Segments) -> int:
    """The index of the first wildcard segment (the length when there is none)."""
    return next((i for i, s in enumerate(segments) if _is_wild(s)), len(segments))


Walk = tuple[Segments, tuple[tuple[str, str | None], ...]]


@lru_cache(maxsize=1024)
def compile_walk(segments: Segments) -> Walk:
    """The fixed head of ``segments`` and the rest as (segment, wildcard prefix or None) pairs."""
    fixed = first_wild(segments)
    return segments[:fixed], tuple((s, s[:-1] if _is_wild(s) else None) for s in segments[fixed:])


def expand(document: Any, segments: Segments) -> list[tuple[Segments, tuple[str, ...]]]:
    """Every existing concrete path matching ``segments``, with the keys the wildcards matched.

    Paths come in document order (the order of a depth-first walk).
    """
    return [(done, bound) for done, bound, _ in walk(document, compile_walk(segments))]


def walk(document: Any, plan: Walk) -> list[tuple[Segments, tuple[str, ...], Any]]:
    """Like ``expand`` for a compiled pattern, with the value found at each path (walked level by level)."""
    head, steps = plan
    node = get(document, head)
    if node is MISSING:
        return []
    level: list[tuple[Segments, tuple[str, ...], Any]] = [(head, (), node)]
    for segment, prefix in steps:
        deeper = []
        if prefix is None:
            for done, bound, parent in level:
                child = parent.get(segment, MISSING) if type(parent) is dict else child_of(parent, segment)
                if child is not MISSING:
                    deeper.append(((*done, segment), bound, child))
        else:
            for done, bound, parent in level:
                if isinstance(parent, dict):
                    for key, child in list(parent.items()):
                        if key.startswith(prefix):
                            deeper.append(((*done, key), (*bound, key), child))
                elif isinstance(parent, list) and not prefix:
                    for index, child in enumerate(list(parent)):
                        if child is not GONE:
                            deeper.append(((*done, str(index)), (*bound, str(index)), child))
        if not deeper:
            return []
        level = deeper
    return level


def child_of(node: Any, segment: str) -> Any:
    """The child of a node at one segment, or ``MISSING``."""
    if isinstance(node, dict):
        return node.get(segment, MISSING)
    if isinstance(node, list) and segment.isdigit():
        index = int(segment)
        if index < len(node) and node[index] is not GONE:
            return node[index]
    return MISSING


def bind(segments: Segments, bound: tuple[str, ...]) -> Segments:
    """Replace the wildcards of ``segments`` by the keys a match bound, in order."""
    if not bound:
        return segments
    bound_segments = list(segments)
    for position, key in zip(_wild_positions(segments), bound, strict=False):
        bound_segments[position] = key
    return tuple(bound_segments)


@lru_cache(maxsize=1024)
def _wild_positions(segments: Segments) -> tuple[int, ...]:
    return tuple(i for i, s in enumerate(segments) if _is_wild(s))


def get(document: Any, segments: Segments) -> Any:
    """The value at the segments in a document, or ``MISSING``."""
    node = document
    for segment in segments:
        if type(node) is dict:
            node = node.get(segment, MISSING)
        elif node is MISSING:  # (MISSING is no dict: the test is needed only off the plain path)
            return MISSING
        else:
            node = child_of(node, segment)
    return node


def remove(document: Any, segments: Segments, emptied: list[tuple[list[Any], Segments]] | None = None) -> Any:
    """Remove and return the value; a list item is replaced by GONE and its list (with its path) added
    to ``emptied``."""
    parent = get(document, segments[:-1])
    key = segments[-1]
    if isinstance(parent, dict) and key in parent:
        return parent.pop(key)
    if isinstance(parent, list) and key.isdigit() and int(key) < len(parent):
        value, parent[int(key)] = parent[int(key)], GONE
        if emptied is not None:
            emptied.append((parent, segments[:-1]))
        return value
    return MISSING


def put(document: Any, segments: Segments, value: Any) -> None:
    """Write ``value``, creating objects (or arrays, for numeric keys and ``-``) on the way."""
    # the common case first: plain objects and arrays down to the parent, then an object's key
    node = document
    end = len(segments) - 1
    position = 0
    while position < end:
        segment = segments[position]
        kind = type(node)
        if kind is dict:
            child = node.get(segment)
        elif kind is list and segment.isdigit() and int(segment) < len(node):
            child = node[int(segment)]
        else:
            break
        kind = type(child)
        if kind is not dict and kind is not list:
            break
        node = child
        position += 1
    else:
        if type(node) is dict:
            node[segments[end]] = value
            return
    _put_walking(node, segments[position:], value)


def _put_walking(node: Any, segments: Segments, value: Any) -> None:
    """``put`` from ``node`` on, one segment at a time (any container, and the places still to create)."""
    last_position = len(segments) - 1
    for position, segment in enumerate(segments):
        last = position == last_position
        if isinstance(node, list):
            index = len(node) if segment == "-" else int(segment)
            while len(node) < index:
                node.append({})
            if index == len(node):
                node.append(value if last else _fresh(segments[position + 1]))
            elif last or not isinstance(node[index], dict | list):
                node[index] = value if last else _fresh(segments[position + 1])
            node = node[index]
        else:
            if last or not isinstance(node.get(segment), dict | list):
                node[segment] = value if last else _fresh(segments[position + 1])
            node = node[segment]


def _fresh(following: str) -> Any:
    """The empty container a path creates on its way: an array before a numeric key or ``-``."""
    return [] if following == "-" or following.isdigit() else {}


def shifts(lists: list[tuple[list[Any], Segments]]) -> list[tuple[Segments, Segments, Any]]:
    """For lists with GONE items: (old path, new path, item) of each remaining item that compaction moves."""
    moved = []
    seen: set[int] = set()
    for items, path in lists:
        if id(items) in seen:
            continue
        seen.add(id(items))
        new = 0
        for old, item in enumerate(items):
            if item is GONE:
                continue
            if new != old:
                moved.append(((*path, str(old)), (*path, str(new)), item))
            new += 1
    return moved


def compact(lists: list[tuple[list[Any], Segments]]) -> None:
    """Drop the GONE items of these lists."""
    for items, _ in lists:
        items[:] = [item for item in items if item is not GONE]
    lists.clear()


def copy_json(value: Any) -> Any:
    """A deep copy of parsed JSON (objects and arrays copied, scalars shared; no call per scalar).

    Each container is copied whole in C first; only its nested containers are then replaced by copies
    (about a quarter faster than rebuilding each container item by item)."""
    kind = type(value)
    if kind is dict:
        copied = value.copy()
        for key, item in value.items():
            inner = type(item)
            if inner is dict or inner is list:
                copied[key] = copy_json(item)
        return copied
    if kind is list:
        copied = value.copy()
        for index, item in enumerate(value):
            inner = type(item)
            if inner is dict or inner is list:
                copied[index] = copy_json(item)
        return copied
    return value
