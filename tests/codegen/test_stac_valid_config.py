"""The generated stac-valid schema config, used by the real `stac-valid` CLI, offline.

stac-valid checks a document against the schema of every extension it lists. The generated config maps
the extension's URL(s) to the generated JSON Schema; the test adds an accept-all stand-in for the other
extensions the fixtures list (their schemas are not this project's), and makes any network access fail
(a dead proxy), so the verdicts are the generated schema's. Items go through `--item-collection` and
Collections through `--collections`, one CLI run per group.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from support import interop
from support.paths import REPO, head_schema_path, upstream_available

CONFIGS = interop.versioned("stac-valid", "schema-config.yaml")
CLI = shutil.which("stac-valid", path=str(Path(sys.executable).parent)) or shutil.which("stac-valid")
needs_cli = pytest.mark.skipif(CLI is None, reason="stac-valid is installed by `nox -s tests`")


def mapping(path: Path) -> dict[str, Path]:
    schemas = yaml.safe_load(path.read_text(encoding="utf-8"))["schemas"]
    return {url: (path.parent / target).resolve() for url, target in schemas.items()}


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.parent.name)
def test_config_maps_the_schema_urls_to_the_generated_schema(path: Path) -> None:
    schemas = mapping(path)
    assert schemas, "the config maps nothing"
    for url, target in schemas.items():
        assert target.is_file(), f"{url} -> {target}: no such file"
        assert REPO in target.parents, f"{target} is outside the repository"
        assert interop.load(target)["$id"] == next(iter(schemas)), "every URL maps to the canonical schema"


def run_cli(config: Path, documents: list[dict[str, Any]], kind: str, scratch: Path) -> list[dict[str, Any]]:
    """stac-valid's result for each document (in order), from one CLI run."""
    if kind == "Feature":
        bundle, flag = {"type": "FeatureCollection", "features": documents}, "--item-collection"
    else:
        bundle, flag = {"collections": documents, "links": []}, "--collections"
    source = scratch / f"{kind}-{len(documents)}.json"
    source.write_text(json.dumps(bundle), encoding="utf-8")
    dead = "http://127.0.0.1:9"  # any request fails: the run must stay offline
    env = {**os.environ, "HTTP_PROXY": dead, "HTTPS_PROXY": dead, "NO_PROXY": ""}
    command = [str(CLI), "validate", "--extensions", flag, "--schema-config", str(config), str(source)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)
    text = done.stdout
    start, end = text.find("\n["), text.rfind("\n]")
    assert start >= 0 and end > start, f"no JSON result in stac-valid's output:\n{text[-2000:]}\n{done.stderr[-2000:]}"
    results = json.loads(text[start : end + 2])
    assert len(results) == len(documents), f"{len(results)} results for {len(documents)} documents"
    return results


@pytest.fixture(scope="module")
def offline_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated config (latest) plus an accept-all stand-in for every other extension the fixtures list."""
    scratch = tmp_path_factory.mktemp("stac-valid")
    ours = mapping(interop.head("stac-valid", "schema-config.yaml"))
    stub = scratch / "accept-all.json"
    stub.write_text("{}", encoding="utf-8")
    paths = interop.valid_fixtures() + [p for p, _ in interop.invalid_fixtures()]
    paths += interop.official_examples() if upstream_available() else []
    others: set[str] = set()
    for path in paths:
        listed = interop.load(path).get("stac_extensions")
        others |= {u for u in listed if isinstance(u, str)} if isinstance(listed, list) else set()
    schemas = {url: str(target) for url, target in ours.items()}
    schemas |= {url: str(stub) for url in sorted(others - set(ours))}
    config = scratch / "schema-config.yaml"
    config.write_text(yaml.safe_dump({"schemas": schemas}), encoding="utf-8")
    return config


def grouped(paths: list[Path]) -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = {}
    for path in paths:
        kind = interop.load(path).get("type")
        if kind in {"Feature", "Collection"}:
            groups.setdefault(kind, []).append(path)
    return groups


def generated_verdict(document: dict[str, Any]) -> bool:
    """The generated JSON Schema's verdict (python-jsonschema), the one stac-valid must give."""
    return jsonschema.Draft7Validator(interop.load(head_schema_path())).is_valid(document)


@needs_cli
def test_valid_documents_pass(offline_config: Path, tmp_path: Path) -> None:
    paths = interop.valid_fixtures() + (interop.official_examples() if upstream_available() else [])
    for kind, members in sorted(grouped(paths).items()):
        results = run_cli(offline_config, [interop.load(p) for p in members], kind, tmp_path)
        failed = [
            (p.name, r.get("error_message")) for p, r in zip(members, results, strict=True) if not r["valid_stac"]
        ]
        assert failed == []


@needs_cli
def test_rejected_cases_that_list_the_extension_get_the_generated_schemas_verdict(
    offline_config: Path, tmp_path: Path
) -> None:
    """stac-valid applies only the schemas a document lists: cases that do not list the URL pass it. The
    others get the generated schema's verdict (rejected, unless a draft changed what the case breaks)."""
    urls = set(mapping(interop.head("stac-valid", "schema-config.yaml")))
    cases = []
    for path, _expect in interop.invalid_fixtures():
        listed = interop.load(path).get("stac_extensions")
        if isinstance(listed, list) and urls & set(listed):
            cases.append(path)
    assert cases, "no rejected case lists the extension"
    rejected = 0
    for kind, members in sorted(grouped(cases).items()):
        results = run_cli(offline_config, [interop.load(p) for p in members], kind, tmp_path)
        differ = [
            p.name
            for p, r in zip(members, results, strict=True)
            if r["valid_stac"] != generated_verdict(interop.load(p))
        ]
        assert differ == [], f"{kind}: stac-valid and the generated schema disagree"
        failed = [r for r in results if not r["valid_stac"]]
        assert all(r.get("failed_schema") for r in failed), "each failure names the schema that failed"
        rejected += len(failed)
    assert rejected, "stac-valid rejects none of the rejected cases"
