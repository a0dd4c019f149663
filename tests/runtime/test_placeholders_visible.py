"""Placeholders stay visible: every stand-in migrate writes is warned about by `validate` (by path) and reported
by `lint`, on the migrated document alone; the quick scan `validate` runs never misses one `find` reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import stac_mlm
from hypothesis import given, settings
from hypothesis import strategies as st
from stac_mlm import _placeholder_scan, batch, linting, placeholders
from stac_mlm.migration import MigrationError, migrate_text
from support import documents
from support.cli import run
from support.legacy import fixture_paths, upstream_legacy_paths

LEGACY = fixture_paths() + upstream_legacy_paths()
PLACEHOLDER_CODES = [e.code for e in linting.recommendations() if e.check["kind"] == "placeholders"]


def _migrated_with_placeholders() -> list[tuple[str, dict, list[str]]]:
    found = []
    for path in LEGACY:
        try:
            migration = migrate_text(path.read_bytes())
        except MigrationError:
            continue
        if migration.placeholders:
            found.append((path.name, migration.document, [p.path for p in migration.placeholders]))
    return found


MIGRATED = _migrated_with_placeholders()


def _covered(path: str, reported: list[str]) -> bool:
    return any(found == path or found.startswith(path + "/") for found in reported)


def test_some_legacy_documents_migrate_with_placeholders() -> None:
    assert MIGRATED, "no legacy fixture leaves a placeholder: the round trip below would test nothing"


@pytest.mark.parametrize(("name", "document", "expected"), MIGRATED, ids=[m[0] for m in MIGRATED])
def test_migrate_then_validate_and_lint_keep_every_placeholder(name: str, document: dict, expected: list[str]) -> None:
    record = batch.check_text(json.dumps(document))
    warned = [w.split(": ", 1)[0] for w in record.get("warnings", ()) if "placeholder" in w]
    linted = [f.path for f in stac_mlm.lint(document, select=PLACEHOLDER_CODES)]
    for path in expected:
        assert _covered(path, warned), (path, record.get("warnings"))
        assert _covered(path, linted), (path, linted)


def test_migrate_then_validate_on_the_command_line(tmp_path: Path, capsys) -> None:
    _, document, expected = MIGRATED[0]
    migrated = tmp_path / "migrated.json"
    migrated.write_text(json.dumps(document))
    result = run(["validate", str(migrated)], capsys)
    warnings = [line.strip() for line in result.out.splitlines() if line.startswith("  warning: ")]
    for path in expected:
        assert any(line.startswith(f"warning: {path}") for line in warnings), (path, warnings)
    assert run(["lint", "--select", ",".join(PLACEHOLDER_CODES), str(migrated)], capsys).code == 1


def test_a_finished_document_has_no_placeholder_warning() -> None:
    record = batch.check_text(json.dumps(documents.landcover_item()))
    assert record["valid"] and "warnings" not in record


def _stand_ins() -> st.SearchStrategy:
    """Documents made of the marks' own paths, with their stand-ins or near misses."""
    values = st.sampled_from([m.equals for m in placeholders.marks()] + ["x", 1, True, [1], {}, None, "", 0.0])
    keys = st.sampled_from(sorted({part for m in placeholders.marks() for part in m.path.split("/")[1:]} | {"0"}))
    return st.recursive(values, lambda inner: st.dictionaries(keys, inner, max_size=4) | st.lists(inner, max_size=3))


@settings(max_examples=400, deadline=None)
@given(_stand_ins())
def test_the_quick_scan_never_misses_a_placeholder(document) -> None:
    if placeholders.find(document) if isinstance(document, dict) else False:
        assert _placeholder_scan.may_hold(document)
    assert _placeholder_scan.placeholders(document) == (
        placeholders.find(document) if isinstance(document, dict) else []
    )


@pytest.mark.parametrize("mark", placeholders.marks(), ids=[m.path for m in placeholders.marks()])
def test_the_quick_scan_sees_each_mark(mark) -> None:
    document: dict = {}
    node: dict = document
    parts = [p.replace("*", "k") for p in mark.path.split("/")[1:]]
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = mark.equals
    assert placeholders.find(document)
    assert _placeholder_scan.may_hold(document)
    node[parts[-1]] = "not a stand-in"
    assert not _placeholder_scan.may_hold(document)


def test_the_quick_scan_reads_the_marks_table_find_uses() -> None:
    assert _placeholder_scan.rows() == [(mark.path, mark.equals) for mark in placeholders.marks()]
