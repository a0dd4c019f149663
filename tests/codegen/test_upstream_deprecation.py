"""Deprecated fields and enum values in the upstream README (target ``upstream``): the row or bullet of each carries
the docs' badge and its replacement; the other rows stay as they were. A model in memory: the live model with one
element of each table kind marked deprecated (released READMEs stay byte-identical: ``nox -s check``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml
from stac_ext_codegen.docmarks import deprecation, value_deprecation
from stac_ext_codegen.model import SourceModel
from stac_ext_codegen.targets.upstream import ReadmeDocs, _table
from support.paths import SCHEMA_DIR

NOTE = "Superseded (a test of the upstream marks)"


@pytest.fixture(scope="module")
def model() -> SourceModel:
    return SourceModel.load(SCHEMA_DIR)


def _tables(kind: str) -> list[dict[str, Any]]:
    layout = yaml.safe_load((Path(SCHEMA_DIR) / "upstream" / "readme.yaml").read_text(encoding="utf-8"))
    found = [s["table"] for s in layout["sections"] if kind in (s.get("table") or {})]
    assert found, f"the layout has {kind} tables"
    return found


def _docs(model: SourceModel, **changes: Any) -> ReadmeDocs:
    docs = ReadmeDocs(model, links=False)
    docs.__dict__["resolved"] = dataclasses.replace(docs.resolved, **changes)  # the cached property, replaced
    return docs


@pytest.mark.parametrize("kind", ["enum", "list"])
def test_a_deprecated_enum_value_is_marked_with_its_replacement(model: SourceModel, kind: str) -> None:
    table = _tables(kind)[0]
    plain = ReadmeDocs(model, links=False)
    enum = plain.resolved.enum_map[table[kind]]
    first, second = enum.values[:2]
    marked = dataclasses.replace(first, deprecated=NOTE, replaced_by=second.value)
    changed = dataclasses.replace(enum, values=(marked, *enum.values[1:]))
    docs = _docs(model, enum_map={**plain.resolved.enum_map, enum.name: changed})
    before, after = _table(plain, table).splitlines(), _table(docs, table).splitlines()
    differ = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    mark = value_deprecation(marked)
    assert mark and NOTE in mark and f"`{second.value}`" in mark
    assert len(differ) >= 1 and any(f"`{first.value}`" in a and mark in a for _, a in differ)
    if kind == "list":  # bullets: only the value's own line changes
        assert differ == [(differ[0][0], differ[0][0] + (" " if first.description else ": ") + mark)]


def test_a_deprecated_field_is_marked_with_its_replacement(model: SourceModel) -> None:
    table = _tables("fields")[0]
    plain = ReadmeDocs(model, links=False)
    cls = plain.resolved.class_map[table["fields"]]
    slot, other = cls.slots[0], cls.slots[1]
    marked = dataclasses.replace(slot, deprecated=NOTE, replaced_by=other.key)
    changed = dataclasses.replace(cls, slots=(marked, *cls.slots[1:]))
    docs = _docs(model, class_map={**plain.resolved.class_map, cls.name: changed})
    mark = deprecation(marked)
    assert mark
    rows = [line for line in _table(docs, table).splitlines() if line.split("|")[1].strip().strip("`") == slot.key]
    assert len(rows) == 1 and mark in rows[0]
    assert not any(mark in line for line in _table(plain, table).splitlines())
