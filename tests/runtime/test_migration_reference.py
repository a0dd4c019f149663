"""The optimised migration engine against a plain reference path.

The engine compiles the rule tables (single-path rules, shared parent walks, reused required-field
walks, a joined-name prefix search, a copy without a call per scalar, no converter call for a value
its as-is test accepts). The reference below applies the same tables the simple way: every rule
expanded by a recursive wildcard walk, every value read again and given to its converter, every
required field looked up from the document root, every name split at its colon.
Both run on the project's legacy fixtures (and the upstream legacy examples when present) and on
variants of them with fields removed or replaced, and must give the same documents (key order
included), the same report entries, sources and problems, or the same error.
"""

from __future__ import annotations

import copy
import importlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import stac_mlm.migration as migration_package
from hypothesis import example, given, settings
from hypothesis import strategies as st
from stac_mlm.migration import completion as finish_steps
from stac_mlm.migration import migrate, read_document
from stac_mlm.migration.converters import CONVERTERS, SUPPLIERS
from stac_mlm.migration.detect import Source, prefixes_in
from stac_mlm.migration.engine import Context, compact
from stac_mlm.migration.match import Match
from stac_mlm.migration.report import ReportEntry, new_entry
from stac_mlm.migration.results import Dropped, Keep, Placed, Value, shown
from stac_mlm.migration.tables import FAMILY_ORDER, Rule, tables
from stac_mlm.pointer import GONE, MISSING, format_pointer, parse_pointer, remove
from support.legacy import fixture_paths, upstream_legacy_paths


# the reference path ------------------------------------------------------------------------------
def _lookup(node: Any, segment: str) -> Any:
    if isinstance(node, dict):
        return node.get(segment, MISSING)
    if isinstance(node, list) and segment.isdigit() and int(segment) < len(node) and node[int(segment)] is not GONE:
        return node[int(segment)]
    return MISSING


def _get(document: Any, segments: tuple[str, ...]) -> Any:
    node = document
    for segment in segments:
        node = _lookup(node, segment)
        if node is MISSING:
            return MISSING
    return node


def _expand(node: Any, rest: tuple[str, ...], done: tuple[str, ...] = (), bound: tuple[str, ...] = ()) -> Iterator:
    """Depth first: every existing path matching the pattern, with the keys its wildcards took."""
    if not rest:
        yield done, bound
        return
    head, tail = rest[0], rest[1:]
    if head.endswith("*"):
        if isinstance(node, dict):
            for key in list(node):
                if key.startswith(head[:-1]):
                    yield from _expand(node[key], tail, (*done, key), (*bound, key))
        elif isinstance(node, list) and head == "*":
            for index, item in enumerate(list(node)):
                if item is not GONE:
                    yield from _expand(item, tail, (*done, str(index)), (*bound, str(index)))
        return
    child = _lookup(node, head)
    if child is not MISSING:
        yield from _expand(child, tail, (*done, head), bound)


def _bind(segments: tuple[str, ...], bound: tuple[str, ...]) -> tuple[str, ...]:
    keys = iter(bound)
    return tuple(next(keys, s) if s.endswith("*") else s for s in segments)


def _reference_matches(document: Any, rule: Rule) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    if "*" not in "".join("".join(p) for p in (*rule.source, *rule.extra)):
        for source in rule.source:
            if _get(document, source) is not MISSING:
                return [(source, ())]
        return [((), ())] if any(_get(document, e) is not MISSING for e in rule.extra) else []
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    for source in rule.source:
        for path, bound in _expand(document, source):
            found.setdefault(bound, path)
    for extra in rule.extra:
        for _, bound in _expand(document, extra):
            found.setdefault(bound, ())
    return [(path, bound) for bound, path in found.items()]


