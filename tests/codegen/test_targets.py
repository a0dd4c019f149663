"""Generator targets are plug-ins: one module in ``stac_ext_codegen/targets/`` and one line in
``schema/codegen.yaml`` add an output that ``generate`` writes and ``check`` guards."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from stac_ext_codegen.config import ConfigError, load_config
from stac_ext_codegen.model import ModelError, SourceModel
from stac_ext_codegen.outputs import render_all
from stac_ext_codegen.resolved import resolve
from support.paths import CODEGEN_SRC, REPO, SCHEMA_DIR
from support.scratch import copy_parts

TOY_TARGET = '''"""A toy target: one text file per version, from the resolved model."""

from . import Build


def render(build: Build) -> dict[str, str]:
    resolved = build.resolved
    slots = sum(len(cls.slots) for cls in resolved.class_map.values())
    text = f"{build.version} {build.status} {len(resolved.class_map)} classes {slots} slots\\n"
    return {build.option("path"): text}
'''
TOY_LINE = '  - {target: toy_count, per_version: true, path: "generated/toy/{version}.txt"}\n'


def _scratch_repository(tmp_path: Path) -> Path:
    """A copy of what the generator reads and writes: schema/, its source, the README, the owned folders."""
    config = load_config(SCHEMA_DIR / "codegen.yaml")
    root = tmp_path / "repo"
    copy_parts(root, ["schema", *config.owned])
    shutil.copytree(CODEGEN_SRC, root / "packages" / "codegen" / "src", ignore=shutil.ignore_patterns("__pycache__"))
    readme = config.target("readme").options["path"]  # a hand-written file with a generated region
    shutil.copy(REPO / readme, root / readme)
    return root


def _codegen(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(root / "packages" / "codegen" / "src"))
    command = [sys.executable, "-m", "stac_ext_codegen", "--root", str(root), *args]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)


@pytest.mark.slow  # regenerates a scratch copy of the repository
def test_a_target_is_one_module_and_one_config_line(tmp_path: Path) -> None:
    root = _scratch_repository(tmp_path)
    (root / "packages/codegen/src/stac_ext_codegen/targets/toy_count.py").write_text(TOY_TARGET)
    config = root / "schema" / "codegen.yaml"
    config.write_text(config.read_text() + TOY_LINE)

    generated = _codegen(root, "generate")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    model = SourceModel.load(SCHEMA_DIR)
    resolved = resolve(model)
    outputs = sorted((root / "generated" / "toy").glob("*.txt"))
    assert [p.name for p in outputs] == [f"{v}.txt" for v, _ in _versions(model)]
    slots = sum(len(cls.slots) for cls in resolved.class_map.values())
    latest = root / "generated" / "toy" / f"{_versions(model)[-1][0]}.txt"
    assert f"{len(resolved.class_map)} classes {slots} slots" in latest.read_text()

    assert _codegen(root, "check").returncode == 0
    latest.write_text("edited by hand\n")
    drifted = _codegen(root, "check")
    assert drifted.returncode == 1
    assert f"DRIFT generated/toy/{latest.name}" in drifted.stdout

    config.write_text(config.read_text().replace(TOY_LINE, ""))  # the target is gone: its file is stale
    stale = _codegen(root, "check")
    assert stale.returncode == 1
    assert f"STALE generated/toy/{latest.name}" in stale.stdout


def _versions(model: SourceModel) -> list[tuple[str, str]]:
    from stac_ext_codegen.outputs import versions_of

    return [(b.version, b.status) for b in versions_of(model)]


def test_a_missing_target_module_is_a_clear_error(tmp_path: Path) -> None:
    scratch = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, scratch)
    config = scratch / "codegen.yaml"
    config.write_text(config.read_text() + "  - {target: no_such_target}\n")
    with pytest.raises(ModelError, match=r"no module stac_ext_codegen/targets/no_such_target\.py"):
        render_all(SourceModel.load(scratch), REPO)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("targets: [{path: x}]\n", "needs `target: <module name>`"),
        ("targets: [json_schema, json_schema]\n", "listed twice"),
        ("model: [\n", "not readable"),
        ("- a list\n", "must be a mapping"),
    ],
)
def test_a_bad_config_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "codegen.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_the_resolved_model_is_json_and_built_once_per_model() -> None:
    model = SourceModel.load(SCHEMA_DIR)
    resolved = resolve(model)
    assert resolve(model) is resolved
    assert "_resolved" not in vars(model) and resolved not in vars(model).values()
    dumped = json.loads(json.dumps(resolved.to_json()))
    assert set(dumped["class_map"]) == set(model.view.all_classes())
    for name, cls in dumped["class_map"].items():
        assert [s["key"] for s in cls["slots"]] == [s.alias or s.name for s in model.view.class_induced_slots(name)], (
            name
        )


@pytest.mark.slow  # regenerates a scratch copy of the repository
def test_each_version_gets_its_own_schema_in_the_runtime_index(tmp_path: Path) -> None:
    """With a draft beside the releases, the runtime's index points every version at its own schema file."""
    from stac_ext_codegen.cli import main as codegen
    from stac_ext_codegen.versions import VersionIndex

    root = _scratch_repository(tmp_path)
    versions = VersionIndex.find(root / "schema")
    assert versions is not None
    if versions.draft is None:  # start one (a source may already hold a draft)
        assert codegen(["--root", str(root), "new-version", "99.0.0"]) == 0
    model = SourceModel.load(root / "schema")
    spec = load_config(root / "schema" / "codegen.yaml").target("versions_index")
    texts = render_all(model, root)
    index = json.loads(texts[spec.options["path"]])
    assert index["draft"] is not None and len(index["versions"]) >= 2
    folder = Path(spec.options["path"]).parent
    for entry in index["versions"]:
        schema = json.loads(texts[(folder / entry["schema"]).as_posix()])
        assert schema["$id"] == entry["url"], entry["version"]
