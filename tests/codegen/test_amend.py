"""Editorial amendments of frozen releases (`stac_ext_codegen amend`): accepted only when the release's normative
outputs stay byte-identical, and recorded with a date and reason in versions.yaml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from support.paths import REPO
from support.scratch import copy_repository, run_codegen

VERSIONS = "packages/stac-mlm/src/stac_mlm/_generated/versions.json"
pytestmark = pytest.mark.slow  # regenerates into a scratch copy of the repository


def _entry(root: Path, version: str) -> dict:
    document = yaml.safe_load((root / "schema" / "versions.yaml").read_text(encoding="utf-8"))
    return next(e for e in document["releases"] if e["version"] == version)


def _oldest_release() -> str:
    index = json.loads((REPO / VERSIONS).read_text(encoding="utf-8"))
    return next(v["version"] for v in index["versions"] if v["status"] == "release")


def _slots_file(root: Path, version: str) -> Path:
    """The file of a release that defines the most slots (a file every model has some of)."""
    files = sorted((root / "schema" / "releases" / version).glob("*.yaml"))
    return max(files, key=lambda p: len((yaml.safe_load(p.read_text(encoding="utf-8")) or {}).get("slots") or {}))


def test_a_layout_only_edit_is_amended_and_recorded(tmp_path: Path) -> None:
    root = copy_repository(tmp_path, changelog=False)
    version = _oldest_release()
    path = _slots_file(root, version)
    before = _entry(root, version)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text("# re-laid out\n" + yaml.safe_dump(data, sort_keys=True, width=70), encoding="utf-8")
    assert run_codegen(root, "generate")[0] == 2, "an edited release is refused until amended"
    code, out = run_codegen(root, "amend", "--reason", "layout only", "--date", "2030-01-02")
    assert code == 0, out
    after = _entry(root, version)
    assert after["digest"] != before["digest"]
    assert after["amended"][-1] == {"date": "2030-01-02", "reason": "layout only", "previous": before["digest"]}
    code, out = run_codegen(root, "generate")
    assert code == 0, out
    assert run_codegen(root, "check")[0] == 0


def test_an_edit_that_changes_a_normative_output_is_refused(tmp_path: Path) -> None:
    root = copy_repository(tmp_path, changelog=False)
    version = _oldest_release()
    path = _slots_file(root, version)
    versions = (root / "schema" / "versions.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    slot = next(iter(data["slots"].values()))
    slot["description"] = f"{slot.get('description', '')} Amended.".strip()
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, out = run_codegen(root, "amend", "--reason", "a new sentence", "--date", "2030-01-02")
    assert code == 2 and "refused" in out and f"json-schema/{version}/schema.json" in out, out
    assert (root / "schema" / "versions.yaml").read_text(encoding="utf-8") == versions, "nothing recorded"


def test_an_amendment_needs_an_edit_and_a_reason(tmp_path: Path) -> None:
    root = copy_repository(tmp_path, changelog=False)
    code, out = run_codegen(root, "amend", "--reason", "nothing", _oldest_release())
    assert code == 2 and "nothing to amend" in out, out
    code, out = run_codegen(root, "amend", "--reason", " ", _oldest_release())
    assert code == 2 and "reason" in out, out