def _reference_apply_rules(context: Context, rules: tuple[Rule, ...]) -> None:
    document = context.document
    for rule in rules:
        for path, bound in _reference_matches(document, rule):
            extra = [(s, _get(document, s)) for s in (_bind(e, bound) for e in rule.extra)]
            extra = [(s, v) for s, v in extra if v is not MISSING]
            value = _get(document, path) if path else MISSING
            if value is MISSING and not extra:
                continue
            given = value if not rule.extra else {s[-1]: v for s, v in [(path, value), *extra] if v is not MISSING}
            matched = tuple(s for s, v in [(path, value), *extra] if v is not MISSING) if rule.extra else ()
            where = format_pointer(path or extra[0][0])
            if rule.converter:
                result = CONVERTERS[rule.converter](Match(given, where, context.view, matched))
            else:
                result = Value(given)
            if isinstance(result, Keep):
                continue
            context.report.extend(result.entries)
            notes = list(result.notes)
            target = _bind(rule.target, bound) if rule.target is not None else None
            in_place = target is not None and not rule.extra and target == path
            if isinstance(result, Placed):
                for place, new in result.replaces:
                    if new is MISSING:
                        remove(document, parse_pointer(place), context.emptied)
                    else:
                        _put(document, parse_pointer(place), new)
                for place, new in result.writes:
                    _put_unless_different(document, parse_pointer(place), new, notes)
                context.archive_listing.extend(result.listed)
                if result.reported and in_place:
                    continue
            elif in_place and isinstance(result, Value):
                if type(result.value) is type(value) and result.value == value:
                    continue
                _put(document, path, result.value)
                detail = "; ".join(filter(None, [rule.note, *notes]))
                context.report.append(ReportEntry(where, rule.action, detail, value, where))
                continue
            consumed = ([(path, value)] if value is not MISSING else []) + extra
            for segments, _ in consumed:
                remove(document, segments, context.emptied)
            if isinstance(result, Placed) and result.reported:
                continue
            _reference_record(context, rule, target, consumed, result, notes)
        compact(context)


def _put_unless_different(document: Any, segments: tuple[str, ...], value: Any, notes: list[str]) -> bool:
    current = _get(document, segments)
    if current is not MISSING and current != value:
        notes.append(f"not written to {format_pointer(segments)}, which already holds {shown(current)}")
        return False
    _put(document, segments, value)
    return True


def _put(document: Any, segments: tuple[str, ...], value: Any) -> None:
    node = document
    for position, segment in enumerate(segments):
        last = position == len(segments) - 1
        following = None if last else segments[position + 1]
        fresh: Any = value if last else ([] if following == "-" or following.isdigit() else {})
        if isinstance(node, list):
            index = len(node) if segment == "-" else int(segment)
            while len(node) < index:
                node.append({})
            if index == len(node):
                node.append(fresh)
            elif last or not isinstance(node[index], dict | list):
                node[index] = fresh
            node = node[index]
        else:
            if last or not isinstance(node.get(segment), dict | list):
                node[segment] = fresh
            node = node[segment]


def _reference_record(context: Context, rule: Rule, target: Any, consumed: list, result: Any, notes: list[str]) -> None:
    action, detail = rule.action, rule.note
    written = result.target if isinstance(result, Placed) else None
    if isinstance(result, Dropped):
        action, detail = "dropped", result.reason
    elif isinstance(result, Value):
        if target is None:
            action = "dropped"
        elif _put_unless_different(context.document, target, result.value, notes):
            written = format_pointer(target)
        else:
            action = "dropped"
    if notes:
        detail = "; ".join([detail, *notes]) if detail else "; ".join(notes)
    for segments, original in consumed:
        context.report.append(ReportEntry(format_pointer(segments), action, detail, original, written))


def _reference_required(context: Context, sources: list[Source]) -> None:
    if not context.is_item:
        return
    document = context.document
    if not isinstance(document.get("properties"), dict):
        if "properties" in document:
            context.add("/properties", "dropped", "Item properties must be an object", document["properties"])
        document["properties"] = {}
    for spec in context.common["required"]:
        segments = parse_pointer(spec["path"])
        for parent_path, _ in list(_expand(document, segments[:-1])):
            parent = _get(document, parent_path)
            if not isinstance(parent, dict) or segments[-1] in parent:
                continue
            concrete = (*parent_path, segments[-1])
            supplier = SUPPLIERS[spec["converter"]] if "converter" in spec else None
            derived, action = supplier(context.view, concrete) if supplier else (MISSING, "")
            value = copy.deepcopy(spec["value"]) if derived is MISSING else derived
            parent[segments[-1]] = value
            where = format_pointer(concrete)
            if derived is MISSING or action == "placeholder":
                fill = spec.get("fill")
                detail = f"{spec['note']}; put here: {fill}" if fill else spec["note"]
                context.report.append(ReportEntry(where, "placeholder", detail, MISSING, where, fill))
            else:
                context.add(where, action, f"{spec['note']}: {shown(value)}", target=where)


def _reference_prefixes(names: Any) -> set[str]:
    return {k.split(":", 1)[0] + ":" for k in names if isinstance(k, str) and ":" in k}


