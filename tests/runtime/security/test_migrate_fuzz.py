"""Fuzzing migrate with real legacy documents (issue 20): each example takes a DLM, ml-model or early MLM
document (the project's fixtures and upstream's examples) and changes a few values to odd JSON (another
type, a wrapper list, a removed key). Whatever the input, migrate either refuses it with a
``MigrationError`` or returns a document that is strict JSON, with every input value at its mapped place
or named by a report entry (``support.legacy.misplaced_values``). Any other exception fails the test:
converters check their input, and a defect is not hidden as bad input.

``MLM_MIGRATE_FUZZ_EXAMPLES`` sets the number of examples (default 60; derandomized)."""

from __future__ import annotations

import copy
import json
import os
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stac_mlm.migration import MigrationError, migrate, read_document
from support.legacy import fixture_paths, misplaced_values, upstream_legacy_paths

EXAMPLES = int(os.environ.get("MLM_MIGRATE_FUZZ_EXAMPLES", "60"))


@cache
def _documents() -> tuple[str, ...]:
    """Every legacy document migrate reads, as strict JSON text (parsed afresh for each example)."""
    texts = []
    for path in [*fixture_paths(), *upstream_legacy_paths()]:
        try:
            document, _ = read_document(path.read_bytes())
        except MigrationError:
            continue
        texts.append(json.dumps(document))
    return tuple(texts)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    return [path, *(p for key, child in children for p in _paths(child, (*path, key)))]


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["", "data", "mlm:model", "float32", "uint16", "PLACEHOLDER", "unknown", "1.2", "v1"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=6,
)


def _mutate(document: Any, data: st.DataObject) -> None:
    paths = [p for p in _paths(document) if p]
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        path = data.draw(st.sampled_from(paths), label="path")
        parent: Any = document
        try:
            for key in path[:-1]:
                parent = parent[key]
            current = parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed it
        if not isinstance(parent, dict | list):
            continue  # an earlier mutation replaced its container by a string
        kind = data.draw(st.sampled_from(["replace", "wrap", "unwrap", "remove"]), label="kind")
        if kind == "replace":
            parent[path[-1]] = data.draw(_VALUES, label="value")
        elif kind == "wrap":
            parent[path[-1]] = [current]
        elif kind == "unwrap" and isinstance(current, list) and current:
            parent[path[-1]] = current[0]
        elif kind == "remove" and isinstance(parent, dict):
            del parent[path[-1]]


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_migrate_on_mutated_legacy_documents_loses_nothing_and_writes_strict_json(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(_documents()), label="document")
    document = json.loads(text)
    _mutate(document, data)
    before = copy.deepcopy(document)
    try:
        migration = migrate(document)
    except MigrationError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert document == before, "migrate changed its input"
    output = json.dumps(migration.document, allow_nan=False)  # no NaN / Infinity
    assert json.loads(output) == migration.document
    if migration.document is not document:
        assert misplaced_values(before, migration) == []


def test_a_size_whose_bytes_overflow_a_float_is_dropped_not_raised() -> None:
    """1e308 MB is a finite number whose bytes are not: reported as dropped (it was an OverflowError)."""
    document = json.loads(next(t for t in _documents() if "estimated_total_size_mb" in t))
    document["properties"]["dlm:architecture"]["estimated_total_size_mb"] = 1e308
    migration = migrate(document)
    [entry] = [e for e in migration.report if e.path.endswith("/estimated_total_size_mb")]
    assert entry.action == "dropped" and entry.original == 1e308
    json.dumps(migration.document, allow_nan=False)
