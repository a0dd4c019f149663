"""Each document is judged by the MLM version it declares, with the schemas of the bundle's versions.json.

The versions come from the bundle's index (never a list written here). A synthetic bundle (the real one
plus a made-up older version whose schema is the latest one under another URL) shows that the declared
version, not the latest, is the one that judges.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import stac_mlm
from stac_mlm import _schema, problems, validation
from stac_mlm.validation import judge
from support import documents
from support.cli import run

BUNDLE = Path(str(resources.files("stac_mlm").joinpath("_generated")))
INDEX = json.loads((BUNDLE / "versions.json").read_text(encoding="utf-8"))
MADE_UP = "v0.9.0"


def _clear() -> None:
    for cached in (
        _schema.bundle,
        _schema._by_url,
        _schema.url_family,
        _schema.url_heads,
        _schema.schema_text,
        _schema.parsed,
    ):
        cached.cache_clear()
    validation._validator.cache_clear()
    problems._branch_validator.cache_clear()
    problems._context.cache_clear()
    validation._single_release.cache_clear()


@pytest.fixture
def two_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """The bundle plus MADE_UP, an older version whose schema is the latest one under its own URL."""
    shutil.copytree(BUNDLE, tmp_path / "bundle")
    latest = next(v for v in INDEX["versions"] if v["version"] == INDEX["latest"])
    text = (BUNDLE / latest["schema"]).read_text(encoding="utf-8").replace(INDEX["latest"], MADE_UP)
    (tmp_path / "bundle" / "schemas" / f"{MADE_UP}.json").write_text(text, encoding="utf-8")
    url = latest["url"].replace(INDEX["latest"], MADE_UP)
    index = dict(INDEX)
    made_up = {"version": MADE_UP, "status": "release", "schema": f"schemas/{MADE_UP}.json", "url": url, "urls": [url]}
    index["versions"] = [made_up, *INDEX["versions"]]
    (tmp_path / "bundle" / "versions.json").write_text(json.dumps(index), encoding="utf-8")
    monkeypatch.setattr(_schema, "_root", lambda: tmp_path / "bundle")
    _clear()
    yield made_up
    monkeypatch.undo()
    _clear()


def _declaring(url: str) -> dict[str, Any]:
    document = documents.landcover_item()
    document["stac_extensions"] = [url if u == documents.MLM else u for u in document["stac_extensions"]]
    return document


@pytest.mark.parametrize(
    ("version", "url"), [(v["version"], url) for v in INDEX["versions"] for url in v["urls"]], ids=str
)
def test_every_url_of_every_bundled_version_selects_it(version: str, url: str) -> None:
    assert judge(_declaring(url)).versions == (version,)


def test_declared_version_judges_not_the_latest(two_versions: dict[str, Any]) -> None:
    document = _declaring(two_versions["url"])
    verdict = judge(document)
    assert verdict.versions == (MADE_UP,) and verdict.problems == []
    forced = judge(document, mlm_version=INDEX["latest"])  # the latest schema wants its own URL
    assert forced.versions == (INDEX["latest"],) and forced.problems


def test_mixed_version_ndjson_is_judged_line_by_line(two_versions: dict[str, Any], tmp_path: Path, capsys) -> None:
    from stac_mlm._schema import bundle

    urls = [(v.version, url) for v in bundle().versions for url in v.urls]
    lines = tmp_path / "mixed.ndjson"
    lines.write_text("".join(json.dumps(_declaring(url)) + "\n" for _, url in urls), encoding="utf-8")
    result = run(["validate", "--format", "json", "--jobs", "1", str(lines)], capsys)
    records = result.records()
    assert [r["mlm_version"] for r in records] == [version for version, _ in urls]
    latest = [r for r in records if r["mlm_version"] in (MADE_UP, INDEX["latest"])]
    assert latest and all(r["valid"] for r in latest), latest


def test_forced_version_on_the_command_line(two_versions: dict[str, Any], tmp_path: Path, capsys) -> None:
    path = tmp_path / "item.json"
    path.write_text(json.dumps(_declaring(two_versions["url"])), encoding="utf-8")
    forced = run(["validate", "--format", "json", "--mlm-version", INDEX["latest"], str(path)], capsys)
    assert forced.code == 1 and forced.records()[0]["mlm_version"] == INDEX["latest"]
    unknown = run(["validate", "--mlm-version", "v0.0.1", str(path)], capsys)
    assert unknown.code == 2 and "v0.0.1" in unknown.err and "Traceback" not in unknown.err


@pytest.mark.parametrize(
    ("version", "url"), [(v["version"], url) for v in INDEX["versions"] for url in v["urls"]], ids=str
)
def test_a_version_that_does_not_exist_is_a_clear_problem(version: str, url: str, capsys, tmp_path: Path) -> None:
    major, minor, _ = INDEX["latest"].lstrip("v").split(".")
    missing = f"v{major}.{int(minor) + 50}.0"  # spelled like this known URL, with a version no release has
    document = _declaring(url.replace(version, missing))
    [problem] = stac_mlm.validate(document)
    assert problem.path.startswith("/stac_extensions/")
    assert missing in problem.message and "not a release" in problem.message and "stac-mlm migrate" in problem.message
    path = tmp_path / "item.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = run(["validate", "--format", "json", str(path)], capsys)
    assert result.code == 1 and result.records()[0]["mlm_version"] is None


def test_unknown_forced_version_in_python_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"v0\.0\.1"):
        stac_mlm.validate(documents.landcover_item(), mlm_version="v0.0.1")


def test_pystac_validation_follows_the_declared_version(two_versions: dict[str, Any]) -> None:
    pytest.importorskip("pystac")
    from stac_mlm.pystac import validate as pystac_validate

    document = _declaring(two_versions["url"])
    assert pystac_validate(document) == [two_versions["url"]]
