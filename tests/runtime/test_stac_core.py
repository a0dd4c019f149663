"""One "valid": `--stac` / `validate(..., stac=True)` also run STAC core and the other extensions, offline;
without it, a known MLM-versus-STAC-core conflict (erratum E15) is a warning."""

from __future__ import annotations

import copy
import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import stac_mlm
from stac_mlm import stac_core
from stac_mlm._schema import bundle
from stac_mlm.validation import judge
from support import cli
from support.paths import EXAMPLES_DIR, UPSTREAM_DATA, UPSTREAM_SKIP_REASON, upstream_available

pytest.importorskip("pystac")  # its bundled STAC 1.1 core schema is the local copy these tests run

PROJECT = sorted(EXAMPLES_DIR.glob("*.json"))
E15 = EXAMPLES_DIR / "errata" / "e15-properties-bands-without-asset-bands-accepted.json"
CORE_11 = "https://schemas.stacspec.org/v1.1.0/item-spec/json-schema/item.json"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.delenv(stac_core.ENV, raising=False)


def _load(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def _stac_11_item() -> dict[str, Any]:
    """A project example Item that declares STAC 1.1 (whose core schema pystac bundles)."""
    for path in PROJECT:
        document = _load(path)
        if document["type"] == "Feature" and document["stac_version"] == "1.1.0":
            return document
    raise AssertionError("no project example Item declares STAC 1.1.0")


@pytest.mark.parametrize("path", PROJECT, ids=lambda p: p.name)
def test_project_examples_satisfy_mlm_and_stac(path: Path) -> None:
    document = _load(path)
    verdict = judge(document, stac=True)
    assert verdict.problems == []
    # only what could not be checked offline, and (in a spec editor's checkout holding a draft) the draft's notice
    drafts = {f"MLM {v.version} is a draft" for v in bundle().versions if v.status == "draft"}
    assert all(w.startswith(("not checked offline: ", *drafts)) for w in verdict.warnings), verdict.warnings
    assert stac_mlm.validate(document, stac=True) == []
    assert stac_core.conflicts(document) == []


def test_some_project_example_is_checked_against_stac_core() -> None:
    checked = [stac_core.check(_load(path)).checked for path in PROJECT]
    assert any(CORE_11 in urls for urls in checked)


def test_r7_bands_conflict_with_stac_core() -> None:
    """Erratum E15: MLM accepts bands in the properties alone; STAC 1.1 core does not."""
    document = _load(E15)
    assert stac_mlm.validate(document) == []
    plain = judge(document)
    assert plain.valid and any("E15" in w and "bands" in w for w in plain.warnings)
    problems = stac_mlm.validate(document, stac=True)
    assert [(p.path, "E15" in p.message) for p in problems] == [("/properties/bands", True)]


#: Official copies of extension schemas (eo, raster, datacube, ...), used as a `--schemas` folder.
EXTENSION_COPIES = UPSTREAM_DATA / "stac-extensions"
needs_copies = pytest.mark.skipif(not upstream_available(), reason=UPSTREAM_SKIP_REASON)


@needs_copies
@pytest.mark.parametrize("path", PROJECT, ids=lambda p: p.name)
def test_project_examples_satisfy_the_extensions_they_list(path: Path) -> None:
    verdict = judge(_load(path), stac=True, schemas=EXTENSION_COPIES)
    assert verdict.problems == []


@needs_copies
def test_eo_bands_conflict_with_the_eo_schema() -> None:
    """Erratum E15 for `eo:bands`: MLM accepts them in the properties alone; the eo schema does not."""
    with_asset_bands = [_load(p) for p in PROJECT if any("eo:bands" in a for a in _load(p).get("assets", {}).values())]
    assert with_asset_bands, "a project example lists eo:bands on an asset"
    document = with_asset_bands[0]
    for asset in document["assets"].values():
        asset.pop("eo:bands", None)
    assert stac_mlm.validate(document) == []
    assert any("`eo:bands`" in w and "E15" in w for w in judge(document).warnings)
    problems = stac_mlm.validate(document, stac=True, schemas=EXTENSION_COPIES)
    assert "/properties/eo:bands" in [p.path for p in problems]


BREAKERS: dict[str, Callable[[dict[str, Any]], None]] = {
    "links missing": lambda d: d.pop("links"),
    "geometry not GeoJSON": lambda d: d.__setitem__("geometry", "somewhere"),
    "datetime not a date": lambda d: d["properties"].__setitem__("datetime", "yesterday"),
}


@pytest.mark.parametrize("breaker", BREAKERS, ids=str)
def test_documents_that_break_only_stac_core(breaker: str) -> None:
    document = copy.deepcopy(_stac_11_item())
    BREAKERS[breaker](document)
    assert stac_mlm.validate(document) == [], "still valid MLM"
    problems = stac_mlm.validate(document, stac=True)
    assert problems and all("STAC core" in p.message for p in problems), problems
    assert all(len(p.message) < 400 for p in problems), "values are quoted briefly"


def test_hostile_nesting_is_a_problem_not_a_crash(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    document = _stac_11_item()
    document["properties"]["deep"] = "DEEP"
    depth = 20000  # deeper than any reader accepts: refused in one line
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(document).replace('"DEEP"', "[" * depth + "]" * depth), encoding="utf-8")
    done = cli.run(["validate", "--stac", str(path)], capsys)
    assert done.code in (1, 2) and "Traceback" not in done.err


def _extension_schema(folder: Path, url: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": url,
        "type": "object",
        "required": ["properties"],
        "properties": {"properties": {"required": ["test:flag"]}},
    }
    (folder / "schema.json").write_text(json.dumps(schema), encoding="utf-8")


def test_other_extensions_are_checked_from_a_local_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = _stac_11_item()
    url = "https://example.com/test-extension/v1.0.0/schema.json"
    document["stac_extensions"] = [*document["stac_extensions"], url]
    assert url in judge(document, stac=True).warnings[-1], "no copy: reported as not checked"
    _extension_schema(tmp_path / "copies", url)
    found = stac_core.check(document, tmp_path / "copies")
    assert url in found.checked and [p.path for p in found.problems] == ["/properties"]
    monkeypatch.setenv(stac_core.ENV, str(tmp_path / "copies"))
    assert url in stac_core.check(document).checked, "the environment variable names folders too"
    document["properties"]["test:flag"] = True
    assert stac_mlm.validate(document, stac=True) == []


def test_cli_stac_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = cli.run(["validate", str(E15)], capsys)
    assert plain.code == 0 and "E15" in plain.out
    checked = cli.run(["validate", "--stac", "--format", "json", str(E15), *map(str, PROJECT)], capsys)
    records = {Path(r["source"]).name: r for r in checked.records()}
    assert checked.code == 1
    assert not records[E15.name]["valid"]
    assert all(records[p.name]["valid"] for p in PROJECT)
    missing = cli.run(["validate", "--stac", "--schemas", str(tmp_path / "none"), str(E15)], capsys)
    assert missing.code == 2 and missing.err.count("\n") == 1 and "Traceback" not in missing.err


def test_validate_accepts_pystac_objects_and_paths() -> None:
    pystac = pytest.importorskip("pystac")
    path = PROJECT[0]
    assert stac_mlm.validate(path) == [] and stac_mlm.is_valid(path)
    item = pystac.read_dict(_load(path))
    assert stac_mlm.validate(item) == []
