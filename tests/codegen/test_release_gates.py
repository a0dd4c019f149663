"""Release gates: a release whose number contradicts its diff is refused, naming each breaking change;
semantic-version arithmetic; the gates configured in codegen.yaml."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from stac_ext_codegen.derive_migrations import _default, _handled, class_pointers
from stac_ext_codegen.diff import Change
from stac_ext_codegen.gates import gate_specs
from stac_ext_codegen.model import load_version
from stac_ext_codegen.resolved import KIND_CLASS, resolve
from stac_ext_codegen.semver import allows_breaking, bump, contradictions
from stac_ext_codegen.versions import VersionIndex
from support.paths import REPO, SCHEMA_DIR
from support.scratch import copy_repository, run_codegen

RUNTIME = "packages/stac-mlm/src/stac_mlm/_generated"


def _change(breaking: bool) -> Change:
    return Change("presence-changed", "x", breaking, "`x` in X: was optional, now required.")


@pytest.mark.parametrize(
    ("old", "new", "level", "may_break"),
    [
        ("v1.5.2", "v2.0.0", "major", True),
        ("v1.5.2", "v1.6.0", "minor", False),
        ("v1.5.2", "v1.5.3", "patch", False),
        ("v0.3.1", "v0.4.0", "minor", True),  # initial development: a minor step may break
        ("v1.5.2", "v1.5.3-rc.1", "patch", False),
    ],
)
def test_bump_levels(old: str, new: str, level: str, may_break: bool) -> None:
    assert bump(old, new) == level
    assert allows_breaking(old, new) is may_break


def test_only_breaking_changes_contradict_a_minor_release() -> None:
    changes = [_change(True), _change(False)]
    assert contradictions("v1.5.2", "v1.6.0", changes) == [changes[0]]
    assert contradictions("v1.5.2", "v2.0.0", changes) == []


def test_an_accepted_breaking_release_is_recorded_in_versions_yaml(tmp_path: Path) -> None:
    shutil.copy(SCHEMA_DIR / "versions.yaml", tmp_path / "versions.yaml")
    index = VersionIndex.find(tmp_path)
    assert index is not None
    draft = index.draft or index.start_draft(index.next_minor())
    from dataclasses import replace

    index.draft = replace(draft, breaking_accepted="a typo fix only tools relied on")
    index.save()
    reread = VersionIndex.find(tmp_path)
    assert reread is not None and reread.draft is not None
    assert reread.draft.breaking_accepted == "a typo fix only tools relied on"


def test_the_repository_configures_release_gates_that_exist() -> None:
    data = yaml.safe_load((SCHEMA_DIR / "codegen.yaml").read_text(encoding="utf-8"))
    gates = gate_specs(data, SCHEMA_DIR / "codegen.yaml")
    assert gates, "release.gates lists what must pass after a release"
    for gate in gates:
        assert (REPO / gate["needs"]).exists(), gate


# ----- in a scratch copy -------------------------------------------------------------------------------------------
def make_one_field_required(schema: Path) -> str:
    """Make an optional string slot of a class that already requires fields (``name: {required: true}`` in its
    ``slot_usage``) required too; returns its JSON key. The class, slot and key are read from the model."""
    root_file = schema / "mlm.yaml"
    text = root_file.read_text(encoding="utf-8")
    slots = yaml.safe_load((schema / "fields.yaml").read_text(encoding="utf-8"))["slots"]
    lines = text.splitlines()
    classes = yaml.safe_load(text)["classes"]
    for owner in classes.values():
        usage = owner.get("slot_usage") or {}
        inline = [line for line in lines for name in usage if line.strip() == f"{name}: {{required: true}}"]
        held, parent = list(owner.get("slots") or []), owner.get("is_a")
        while parent:
            held += classes[parent].get("slots") or []
            parent = classes[parent].get("is_a")
        optional = [
            name
            for name in held
            if not (usage.get(name) or {}).get("required")
            and (slots.get(name) or {}).get("range", "string") == "string"
            and not (slots.get(name) or {}).get("multivalued")
        ]
        if inline and optional:
            line, slot = inline[0], optional[0]
            indent = line[: len(line) - len(line.lstrip())]
            root_file.write_text(text.replace(line + "\n", f"{line}\n{indent}{slot}: {{required: true}}\n", 1))
            return str(slots[slot].get("alias") or slot)
    raise AssertionError("no class requires fields inline and has an optional string field")


def _versions(root: Path) -> dict:
    return yaml.safe_load((root / "schema" / "versions.yaml").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_a_breaking_edit_in_a_minor_draft_is_refused_at_release_with_the_change_named(tmp_path: Path) -> None:
    root = copy_repository(tmp_path)
    if _versions(root)["draft"] is None:
        major, minor, _ = _versions(root)["releases"][-1]["version"].lstrip("v").split(".")
        assert run_codegen(root, "new-version", f"{major}.{int(minor) + 1}.0")[0] == 0
    key = make_one_field_required(root / "schema")
    document = _versions(root)
    document["draft"]["errata_reviewed"] = True
    (root / "schema" / "versions.yaml").write_text(yaml.safe_dump(document, sort_keys=False))
    code, out = run_codegen(root, "generate")
    assert "warning:" in out and f"`{key}`" in out, "generate warns about the contradiction already"
    before = (root / "schema" / "versions.yaml").read_text()
    code, out = run_codegen(root, "release", "--date", "2030-01-01")
    assert code == 1, out
    refusal = out[out.index("cannot release") :]
    assert "BREAKING" in refusal and f"`{key}`" in refusal and "minor release" in refusal, refusal
    assert "--accept-breaking" in refusal
    assert (root / "schema" / "versions.yaml").read_text() == before, "a refused release changes nothing"


def _patch_rule_examples(schema: Path, key: str, value: Any) -> None:
    """Add ``key`` to each rule example (JSON on one line) of a level that requires it: those that hold
    another field the same class requires."""
    rules = schema / "rules.yaml"
    siblings = _required_siblings(schema)
    lines = []
    for line in rules.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("json: {") and f'"{key}"' not in line and any(f'"{s}"' in line for s in siblings):
            line = line.replace("json: {", f"json: {{{json.dumps(key)}: {json.dumps(value)}, ", 1)
        lines.append(line)
    rules.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _required_siblings(schema: Path) -> list[str]:
    """JSON keys of the fields some class requires inline in its slot_usage."""
    slots = yaml.safe_load((schema / "fields.yaml").read_text(encoding="utf-8"))["slots"]
    found = []
    for owner in yaml.safe_load((schema / "mlm.yaml").read_text(encoding="utf-8"))["classes"].values():
        for name, usage in (owner.get("slot_usage") or {}).items():
            if (usage or {}).get("required") and name in slots:
                found.append(str(slots[name].get("alias") or name))
    return found


def _add_missing_case(schema: Path, key: str, sibling_keys: list[str]) -> None:
    """Clone a rejected case that deletes a required sibling from the Item properties, for ``key``."""
    cases = schema / "examples" / "invalid.yaml"
    text = cases.read_text(encoding="utf-8")
    for line in text.splitlines():
        for sibling in sibling_keys:
            if f"delete: [/properties/{sibling}]" in line and "keyword: required" in line:
                clone = line.replace(sibling, key).replace("id: ", "id: new-required-", 1)
                cases.write_text(text.replace(line + "\n", f"{line}\n{clone}\n", 1), encoding="utf-8")
                return
    raise AssertionError("no rejected case deletes a required field of the Item properties")


def _old_only_document(key: str) -> dict[str, Any]:
    """A valid document of the latest release (a rendered example Item) without ``key``: only the old rule
    accepts it once ``key`` is required."""
    for path in sorted((REPO / "examples").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("type") == "Feature" and key in document.get("properties", {}):
            del document["properties"][key]
            return document
    raise AssertionError(f"no example Item has {key}")


CHECK_RUNTIME = """
import json, sys
from stac_mlm import validation
from stac_mlm.migration import migrate
document, old, new = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
assert validation.validate(document) == [], "a document of the old release still validates by its version"
assert not validation.is_valid(document, mlm_version=new), "the new release rejects it"
migration = migrate(document)
assert migration.valid, migration.problems
assert any(new in url for url in migration.document["stac_extensions"]), migration.document["stac_extensions"]
print("placeholders:", [str(p) for p in migration.placeholders])
from stac_mlm import models
from stac_mlm._generated import releases
parsed = models.parse(document)
assert isinstance(parsed, getattr(models, releases.MODULES[old]).Item), type(parsed).__mro__
assert parsed.to_dict() == document
try:
    getattr(models, releases.MODULES[new]).Item.from_dict(document)