def _reference_detect(document: dict[str, Any]) -> list[Source]:
    extensions = document.get("stac_extensions")
    extensions = extensions if isinstance(extensions, list) else []
    prefixes = _reference_prefixes(_detect_names(document))
    sources = []
    for name in FAMILY_ORDER:
        family = tables().families[name]
        by_url, version = False, None
        for entry in (e for e in extensions if isinstance(e, str)):
            match = next((m for m in (p.match(entry) for p, _ in family.extensions) if m), None)
            if match:
                pattern_version = next(v for p, v in family.extensions if p.match(entry))
                by_url, version = True, pattern_version or match.groupdict().get("version")
                break
        by_fields = family.prefix in prefixes or (
            not by_url
            and any(m.get("evidence") and list(_expand(document, parse_pointer(m["path"]))) for m in family.markers)
        )
        if not by_url and not by_fields:
            continue
        marked = next(
            (
                m["version"]
                for m in family.markers
                for path, _ in _expand(document, parse_pointer(m["path"]))
                if "equals" not in m or _get(document, path) == m["equals"]
            ),
            None,
        )
        if marked and (version is None or marked.startswith(version)):
            version = marked
        evidence = "extension URL and fields" if by_url and by_fields else "extension URL" if by_url else "fields"
        sources.append(Source(name, version, evidence))
    return sources


def _detect_names(document: dict[str, Any]) -> set[Any]:
    found = set(document)
    for part in ("properties", "summaries"):
        if isinstance(document.get(part), dict):
            found.update(document[part])
    for part in ("assets", "item_assets"):
        holder = document.get(part)
        for asset in holder.values() if isinstance(holder, dict) else []:
            if isinstance(asset, dict):
                found.update(asset)
                roles = asset.get("roles")
                if isinstance(roles, list):
                    found.update(r for r in roles if isinstance(r, str))
    for link in document.get("links") if isinstance(document.get("links"), list) else []:
        if isinstance(link, dict) and isinstance(link.get("rel"), str):
            found.add(link["rel"])
    return found


def _reference_used_prefixes(context: Context, wanted: tuple[str, ...]) -> set[str]:
    names: set[Any] = set()
    document = context.document
    for holder in (document, document.get("properties"), document.get("summaries")):
        names.update(holder if isinstance(holder, dict) else ())
    properties = document.get("properties")
    for field in ("mlm:input", "mlm:output"):
        items = properties.get(field) if isinstance(properties, dict) else None
        for item in items if isinstance(items, list) else []:
            names.update(item if isinstance(item, dict) else ())
    for part in ("assets", "item_assets"):
        holder = document.get(part)
        for asset in holder.values() if isinstance(holder, dict) else []:
            names.update(asset if isinstance(asset, dict) else ())
    return _reference_prefixes(names)


# running both paths ------------------------------------------------------------------------------
def _outcome(document: Any) -> Any:
    """Everything a migration shows, as canonical text (key order kept), or the error it raised."""
    before = json.dumps(document)
    try:
        result = migrate(document)
    except Exception as error:  # some malformed variants fail (not only with MigrationError): the same way
        outcome: Any = ["error", type(error).__name__, str(error)]
    else:
        entries = [(e.path, e.action, e.detail, repr(e.original), e.target) for e in result.report]
        outcome = [result.document is document, json.dumps(result.document), entries, result.summary()]
        outcome.append(json.dumps(result.report_dict()))
    assert json.dumps(document) == before, "the input was changed"
    return outcome


def _reference_outcome(monkeypatch: pytest.MonkeyPatch, document: Any) -> Any:
    with monkeypatch.context() as patch:
        patch.setattr(migration_package, "apply_rules", _reference_apply_rules)
        patch.setattr(migration_package, "detect", _reference_detect)
        patch.setattr(migration_package.pointer, "copy_json", copy.deepcopy)
        patch.setitem(finish_steps.STEPS, "required", _reference_required)
        patch.setattr(finish_steps, "_used_prefixes", _reference_used_prefixes)
        return _outcome(document)


