"""Placeholders stay visible (issue 25): every stand-in migrate writes is found again in the document alone
(``stac_mlm.placeholders.find``), from the marks table in schema/migrations, and migrate on its own output
still exits 1."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest
from stac_mlm import placeholders
from stac_mlm.cli import migrate as command
from stac_mlm.migration import Migration, migrate, migrate_text
from stac_mlm.migration.report import ReportEntry
from stac_mlm.migration.tables import tables
from stac_mlm.pointer import format_pointer, parse_pointer, put
from support.legacy import fixture_paths, upstream_legacy_paths
from support.paths import OFFICIAL_VERSION


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="stac-mlm")
    command.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["migrate", *argv])
    return int(args.run(args))


def _concrete(path: str) -> tuple[str, ...]:
    return tuple("0" if segment == "*" else segment for segment in parse_pointer(path))


def _covered(path: str, found: list[str]) -> bool:
    return any(f == path or f.startswith(path + "/") for f in found)


def _stand_ins() -> list[tuple[str, Any]]:
    """(path, value) of every stand-in the tables write: `required` values and the placeholder asset."""
    common = tables().common
    written = [(spec["path"], spec["value"]) for spec in common["required"] if "value" in spec]
    asset = common["placeholder_asset"]
    written.append((f"/assets/{asset['key']}", asset["asset"]))
    written.append(("/assets/*/mlm:artifact_type", common["artifact_type_placeholder"]))
    return written


@pytest.mark.parametrize(("path", "value"), _stand_ins(), ids=[p for p, _ in _stand_ins()])
def test_every_stand_in_the_tables_write_is_found_in_the_document_alone(path: str, value: Any) -> None:
    document: dict[str, Any] = {"type": "Feature", "properties": {}, "assets": {}}
    segments = _concrete(path)
    put(document, segments, json.loads(json.dumps(value)))
    found = [p.path for p in placeholders.find(document)]
    assert _covered(format_pointer(segments), found), (path, found)


def test_a_value_that_is_not_a_stand_in_is_not_a_placeholder() -> None:
    for mark in placeholders.marks():
        document: dict[str, Any] = {"type": "Feature", "properties": {}, "assets": {}}
        other = "a real value" if mark.equals != "a real value" else "another"
        put(document, _concrete(mark.path), other)
        assert placeholders.find(document) == [], mark.path


def test_json_equality_is_used_true_is_not_one() -> None:
    mark = next(m for m in placeholders.marks() if m.equals == [])
    document: dict[str, Any] = {}
    put(document, _concrete(mark.path), [])
    assert [p.path for p in placeholders.find(document)] == [format_pointer(_concrete(mark.path))]
    put(document, _concrete(mark.path), [False])
    assert placeholders.find(document) == []


def test_find_skips_paths_already_listed() -> None:
    mark = placeholders.marks()[0]
    document: dict[str, Any] = {}
    put(document, _concrete(mark.path), json.loads(json.dumps(mark.equals)))
    path = format_pointer(_concrete(mark.path))
    assert placeholders.find(document) == [placeholders.Placeholder(path, mark.fill)]
    assert placeholders.find(document, skip=(path,)) == []
    assert placeholders.find(document, skip=(path.rsplit("/", 1)[0],)) == []


@pytest.mark.upstream
def test_complete_upstream_examples_hold_no_placeholder(upstream: Path) -> None:
    examples = sorted((upstream / "mlm" / OFFICIAL_VERSION / "examples").glob("*.json"))
    assert examples
    for path in examples:
        assert placeholders.find(json.loads(path.read_text(encoding="utf-8"))) == [], path.name


def _legacy() -> list[Path]:
    return [*fixture_paths(), *upstream_legacy_paths()]


def test_migrating_the_output_again_finds_every_placeholder_written(tmp_path: Path) -> None:
    checked = 0
    for path in _legacy():
        try:
            first = migrate_text(path.read_bytes())
        except ValueError:
            continue
        if not first.placeholders or not first.valid:
            continue
        again = migrate(json.loads(json.dumps(first.document)))
        found = [p.path for p in again.placeholders]
        for placeholder in first.placeholders:
            assert _covered(placeholder.path, found), (path.name, placeholder, found)
        checked += 1
    assert checked


def test_migrate_on_its_own_output_exits_1(tmp_path: Path) -> None:
    source = next(p for p in fixture_paths() if migrate_text(p.read_bytes()).placeholders)
    once, twice = tmp_path / "once.json", tmp_path / "twice.json"
    assert _run(str(source), "-o", str(once)) == 1
    assert _run(str(once), "-o", str(twice)) == 1
    assert json.loads(twice.read_text(encoding="utf-8")) == json.loads(once.read_text(encoding="utf-8"))


def test_placeholders_of_a_migration_come_from_structured_fields_not_report_text() -> None:
    entry = ReportEntry("/x", "placeholder", "a detail without the usual wording", target="/x", fill="put this")
    migration = Migration({"type": "Feature"}, [entry])
    assert [(p.path, p.fill) for p in migration.placeholders] == [("/x", "put this")]
    assert migration.report_dict()["entries"][0]["fill"] == "put this"