except ValueError:
    pass
else:
    raise AssertionError("the new release's classes accept a document without the required field")
"""


@pytest.mark.slow
def test_the_same_breaking_edit_in_a_major_draft_releases_and_the_project_stays_green(tmp_path: Path) -> None:
    root = copy_repository(tmp_path)
    for part in ["packages/stac-mlm/src", "packages/stac-mlm/tools", "tests/fixtures/legacy"]:
        shutil.copytree(REPO / part, root / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    versions = _versions(root)
    old = versions["releases"][-1]["version"]
    if versions["draft"] is not None:
        pytest.skip("the repository holds a draft: this starts from a release")
    major = int(old.lstrip("v").split(".")[0]) + 1
    new = f"v{major}.0.0"
    assert run_codegen(root, "new-version", new.lstrip("v"))[0] == 0
    schema = root / "schema"
    key = make_one_field_required(schema)
    document = _old_only_document(key)
    value = json.loads((REPO / "examples" / "lightgbm-crop-classifier.json").read_text())["properties"].get(key, "x")
    _patch_rule_examples(schema, key, value)
    _add_missing_case(schema, key, [k for k in _required_siblings(schema) if k != key])
    entry = _versions(root)
    entry["draft"]["errata_reviewed"] = True
    (schema / "versions.yaml").write_text(yaml.safe_dump(entry, sort_keys=False))
    with (root / "docs" / "changelog.md").open("a") as changelog:
        changelog.write(f"\n## {new}\n\n`{key}` is required.\n")
    code, out = run_codegen(root, "generate")
    assert code == 0, out
    assert f"placeholder 'PLACEHOLDER' at /properties/{key}" in out, "the derived migration step is shown"
    code, out = run_codegen(root, "release", "--date", "2030-01-01")
    assert code == 0, out
    assert "gate passed" in out, out
    assert run_codegen(root, "check")[0] == 0
    derived = json.loads((root / RUNTIME / "migrations.json").read_text())["releases"]["derived"]
    assert [(s["from"], s["to"]) for s in derived] == [(old, new)] and not derived[0]["undecided"]
    sample = tmp_path / "old-only.json"
    sample.write_text(json.dumps(document))
    env = {**os.environ, "PYTHONPATH": str(root / "packages" / "stac-mlm" / "src")}
    command = [sys.executable, "-c", CHECK_RUNTIME, str(sample), old, new]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"/properties/{key}" in done.stdout
    cli = [sys.executable, "-m", "stac_mlm", "migrate", str(sample), "-o", str(tmp_path / "migrated.json")]
    done = subprocess.run(cli, env=env, capture_output=True, text=True, check=False, cwd=root)
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 1: placeholders left to fill
    migrated = json.loads((tmp_path / "migrated.json").read_text())
    check = [
        sys.executable,
        "-c",
        "import json,sys; from stac_mlm import validation as v; "
        "d=json.load(open(sys.argv[1])); assert v.validate(d) == [], v.validate(d); print(d['stac_extensions'])",
        str(tmp_path / "migrated.json"),
    ]
    done = subprocess.run(check, env=env, capture_output=True, text=True, check=False, cwd=root)
    assert done.returncode == 0 and new in done.stdout, done.stdout + done.stderr
    assert migrated["properties"][key] == "PLACEHOLDER"
    # the suite's model-derived checks on the released copy (its own tests, packages and generated files)
    for part in ["tests", "packages/codegen/src"]:
        shutil.copytree(REPO / part, root / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    env["PYTHONPATH"] = os.pathsep.join(str(root / "packages" / p / "src") for p in ("codegen", "stac-mlm"))
    suite = [
        "tests/codegen/test_history_migrations.py::test_every_breaking_field_change_of_the_diff_has_a_migration",
        "tests/codegen/test_release_gates.py",
        "tests/runtime/test_class_sets.py",
        "tests/runtime/test_versions_runtime.py",
    ]
    command = [sys.executable, "-m", "pytest", "-q", "-m", "not slow", "-p", "no:cacheprovider", *suite]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=root, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]
    assert f"{old}-{new}" in done.stdout or "passed" in done.stdout


# ----- derived migration steps -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def index() -> VersionIndex:
    found = VersionIndex.find(SCHEMA_DIR)
    assert found is not None
    return found


def test_class_pointers_start_at_the_entry_points(index: VersionIndex) -> None:
    resolved = resolve(load_version(index, index.head))
    pointers = class_pointers(resolved)
    for name in resolved.entry_points.values():
        assert "" in pointers[name]
        for slot in resolved.class_map[name].slots:
            for rng in slot.ranges:
                if resolved.kind(rng) == KIND_CLASS:
                    shape = "/*" if slot.multivalued or slot.json_map else ""
                    assert f"/{slot.key}{shape}" in pointers[rng], (name, slot.key)


@pytest.mark.parametrize(
    ("text", "value"), [("string(unknown)", "unknown"), ("int(3)", 3), ("true", True), (None, None), ("x()", None)]
)
def test_linkml_defaults_become_json_values(text: str | None, value: Any) -> None:
    assert _default(text) == value


def test_a_rule_listed_in_breaking_changes_is_decided(tmp_path: Path) -> None:
    tables = {"t": {"breaking_changes": [{"from": "v1", "to": "v2", "fields": ["rule R9", "mlm:x"]}]}}
    assert _handled(tables, "v1", "v2", {"always_handled": ["stac_extensions"]}) == {"R9", "mlm:x", "stac_extensions"}
    assert _handled(tables, "v0", "v1", {}) == set()
