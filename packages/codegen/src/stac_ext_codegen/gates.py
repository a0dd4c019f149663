"""Release gates: what the steps after a release would run, run before it.

- the rule examples of the rules file get their verdicts (the docs build checks the same);
- the version number agrees with the diff to the previous release (``semver.py``);
- the commands listed under ``release.gates`` in ``codegen.yaml`` pass in a scratch copy of the repository
  where the draft has already been released and everything regenerated (e.g. migrating every legacy
  document into the head and validating the result).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .model import ModelError, SourceModel
from .versions import Version, VersionIndex

#: what a scratch copy leaves out: version control, environments, caches, built sites
SKIPPED = (".git", ".nox", ".venv", "site", "dist", "node_modules", "__pycache__", ".mypy_cache", ".pytest_cache")
SKIPPED += (".ruff_cache", ".hypothesis")
TAIL = 12  # lines of a failing gate's output shown


def rule_examples(model: SourceModel) -> list[str]:
    """Rule examples that do not get their verdict under the model's JSON Schema."""
    from .docs_examples import check_rule_examples
    from .versioned import release_schema

    return check_rule_examples(model, release_schema(model))


def breaking_contradictions(index: VersionIndex, draft: Version) -> list[str]:
    """Lines explaining why the draft's number contradicts its diff (empty when it agrees or was accepted)."""
    from .diff import diff_versions
    from .semver import contradictions, explain

    old = index.latest.version
    refused = contradictions(old, draft.version, diff_versions(index, old, draft.version))
    return explain(old, draft.version, refused) if refused else []


def gate_specs(config_data: Mapping[str, Any], path: Path) -> list[dict[str, Any]]:
    """The ``release.gates`` entries of ``codegen.yaml``: each ``{what, run: [...], pythonpath: [...], needs}``."""
    gates = (config_data.get("release") or {}).get("gates") or []
    for number, gate in enumerate(gates, 1):
        if not isinstance(gate, dict) or not isinstance(gate.get("run"), list) or not gate.get("what"):
            raise ModelError(f"{path}: release.gates entry {number} needs `what` and `run` (a list of arguments)")
    return list(gates)


def _scratch_copy(root: Path, scratch: Path) -> None:
    shutil.copytree(root, scratch, symlinks=True, ignore=shutil.ignore_patterns(*SKIPPED), dirs_exist_ok=True)


def _run_gate(gate: dict[str, Any], scratch: Path, source: Path) -> str | None:
    """Run one gate in the scratch copy: None when it passes (or cannot run here), else why it failed."""
    needs = gate.get("needs")
    if needs and not (scratch / str(needs)).exists():
        print(f"gate skipped ({gate['what']}): {needs} is not in this checkout")
        return None
    values = {"root": str(scratch), "source_root": str(source)}
    command = [str(arg).format(**values) for arg in gate["run"]]
    if command and command[0] == "python":
        command[0] = sys.executable
    env = dict(os.environ)
    paths = [str(scratch / p) for p in gate.get("pythonpath") or []]
    if paths:
        env["PYTHONPATH"] = os.pathsep.join([*paths, *filter(None, [env.get("PYTHONPATH")])])
    done = subprocess.run(command, cwd=scratch, env=env, capture_output=True, text=True, check=False)
    if done.returncode == 0:
        print(f"gate passed: {gate['what']}")
        return None
    output = (done.stdout + done.stderr).strip().splitlines()
    failing = [line for line in output if line.startswith(("FAIL", "ERROR", "error"))][:TAIL]
    shown = [*failing, *(line for line in output[-3:] if line not in failing)]
    return f"{gate['what']} (exit {done.returncode}):\n" + "\n".join("      " + line for line in shown)


def released_copy_problems(root: Path, date: str, *, accept_breaking: str | None = None) -> list[str]:
    """Release the draft in a scratch copy of ``root``, regenerate there and run the configured gates.

    Returns one problem per failing gate (empty: the release would leave the project green)."""
    from .outputs import write_all

    with tempfile.TemporaryDirectory(prefix="codegen-release-") as folder:
        scratch = Path(folder)
        _scratch_copy(root, scratch)
        index = VersionIndex.find(scratch / "schema")
        if index is None or index.draft is None:
            return []
        if accept_breaking:
            from dataclasses import replace

            index.draft = replace(index.draft, breaking_accepted=accept_breaking)
        released = index.release_draft(date)
        index.save()
        try:
            model = SourceModel.load(scratch / "schema")
            write_all(model, scratch)
        except ModelError as error:
            return [f"generating after releasing {released.version} fails: {error}"]
        problems = [f"rule examples of {released.version}: {p}" for p in rule_examples(model)]
        for gate in gate_specs(model.config.data, model.config.path):
            failure = _run_gate(gate, scratch, root)
            if failure:
                problems.append(failure)
        return problems


def draft_migration(model: SourceModel) -> dict[str, Any] | None:
    """The migration step from the latest release to the model's draft, derived from the diff (see
    ``derive_migrations.py``); None when the model is no draft or no migration table configures derivation."""
    from .derive_migrations import derive_step
    from .yamlfile import load_file

    index, version = model.versions, model.version
    if index is None or version is None or version.status != "draft":
        return None
    spec = next((s for s in model.config.targets if "derive" in s.options and "source" in s.options), None)
    if spec is None:
        return None
    folder = index.schema_dir / str(spec.options["source"])
    tables = {path.stem: load_file(path) for path in sorted(folder.glob("*.yaml"))}
    config = tables.get(str(spec.options["derive"])) or {}
    return derive_step(index, index.latest.version, version.version, tables, config)


def describe_migration(step: dict[str, Any]) -> list[str]:
    """What a derived step does, one line each."""
    pair = f"migration {step['from']} -> {step['to']}:"
    lines = [f"{pair} placeholder {e['value']!r} at {e['path']}" for e in step["required"]]
    lines += [f"{pair} {r['action']} {r['from']} -> {r['to']}" for r in step.get("rules", [])]
    lines += [
        f"{pair} value {v['value']!r} at {v['path']} " + (f"becomes {v['to']!r}" if "to" in v else "is dropped")
        for v in step.get("values", [])
    ]
    lines += [f"migration {step['from']} -> {step['to']}: a person must decide: {u}" for u in step["undecided"]]
    return lines