def _variants(document: Any) -> Iterator[Any]:
    """The document, and copies with one field (top level, property, asset field) removed or replaced."""
    yield document
    if not isinstance(document, dict):
        return
    places: list[tuple[str, ...]] = [(k,) for k in document]
    for part in ("properties", "assets", "summaries"):
        holder = document.get(part)
        places += [(part, k) for k in holder] if isinstance(holder, dict) else []
    assets = document.get("assets")
    for key, asset in assets.items() if isinstance(assets, dict) else []:
        places += [("assets", key, k) for k in asset] if isinstance(asset, dict) else []
    for name in ("mlm:input", "mlm:output"):
        items = (document.get("properties") or {}).get(name)
        if isinstance(items, list) and items and isinstance(items[0], dict):
            places += [("properties", name, "0", k) for k in items[0]]
    for place in places:
        for replacement in (MISSING, None, 7, "x", [], {"a": [1, None]}):
            variant = copy.deepcopy(document)
            parent = _get(variant, place[:-1])
            key: Any = int(place[-1]) if isinstance(parent, list) else place[-1]
            if replacement is MISSING:
                parent.pop(key)
            else:
                parent[key] = replacement
            yield variant


def _documents() -> list[tuple[str, Any]]:
    paths = [*fixture_paths(), *upstream_legacy_paths()]
    return [(path.name, read_document(path.read_bytes())[0]) for path in paths]


