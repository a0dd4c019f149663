"""A converter's as-is test: true only for values the converter returns as they are.

Most values a migration meets are already right; for converters registered with ``as_is=``, the engine
does not build a match and a result for such a value. That is safe only if the test never accepts a
value the converter would change, drop, annotate or keep in place: these tests hold each converter to
it on generated values (built from the schema facts, so the accepting branch is reached) and on every
value the migration tables match in the fixtures, and show the engine really skips the call.
(test_migration_reference.py runs the same migrations through a reference engine that calls every
converter, and must get the same documents and reports.)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stac_mlm.migration import engine, migrate, read_document
from stac_mlm.migration.converters import AS_IS, CONVERTERS
from stac_mlm.migration.engine import Context, apply_rules
from stac_mlm.migration.match import DocumentView, Match, new_match
from stac_mlm.migration.results import Result, Value
from stac_mlm.migration.tables import Rule, facts, tables
from support.legacy import fixture_paths

# the module (the package exports its `tables()` function under the same name)
migration_tables = importlib.import_module("stac_mlm.migration.tables")
_VIEW = DocumentView({"type": "Feature", "properties": {}, "assets": {}})


def _rules() -> list[Rule]:
    every = [*tables().rules, *tables().derived_rules]
    for family in tables().families.values():
        every += [*family.rules, *family.draft_rules]
    return every


def _path_of(name: str) -> str:
    """The `from` path of a rule naming the converter, each wildcard taking a key."""
    rule = next(r for r in _rules() if r.converter == name)
    return "".join("/" + ("0" if segment.endswith("*") else segment) for segment in rule.source[0])


def _fact_texts() -> list[str]:
    """Texts the converters know (from the bundled schema and the migration tables), and near misses."""
    known = facts()
    texts = [*sorted(known.tasks), *sorted(known.accelerators), *known.frameworks, *sorted(known.data_types)]
    texts += [text.upper() for text in texts[:3]] + [f" {text}" for text in texts[:3]] + [f"{texts[0]}\n"]
    roles = [str(role) for role in tables().common.get("model_asset_roles", [])]
    versions = ["1.2.3", "1.2", " 1.2.3", "1.2.3\n", "1.2.3 ", "1.0.0-beta.2", "1.0.0"]
    return texts + roles + ["mlm:model", "code", "mlm:source_code", "A model", "A model\n", "9 lives"] + versions


def _near_misses() -> list[Any]:
    """Values on both sides of each as-is test: already right, and off by one detail."""
    texts = _fact_texts()
    tasks = sorted(facts().tasks)
    values: list[Any] = [*texts, None, True, 0, 1, 1.5, [], {}, [texts[0]], [tasks[0], tasks[0]], tasks[:2]]
    values += [[text] for text in texts] + [["code", "mlm:model"], ["mlm:source_code", "mlm:model"], ["mlm:model"]]
    described = {"value": 1, "name": "a", "description": "d"}
    values += [[described], [{**described, "title": None}], [{**described, "description": 3}], [{"value": 1}]]
    values += [[{**described, "color_hint": [1, 2, 3]}], [{**described, "color_hint": "FFFFFF"}], [described, 1]]
    expression = {"format": "python", "expression": "f"}
    values += [expression, {**expression, "description": 3}, {**expression, "description": "d"}, {"format": "x"}]
    values += [[expression], [expression, "f"], "f", "https://example.com/f.py"]
    return values


_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-3, 300)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6)
    | st.sampled_from(_fact_texts())
)
_KEYS = st.sampled_from(["description", "color_hint", "name", "value", "format", "expression", "rel", "href", "title"])
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=10,
)


def _returned_as_is(result: Result, value: Any) -> bool:
    return (
        type(result) is Value
        and type(result.value) is type(value)
        and result.value == value
        and not result.notes
        and not result.entries
    )


@pytest.mark.parametrize("name", sorted(AS_IS))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(value=_VALUES)
def test_a_value_the_as_is_test_accepts_comes_back_as_it_is(name: str, value: Any) -> None:
    if AS_IS[name](value):
        result = CONVERTERS[name](new_match(value, _path_of(name), _VIEW))
        assert _returned_as_is(result, value), f"{name} accepts {value!r} as it is but returns {result!r}"


def _matched_values(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[tuple[Match, Result]]]:
    """Every match (and result) of a converter with an as-is test, over the fixtures, with every call made."""
    seen: dict[str, list[tuple[Match, Result]]] = {name: [] for name in AS_IS}

    def recording(name: str, function: Callable[[Match], Result]) -> Callable[[Match], Result]:
        def recorded(match: Match) -> Result:
            result = function(match)
            seen[name].append((match, result))
            return result

        return recorded

    for name in AS_IS:
        monkeypatch.setitem(CONVERTERS, name, recording(name, CONVERTERS[name]))
    monkeypatch.setattr(engine, "AS_IS", {})
    migration_tables.forget_built()  # plans made with the as-is tests are forgotten
    try:
        for path in fixture_paths():
            migrate(read_document(Path(path).read_bytes())[0])
    finally:
        migration_tables.forget_built()  # and so are the plans made without them
    return seen


def test_the_as_is_tests_hold_on_every_value_the_fixtures_give(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _matched_values(monkeypatch)
    for name, calls in seen.items():
        for match, result in calls:
            if AS_IS[name](match.value):
                assert _returned_as_is(result, match.value), f"{name} at {match.path}: {match.value!r} -> {result!r}"


@pytest.mark.parametrize("name", sorted(AS_IS))
def test_the_as_is_tests_hold_on_near_misses(name: str) -> None:
    """Each test accepts some of these values and refuses others (else it could not fail here), and the
    converter returns every value it accepts as it is."""
    verdicts = set()
    for value in _near_misses():
        verdicts.add(bool(AS_IS[name](value)))
        if AS_IS[name](value):
            result = CONVERTERS[name](new_match(value, _path_of(name), _VIEW))
            assert _returned_as_is(result, value), f"{name} accepts {value!r} as it is but returns {result!r}"
    assert verdicts == {True, False}, f"{name}: every value is judged {verdicts}"


def test_the_engine_skips_the_call_for_a_value_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    name = sorted(AS_IS)[0]
    calls: list[Any] = []
    original = CONVERTERS[name]
    monkeypatch.setitem(CONVERTERS, name, lambda match: calls.append(match.value) or original(match))
    samples = _near_misses()
    accepted = next(value for value in samples if AS_IS[name](value))
    refused = next(value for value in samples if not AS_IS[name](value))
    for value in (accepted, refused):
        context = Context({"a": value})
        apply_rules(context, (Rule.load({"from": "/a", "to": "/a", "action": "converted", "converter": name}),))
    moved = Context({"a": accepted})
    apply_rules(moved, (Rule.load({"from": "/a", "to": "/b", "action": "moved", "converter": name}),))
    assert calls == [refused]  # the value as it is was neither converted in place nor when moved
    assert moved.document == {"b": accepted} and [e.target for e in moved.report] == ["/b"]
