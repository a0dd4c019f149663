"""Migrations between MLM versions are checked against the diff and the published schemas.

For every consecutive pair of releases, each breaking change (a change the version diff marks
breaking, or a behaviour-matrix probe that turns invalid under the published schemas) must have an
entry in ``breaking_changes`` of ``schema/migrations/mlm.yaml`` for that pair whose ``fields`` name
the JSON key concerned and whose ``handled_by`` names an existing rule or finishing step. Changes
that would need a new converter are listed in ``NEEDS_CONVERTER`` and reported as expected failures.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import pytest
import yaml
from stac_ext_codegen.diff import diff_versions
from stac_ext_codegen.model import load_version
from stac_ext_codegen.versions import VersionIndex
from stac_mlm.migration.completion import STEPS
from support import history, validators
from support.paths import SCHEMA_DIR, VERSIONS_INDEX

MIGRATIONS = SCHEMA_DIR / "migrations" / "mlm.yaml"
PAIRS = list(zip(history.releases(), history.releases()[1:], strict=False))
IDS = [f"{a}-{b}" for a, b in PAIRS]

#: The JSON keys a behaviour-matrix probe turning invalid is about.
PROBE_FIELDS: dict[str, set[str]] = {
    "input bands, no band definitions": {"bands"},
    "unknown mlm: key in properties": {"mlm:*"},
    "artifact type in Item properties": {"mlm:artifact_type"},
    "mlm:name on an asset": {"mlm:name"},
    "model asset without artifact type": {"mlm:artifact_type"},
    "entrypoint on a code asset": {"mlm:entrypoint"},
    "entrypoint on a metadata asset": {"mlm:entrypoint"},
    "framework with a leading space": {"mlm:framework"},
    "value scaling of an unknown type": {"value_scaling"},
    "input variables without datacube": {"variables"},
    "output bands without definitions": {"bands"},
    "processing expression description not a string": {"description"},
    "model asset without roles": {"roles"},
    "Collection item_assets with a wrong value": {"item_assets"},
}

#: Breaking changes no rule or step handles yet: each needs a new converter (migration engine).
NEEDS_CONVERTER: dict[tuple[str, str, str], str] = {
    ("v1.4.0", "v1.5.0", "variables"): "listed variables need datacube definitions and a `variables` dimension",
}

#: Diff claims that are not breaking changes of the published schemas (see test_history_diff.py).
NOT_BREAKING: dict[tuple[str, str, str], str] = {
    ("v1.3.0", "v1.4.0", "assets"): "Item assets became lenient (E9): a relaxation, reported as a shape change",
}
URL_ELEMENTS = {"$id", "stac_extensions"}


@cache
def _migrations() -> dict[str, Any]:
    return yaml.safe_load(MIGRATIONS.read_text(encoding="utf-8"))


def _handled(old: str, new: str) -> dict[str, set[str]]:
    """JSON key -> how the migration handles it, for the pair (steps derived from the diff included)."""
    document = _migrations()
    rules = {rule["id"] for rule in document["rules"] if "id" in rule}
    found: dict[str, set[str]] = {}
    for step in _derived():
        if (step["from"], step["to"]) == (old, new):
            for entry in step["breaking_changes"]:
                for key in entry["fields"]:
                    found.setdefault(key, set()).add(str(entry["handled_by"]))
    for entry in document.get("breaking_changes") or []:
        if (entry["from"], entry["to"]) != (old, new):
            continue
        handler = entry["handled_by"]
        assert handler.get("rule") in rules or handler.get("step") in STEPS, entry
        for key in entry["fields"]:
            found.setdefault(key, set()).add(str(handler))
    return found


def _derived() -> list[dict[str, Any]]:
    """The migration steps between releases derived from the diff (generated into migrations.json)."""
    tables = json.loads((VERSIONS_INDEX.parent / "migrations.json").read_text(encoding="utf-8"))
    return [step for table in tables.values() if isinstance(table, dict) for step in table.get("derived") or []]


def _diff_keys(old: str, new: str) -> set[str]:
    """JSON keys of the changes the diff marks breaking (rules: the keys their JSON Schema reads)."""
    index = VersionIndex.find(SCHEMA_DIR)
    assert index is not None
    new_rules = {r["id"]: r for r in load_version(index, new).rules}
    keys: set[str] = set()
    for change in diff_versions(index, old, new):
        if not change.breaking or {change.element, change.where} & URL_ELEMENTS:
            continue
        if change.kind == "closed-keys-changed":
            keys.add("mlm:*")
        elif change.kind.startswith("rule-"):
            applied = (new_rules.get(change.element) or {}).get("apply") or []
            if applied:  # rules without JSON Schema of their own only changed in prose
                keys |= {f"rule {change.element}"}
        else:
            keys.add(change.element)
    return keys


def _missing(old: str, new: str, keys: set[str]) -> tuple[list[str], list[str]]:
    handled = _handled(old, new)
    missing = sorted(k for k in keys if k not in handled and (old, new, k) not in NOT_BREAKING)
    expected = [k for k in missing if (old, new, k) in NEEDS_CONVERTER]
    return [k for k in missing if k not in expected], expected


@pytest.mark.upstream
@pytest.mark.parametrize(("old", "new"), PAIRS, ids=IDS)
def test_every_probe_turning_invalid_has_a_migration(upstream: Any, old: str, new: str) -> None:
    before, after = validators.official_validator(old), validators.official_validator(new)
    keys: set[str] = set()
    for name, probe in history.PROBES.items():
        if before.is_valid(probe(history.base_item(history.schema_url(old)))) and not after.is_valid(
            probe(history.base_item(history.schema_url(new)))
        ):
            keys |= PROBE_FIELDS[name]
    missing, expected = _missing(old, new, keys)
    assert not missing, f"{old} -> {new}: no breaking_changes entry in {MIGRATIONS.name} handles {missing}"
    if expected:
        pytest.xfail("; ".join(NEEDS_CONVERTER[(old, new, k)] for k in expected))


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=IDS)
def test_every_breaking_field_change_of_the_diff_has_a_migration(old: str, new: str) -> None:
    keys = {k for k in _diff_keys(old, new) if not k.startswith("rule ")}
    missing, expected = _missing(old, new, keys)
    assert not missing, f"{old} -> {new}: no breaking_changes entry in {MIGRATIONS.name} handles {missing}"
    if expected:
        pytest.xfail("; ".join(NEEDS_CONVERTER[(old, new, k)] for k in expected))


def test_every_url_of_every_release_is_recognised_by_the_migration() -> None:
    patterns = [re.compile(p["pattern"]) for p in _migrations()["detect"]["extensions"]]
    for entry in history.versions_index()["releases"]:
        for url in [entry["url"], *entry.get("aliases", [])]:
            matched = [m for p in patterns if (m := p.match(url))]
            assert matched, url
            assert f"v{matched[0].group('version')}" == entry["version"], url
