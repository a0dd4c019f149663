"""Converters receive a frozen match and return a result; the engine alone changes the document.

The source scan and the run-time check below fail when a converter (or a supplier of required fields)
gets hold of the migration's Context or changes the document it reads; the engine tests show what
the engine does with each kind of result.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from stac_mlm.migration import migrate, read_document
from stac_mlm.migration.converters import CONVERTERS, SUPPLIERS
from stac_mlm.migration.engine import Context, apply_rules
from stac_mlm.migration.match import DocumentView, Match, new_match
from stac_mlm.migration.results import KEEP, Dropped, Keep, Placed, Result, Value, assumed, entry
from stac_mlm.migration.tables import Rule
from stac_mlm.pointer import MISSING
from support.legacy import fixture_paths, upstream_legacy_paths
from support.paths import REPO

CONVERTER_SRC = REPO / "packages" / "stac-mlm" / "src" / "stac_mlm" / "migration" / "converters"
#: pointer functions that change a document in place
_MUTATORS = {"put", "remove", "compact"}


# the source: no Context, no document writes ----------------------------------------------------------
def _sources() -> list[Path]:
    return sorted(CONVERTER_SRC.glob("*.py"))


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.name)
def test_converter_modules_never_name_the_context(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.module not in {"context", "engine"}, f"{path.name}:{node.lineno} imports {node.module}"
            assert all(a.name != "Context" for a in node.names), f"{path.name}:{node.lineno} imports Context"
        if isinstance(node, ast.Name | ast.arg):
            name = node.id if isinstance(node, ast.Name) else node.arg
            assert name not in {"context", "Context"}, f"{path.name}:{node.lineno} names {name}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and owner.id == "pointer":
                assert node.func.attr not in _MUTATORS, f"{path.name}:{node.lineno} calls pointer.{node.func.attr}"


def test_the_scan_sees_a_converter_that_writes_through_a_context() -> None:
    bad = "def f(match, context):\n    pointer.put(context.document, ('a',), 1)\n"
    names = {n.id for n in ast.walk(ast.parse(bad)) if isinstance(n, ast.Name)}
    calls = [n.func.attr for n in ast.walk(ast.parse(bad)) if isinstance(n, ast.Call)]  # type: ignore[attr-defined]
    assert "context" in names and set(calls) & _MUTATORS


def test_every_converter_takes_a_match_and_every_supplier_a_document_view() -> None:
    assert CONVERTERS and SUPPLIERS
    for name, function in CONVERTERS.items():
        parameters = list(inspect.signature(function).parameters.values())
        assert [p.annotation for p in parameters] == ["Match"], name
        assert inspect.signature(function).return_annotation == "Result", name
    for name, function in SUPPLIERS.items():
        parameters = list(inspect.signature(function).parameters.values())
        assert parameters[0].annotation == "DocumentView", name


# at run time: a converter never changes the document it reads -----------------------------------------
def _documents(paths: list[Path]) -> Iterator[Any]:
    for path in paths:
        document = read_document(path.read_bytes())[0]
        yield document
        for key in list(document.get("properties") or {}):  # and with one property left out
            variant = json.loads(json.dumps(document))
            del variant["properties"][key]
            yield variant


def _text(value: Any) -> str:
    return json.dumps(value, default=repr)  # mid-rule, removed list items are still there as GONE


def _watching(calls: list[str], name: str, function: Callable[..., Any], first_is_match: bool) -> Callable[..., Any]:
    def watched(*args: Any) -> Any:
        view = args[0].document if first_is_match else args[0]
        document = view._document
        before = _text(document)
        value_before = _text(args[0].value) if first_is_match else None
        result = function(*args)
        assert _text(document) == before, f"{name} changed the document"
        if first_is_match:
            assert _text(args[0].value) == value_before, f"{name} changed its value"
            assert isinstance(result, Value | Keep | Dropped | Placed), f"{name} returned {result!r}"
        calls.append(name)
        return result

    return watched


def _run_watched(monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> list[str]:
    calls: list[str] = []
    for name, function in list(CONVERTERS.items()):
        monkeypatch.setitem(CONVERTERS, name, _watching(calls, name, function, True))
    for name, function in list(SUPPLIERS.items()):
        monkeypatch.setitem(SUPPLIERS, name, _watching(calls, name, function, False))
    for document in _documents(paths):
        migrate(document)
    return calls


def test_converters_and_suppliers_leave_the_document_to_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _run_watched(monkeypatch, fixture_paths())
    assert set(calls) & set(CONVERTERS) and set(calls) & set(SUPPLIERS)


@pytest.mark.upstream
@pytest.mark.slow
def test_converters_leave_the_document_to_the_engine_on_upstream_examples(
    upstream: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _run_watched(monkeypatch, upstream_legacy_paths())


def test_the_watch_sees_a_converter_that_changes_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    def sneaky(match: Match) -> Result:
        match.document._document["sneaked"] = True  # type: ignore[attr-defined]
        return KEEP

    calls: list[str] = []
    monkeypatch.setitem(CONVERTERS, "sneaky", _watching(calls, "sneaky", sneaky, True))
    with pytest.raises(AssertionError, match="sneaky changed the document"):
        _apply({"from": "/a", "to": "/b", "converter": "sneaky"}, {"a": 1}, monkeypatch)


# what a converter can reach ---------------------------------------------------------------------------
def test_the_view_hands_out_copies() -> None:
    document: dict[str, Any] = {"type": "Feature", "assets": {"m": {"roles": ["mlm:model"]}}, "p": [1]}
    view = DocumentView(document)
    view.get("/p").append(2)
    view.assets()["m"]["roles"].clear()
    assert document == {"type": "Feature", "assets": {"m": {"roles": ["mlm:model"]}}, "p": [1]}
    assert view.is_item and view.model_asset_key() == "m" and view.get("/nothing", 7) == 7
    assert view.free_asset_key("m") == "m-2" and view.free_asset_key("m", ("m-2",)) == "m-3"


def test_a_match_is_frozen_and_the_fast_constructor_builds_the_same_one() -> None:
    view = DocumentView({})
    made = Match({"b": 1}, "/a", view, (("x", "b"),))
    assert new_match({"b": 1}, "/a", view, (("x", "b"),)) == made
    assert made.sources == {"b": "/x/b"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.path = "/c"  # type: ignore[misc]


@pytest.mark.parametrize("kind", [Value, Dropped, Placed], ids=lambda kind: kind.__name__)
def test_results_with_a_fast_constructor_take_every_field_in_order(kind: type[Any]) -> None:
    # their __init__ is written by hand (the frozen dataclass's costs twice as much): it must take
    # the fields, in order, by position and by keyword, each kept, and the result stays frozen
    fields = dataclasses.fields(kind)
    parameters = list(inspect.signature(kind.__init__).parameters.values())[1:]
    assert [p.name for p in parameters] == [f.name for f in fields]
    assert [p.default if p.default is not inspect.Parameter.empty else dataclasses.MISSING for p in parameters] == [
        f.default for f in fields
    ]
    values = [object() for _ in fields]
    for made in (kind(*values), kind(**{f.name: v for f, v in zip(fields, values, strict=True)})):
        assert [getattr(made, f.name) for f in fields] == values
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(made, fields[0].name, None)
    required = [v for f, v in zip(fields, values, strict=True) if f.default is dataclasses.MISSING]
    assert [getattr(kind(*required), f.name) for f in fields] == [
        v if f.default is dataclasses.MISSING else f.default for f, v in zip(fields, values, strict=True)
    ]


# the engine and each kind of result -------------------------------------------------------------------
def _apply(
    rule: dict[str, Any], document: dict[str, Any], monkeypatch: pytest.MonkeyPatch, result: Any = None
) -> tuple[dict[str, Any], list[dict[str, Any]], Context]:
    if result is not None:
        monkeypatch.setitem(CONVERTERS, "under_test", lambda match: result(match) if callable(result) else result)
        rule = {**rule, "converter": "under_test"}
    context = Context(document)
    apply_rules(context, (Rule.load({"action": "converted", "note": "why", **rule}),))
    return context.document, [e.to_dict() for e in context.report], context


def test_a_value_is_written_to_the_rule_target(monkeypatch: pytest.MonkeyPatch) -> None:
    told = assumed("/b", "guessed", 2)
    document, report, _ = _apply({"from": "/a", "to": "/b"}, {"a": 1}, monkeypatch, Value(2, ("noted",), (told,)))
    assert document == {"b": 2}
    assert report == [
        told.to_dict(),
        {"path": "/a", "action": "converted", "target": "/b", "original": 1, "detail": "why; noted"},
    ]


def test_a_value_never_overwrites_a_different_one(monkeypatch: pytest.MonkeyPatch) -> None:
    document, report, _ = _apply({"from": "/a", "to": "/b"}, {"a": 1, "b": 5}, monkeypatch, Value(2))
    assert document == {"b": 5}
    assert report == [
        {"path": "/a", "action": "dropped", "original": 1, "detail": "why; not written to /b, which already holds 5"}
    ]


def test_a_value_in_place_keeps_the_key_position_and_an_equal_one_is_not_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document, report, _ = _apply({"from": "/a", "to": "/a"}, {"a": 1, "z": 0}, monkeypatch, Value(3))
    assert list(document) == ["a", "z"] and document["a"] == 3 and report[0]["target"] == "/a"
    assert _apply({"from": "/a", "to": "/a"}, {"a": 1}, monkeypatch, Value(1))[1] == []


def test_keep_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _apply({"from": "/a", "to": "/b"}, {"a": 1}, monkeypatch, Keep())[:2] == ({"a": 1}, [])


def test_dropped_removes_the_input_with_its_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    part = entry("/a/0", "dropped", "not a number", "x")
    result = Dropped("no form in the target", ("a note",), (part,))
    document, report, _ = _apply({"from": "/a", "to": "/b"}, {"a": ["x"], "c": 1}, monkeypatch, result)
    assert document == {"c": 1}
    assert report == [
        part.to_dict(),
        {"path": "/a", "action": "dropped", "original": ["x"], "detail": "no form in the target; a note"},
    ]


def test_placed_writes_are_applied_by_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    result = Placed(writes=(("/x", 1), ("/held", 2)), replaces=(("/r", "new"),), target="/x", listed=(("/a", 1, "f"),))
    document, report, context = _apply({"from": "/a"}, {"a": 0, "held": 9, "r": "old"}, monkeypatch, result)
    assert document == {"held": 9, "r": "new", "x": 1}
    assert report == [
        {
            "path": "/a",
            "action": "converted",
            "target": "/x",
            "original": 0,
            "detail": "why; not written to /held, which already holds 9",
        }
    ]
    assert context.archive_listing == [("/a", 1, "f")]


def test_placed_and_reported_adds_no_entry_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    own = entry("/a", "moved", "mine", 0, "/x")
    document, report, _ = _apply({"from": "/a"}, {"a": 0}, monkeypatch, Placed((("/x", 0),), (own,), reported=True))
    assert document == {"x": 0} and report == [own.to_dict()]


def test_a_reported_rewrite_in_place_removes_a_list_item_and_the_list_closes_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def drop_b(match: Match) -> Result:
        if match.value != "b":
            return KEEP
        return Placed(
            replaces=((match.path, MISSING),), entries=(entry(match.path, "dropped", "b", "b"),), reported=True
        )

    document, report, _ = _apply({"from": "/l/*", "to": "/l/*"}, {"l": ["a", "b", "c"]}, monkeypatch, drop_b)
    assert document == {"l": ["a", "c"]}
    assert [(e["path"], e["action"], e.get("target")) for e in report] == [
        ("/l/1", "dropped", None),
        ("/l/2", "moved", "/l/1"),
    ]


def test_a_rule_with_with_paths_gives_the_converter_each_input_path(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, str]] = []

    def record(match: Match) -> Result:
        seen.append(match.sources)
        return Value(sorted(match.value))

    document, report, _ = _apply(
        {"from": "/p/a", "with": ["/p/b"], "to": "/q"}, {"p": {"a": 1, "b": 2}}, monkeypatch, record
    )
    assert seen == [{"a": "/p/a", "b": "/p/b"}] and document == {"p": {}, "q": ["a", "b"]}
    assert [e["path"] for e in report] == ["/p/a", "/p/b"]


# converters check their input: what they cannot read is dropped and reported, never a traceback ------
def _beta2() -> dict[str, Any]:
    path = next(p for p in fixture_paths() if p.name == "dlm-beta2-item.jsonc")
    document: dict[str, Any] = read_document(path.read_bytes())[0]
    return document


@pytest.mark.parametrize("handler", [True, False], ids=["with-handler", "without-handler"])
@pytest.mark.parametrize("location", [7, True, ["https://x"]], ids=repr)
def test_a_source_code_location_that_is_not_a_text_is_dropped(location: Any, handler: bool) -> None:
    document = _beta2()
    runtime = document["properties"]["dlm:runtime"]
    runtime["model_src_url"] = location
    if not handler:
        del runtime["model_handler"]
    entries = [e for e in migrate(document).report if e.path == "/properties/dlm:runtime/model_src_url"]
    assert [(e.action, e.original) for e in entries] == [("dropped", location)]


@pytest.mark.parametrize("key", ["scaling_factor", "normalization:mean", "normalization:std"])
def test_empty_scaling_lists_are_dropped(key: str) -> None:
    document = _beta2()
    inputs = document["properties"]["dlm:inputs"]
    for name in ("scaling_factor", "normalization:mean", "normalization:std"):
        inputs[name] = [] if name == key else None
    entries = [e for e in migrate(document).report if e.path == f"/properties/dlm:inputs/{key}"]
    assert [e.action for e in entries] == ["dropped"] and "empty" in entries[0].detail
