"""Release gates: a release whose number contradicts its diff is refused, naming each breaking change;
semantic-version arithmetic; the gates configured in codegen.yaml."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
import yaml
from stac_ext_codegen.cli import main as codegen
from stac_ext_codegen.diff import Change
from stac_ext_codegen.gates import gate_specs
from stac_ext_codegen.semver import allows_breaking, bump, contradictions
from stac_ext_codegen.versions import VersionIndex
from support.paths import REPO, SCHEMA_DIR

PARTS = ["schema", "generated", "examples", "packages/stac-mlm/src/stac_mlm/_generated"]


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
    draft = index.start_draft("1.6.0")
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
def _copy(root: Path) -> Path:
    for part in PARTS:
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "README.md", root / "README.md")
    (root / "docs").mkdir()
    shutil.copy(REPO / "docs" / "changelog.md", root / "docs" / "changelog.md")
    return root


def _run(root: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = codegen(["--root", str(root), *args])
    return code, out.getvalue()


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
    root = _copy(tmp_path)
    if _versions(root)["draft"] is None:
        major, minor, _ = _versions(root)["releases"][-1]["version"].lstrip("v").split(".")
        assert _run(root, "new-version", f"{major}.{int(minor) + 1}.0")[0] == 0
    key = make_one_field_required(root / "schema")
    document = _versions(root)
    document["draft"]["errata_reviewed"] = True
    (root / "schema" / "versions.yaml").write_text(yaml.safe_dump(document, sort_keys=False))
    code, out = _run(root, "generate")
    assert "warning:" in out and f"`{key}`" in out, "generate warns about the contradiction already"
    before = (root / "schema" / "versions.yaml").read_text()
    code, out = _run(root, "release", "--date", "2030-01-01")
    assert code == 1, out
    refusal = out[out.index("cannot release") :]
    assert "BREAKING" in refusal and f"`{key}`" in refusal and "minor release" in refusal, refusal
    assert "--accept-breaking" in refusal
    assert (root / "schema" / "versions.yaml").read_text() == before, "a refused release changes nothing"