@pytest.mark.parametrize("name", [p.name for p in fixture_paths()])
def test_fixture_and_variants_match_the_reference_path(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    document = dict(_documents())[name]
    compared = 0
    for variant in _variants(document):
        assert _outcome(variant) == _reference_outcome(monkeypatch, variant)
        compared += 1
    assert compared > 20


@pytest.mark.upstream
def test_upstream_legacy_examples_match_the_reference_path(upstream: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    documents = [read_document(p.read_bytes())[0] for p in upstream_legacy_paths()]
    assert len(documents) > 80
    for document in documents:
        assert _outcome(document) == _reference_outcome(monkeypatch, document)


def test_reference_path_is_really_used(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counting(step: Callable[..., Any], label: str) -> Callable[..., Any]:
        def wrapped(*args: Any) -> Any:
            calls.append(label)
            return step(*args)

        return wrapped

    monkeypatch.setattr(migration_package, "apply_rules", counting(_reference_apply_rules, "rules"))
    monkeypatch.setattr(migration_package, "detect", counting(_reference_detect, "detect"))
    monkeypatch.setitem(finish_steps.STEPS, "required", counting(_reference_required, "required"))
    migrate(dict(_documents())["dlm-beta3-item.json"])
    assert {"rules", "detect", "required"} <= set(calls)


def test_required_fields_see_values_filled_by_earlier_specs() -> None:
    specs = [
        {"path": "/properties/mlm:input/*/name", "value": "too early", "note": "n"},
        {"path": "/properties/mlm:input", "value": [{}, {"name": "given"}], "note": "n"},
        {"path": "/properties/mlm:input/*/name", "value": "filled", "note": "n"},
    ]
    results = []
    for step in (finish_steps.STEPS["required"], _reference_required):
        context = Context({"type": "Feature", "properties": {}})
        context.common = {**context.common, "required": specs}
        step(context, [])
        results.append((context.document, [e.to_dict() for e in context.report]))
    assert results[0] == results[1]
    assert results[0][0]["properties"]["mlm:input"] == [{"name": "filled"}, {"name": "given"}]


def _engine_runs(monkeypatch: pytest.MonkeyPatch, rule: dict[str, Any], document: dict[str, Any], convert: Any) -> list:
    monkeypatch.setitem(CONVERTERS, "under_test", convert)
    loaded = Rule.load({**rule, "converter": "under_test", "action": "converted"})
    results = []
    for apply in (migration_package.apply_rules, _reference_apply_rules):
        context = Context(copy.deepcopy(document))
        apply(context, (loaded,))
        results.append((json.dumps(context.document), [e.to_dict() for e in context.report]))
    return results


def test_a_later_match_is_converted_as_earlier_conversions_left_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def touch_next(match: Match) -> Any:
        if match.value == "a":  # the converter writes beside its own value, through the engine
            return Placed(writes=(("/properties/items/1/w", "written by the first"),), target=match.path)
        return Value(match.value + "!" + str(match.get("/properties/items/1/w")))

    document = {"properties": {"items": [{"v": "a"}, {"v": "b"}]}}
    rule = {"from": "/properties/items/*/v", "to": "/properties/items/*/v"}
    optimised, reference = _engine_runs(monkeypatch, rule, document, touch_next)
    assert optimised == reference
    second = {"v": "b!written by the first", "w": "written by the first"}
    assert json.loads(optimised[0])["properties"]["items"] == [{}, second]


def test_rules_with_aliases_and_with_paths_match_in_reference_order(monkeypatch: pytest.MonkeyPatch) -> None:
    document = {"p": [{"b": 1}, {"a": 2, "c": 3}, {"old": 4}, {"c": 5, "old": 6}, "text", [7]]}
    rule = {"from": "/p/*/a", "aliases": ["/p/*/old"], "with": ["/p/*/b", "/p/*/c"], "to": "/q/*"}
    optimised, reference = _engine_runs(monkeypatch, rule, document, lambda match: Value(sorted(match.value)))
    assert optimised == reference
    assert [entry["path"] for entry in optimised[1]][:3] == ["/p/1/a", "/p/1/c", "/p/2/old"]


# the building blocks -----------------------------------------------------------------------------
_NAME = st.text(alphabet="ab:\0-", max_size=6)
_WANTED = st.lists(st.text(alphabet="ab:\0", max_size=4), max_size=4).map(tuple)


@given(st.sets(_NAME, max_size=8), _WANTED)
def test_prefix_search_matches_splitting_each_name(names: set[str], wanted: tuple[str, ...]) -> None:
    assert prefixes_in(names, wanted) == _reference_prefixes(names) & set(wanted)


@given(st.sets(_NAME | st.integers(0, 3), max_size=8), _WANTED)
def test_prefix_search_skips_names_that_are_not_text(names: set[Any], wanted: tuple[str, ...]) -> None:
    assert prefixes_in(names, wanted) == _reference_prefixes(names) & set(wanted)


def test_prefix_search_examples() -> None:
    names = {"title", "mlm:name", "ml-model:type", "xdlm:odd", "eo:bands:extra"}
    assert prefixes_in(names, ("mlm:", "dlm:", "ml-model:", "eo:", "eo:bands:")) == {"mlm:", "ml-model:", "eo:"}
    assert prefixes_in({"a\0dlm:x"}, ("dlm:",)) == set()


_JSON = st.recursive(
    st.none() | st.integers(0, 2) | st.text(alphabet="ab", max_size=2),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["a", "ab", "0"]), inner, max_size=3),
    max_leaves=12,
)
_PATTERN = st.lists(st.sampled_from(["a", "ab", "b", "0", "1", "*", "a*"]), max_size=4).map(tuple)


@given(_JSON, _PATTERN)
def test_compiled_walk_matches_the_recursive_walk(document: Any, pattern: tuple[str, ...]) -> None:
    from stac_mlm import pointer

    assert pointer.expand(document, pattern) == list(_expand(document, pattern))
    walked = pointer.walk(document, pointer.compile_walk(pattern))
    assert [(p, b) for p, b, _ in walked] == list(_expand(document, pattern))
    assert all(v is _get(document, p) for p, _, v in walked)


@given(_PATTERN, st.lists(st.sampled_from(["k", "0", "x"]), max_size=3).map(tuple))
def test_bind_fills_wildcards_in_order(pattern: tuple[str, ...], bound: tuple[str, ...]) -> None:
    from stac_mlm import pointer

    assert pointer.bind(pattern, bound) == (_bind(pattern, bound) if bound else pattern)


@given(_JSON, st.lists(st.sampled_from(["a", "ab", "b", "0", "1", "-", ""]), max_size=4).map(tuple))
@example({"a": [1, {"b": 2}]}, ("a", "1", "b"))  # through an array to an object
@example({"a": [1, GONE]}, ("a", "1"))  # a removed list item is not there
@example({"a": "text"}, ("a", "0"))  # a text has no children
@example({"a": None}, ("a", "b"))
def test_get_reads_as_the_reference_does(document: Any, path: tuple[str, ...]) -> None:
    from stac_mlm import pointer

    assert pointer.get(document, path) is _get(document, path)


def _reference_put(node: Any, segments: tuple[str, ...], value: Any) -> None:
    """Writing as the pointer module documents it, one level per call: a list takes an index (``-`` or
    its length appends, a larger one pads with objects), anything but an object or array on the way is
    replaced by an empty container (an array before a numeric key or ``-``)."""
    head, rest = segments[0], segments[1:]
    fresh: Any = value if not rest else [] if rest[0] == "-" or rest[0].isdigit() else {}
    if isinstance(node, list):
        index = len(node) if head == "-" else int(head)
        node.extend({} for _ in range(index - len(node)))
        if index == len(node):
            node.append(fresh)
        elif not rest or not isinstance(node[index], dict | list):
            node[index] = fresh
        child = node[index]
    else:
        if not rest or not isinstance(node.get(head), dict | list):
            node[head] = fresh
        child = node[head]
    if rest:
        _reference_put(child, rest, value)


_PUT_PATH = st.lists(st.sampled_from(["a", "ab", "b", "0", "1", "3", "-"]), min_size=1, max_size=4).map(tuple)


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from(["a", "ab", "0"]), _JSON, max_size=3), _PUT_PATH, _JSON)
@example({"a": [1, 2]}, ("a", "0"), 5)  # an existing array at the last step
@example({"a": [1, 2]}, ("a", "-"), 5)
@example({"a": [1, 2]}, ("a", "3"), 5)  # padded with objects
@example({"a": {"b": [{}]}}, ("a", "b", "0", "c"), 5)  # plain containers all the way
@example({"a": "text"}, ("a", "b"), 5)  # not a container on the way: replaced
@example({"a": {"b": 1}}, ("a", "b", "0"), 5)  # an array created before a numeric key
def test_put_writes_as_the_reference_does(document: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    # the fast path (existing plain containers down to an object) and the walk that creates places
    from stac_mlm import pointer

    ours, theirs = copy.deepcopy(document), copy.deepcopy(document)
    outcome: list[Any] = []
    for target, write in ((ours, pointer.put), (theirs, _reference_put)):
        try:
            write(target, path, value)
            outcome.append(None)
        except (AttributeError, ValueError, TypeError) as error:  # e.g. a text node on the way
            outcome.append(type(error))
    assert outcome[0] == outcome[1]
    assert ours == theirs
    if outcome[0] is None:
        assert pointer.get(ours, path) is value or "-" in path  # "-" names no place to read back


def test_built_once_builds_once_per_object_and_never_for_a_stranger() -> None:
    # (the package exports a function named `tables`: the module is reached by its full name)
    tables_module = importlib.import_module("stac_mlm.migration.tables")
    builds: list[Any] = []

    def build(source: list[int]) -> int:
        builds.append(source)
        return sum(source)

    built = tables_module.built_once(build)
    first, equal = [1, 2], [1, 2]
    assert built(first) == 3 and built(first) == 3 and builds == [first]  # kept while the object is
    assert built(equal) == 3 and builds[-1] is equal  # an equal object is another object: built again
    first.append(3)
    assert built(first) == 3  # the same object: its build is kept (tables are not changed in place)
    many = [[n] for n in range(600)]  # more objects than the cache holds: it starts again, never grows
    assert [built(source) for source in many] == list(range(600))
    assert max(map(len, tables_module._CACHES)) <= 256
    assert built(many[0]) == 0
    tables_module.forget_built()
    count = len(builds)
    assert built(many[0]) == 0 and len(builds) == count + 1  # forgotten: built again


def test_fast_report_entries_equal_constructed_ones() -> None:
    fast = new_entry("/a", "moved", "why", [1], "/b")
    slow = ReportEntry("/a", "moved", "why", [1], "/b")
    assert fast == slow and repr(fast) == repr(slow) and hash(new_entry("/a", "x")) == hash(ReportEntry("/a", "x"))
    assert not new_entry("/a", "assumed").has_original
    with pytest.raises(AttributeError):
        fast.path = "/c"  # type: ignore[misc]


def _documents_own_first_upstream_slow() -> list[Any]:
    """The project's fixtures, then the upstream examples (about a hundred: marked slow)."""
    own = len(fixture_paths())
    return [
        pytest.param(name, document, id=name, marks=[pytest.mark.slow] if index >= own else [])
        for index, (name, document) in enumerate(_documents())
    ]


@pytest.mark.parametrize(("name", "document"), _documents_own_first_upstream_slow())
def test_malformed_variants_give_a_migration_error_never_a_traceback(name: str, document: Any) -> None:
    """Variants with values of the wrong JSON type are migrated or refused with a MigrationError that
    says why; no other exception escapes (bad input never gives a traceback)."""
    from stac_mlm.migration import MigrationError, migrate

    refused = 0
    for variant in _variants(document):
        try:
            migrate(variant)
        except MigrationError as error:
            refused += 1
            assert str(error)
    assert refused < sum(1 for _ in _variants(document)), "most variants must still migrate"
