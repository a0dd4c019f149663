"""Where documents live: catalogs followed by --recursive (files and http URLs, served here on loopback by a
server the test starts), ItemCollection pages with --pages, and properties-only files with --level."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import documents
from support.cli import run

GOOD = documents.landcover_item()
BAD = dict(documents.landcover_item(), stac_extensions="none")


def _catalog(identifier: str, links: list[tuple[str, str]]) -> dict:
    return {
        "type": "Catalog",
        "id": identifier,
        "stac_version": "1.1.0",
        "description": identifier,
        "links": [{"rel": rel, "href": href} for rel, href in links],
    }


def _tree(root: Path) -> None:
    """catalog.json -> sub/catalog.json (-> back to catalog.json: a cycle; -> bad.json), good.json, gone.json."""
    (root / "sub").mkdir(parents=True)
    links = [("child", "./sub/catalog.json"), ("item", "./good.json"), ("item", "./gone.json"), ("self", "x.json")]
    (root / "catalog.json").write_text(json.dumps(_catalog("root", links)))
    (root / "sub" / "catalog.json").write_text(
        json.dumps(_catalog("sub", [("child", "../catalog.json"), ("item", "bad.json")]))
    )
    (root / "good.json").write_text(json.dumps(GOOD))
    (root / "sub" / "bad.json").write_text(json.dumps(BAD))


@contextlib.contextmanager
def _served(folder: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _check_walk(result, base: str) -> None:
    assert result.code == 2  # the broken link and the cycle are unusable inputs
    by_source = {r["source"]: r["valid"] for r in result.records()}
    assert by_source == {f"{base}/good.json": True, f"{base}/sub/bad.json": False}
    errors = result.err.splitlines()
    assert len(errors) == 2, errors
    assert any(f"{base}/gone.json" in line and f"linked from {base}/catalog.json" in line for line in errors)
    assert any(f"{base}/catalog.json" in line and "cycle" in line for line in errors)


def test_recursive_over_loopback_http(tmp_path: Path, capsys) -> None:
    pytest.importorskip("urllib3", reason="URLs need the remote extra")
    _tree(tmp_path)
    with _served(tmp_path) as base:
        result = run(["validate", "--format", "json", "--recursive", f"{base}/catalog.json"], capsys)
        linted = run(["lint", "--format", "json", "--recursive", f"{base}/catalog.json"], capsys)
    _check_walk(result, base)
    # depth first, in link order: the child catalog's item comes before the root's own item
    assert [r["source"] for r in linted.records()] == [f"{base}/sub/bad.json", f"{base}/good.json"]


def test_recursive_over_files(tmp_path: Path, capsys) -> None:
    _tree(tmp_path)
    result = run(["validate", "--format", "json", "-r", str(tmp_path / "catalog.json")], capsys)
    _check_walk(result, str(tmp_path))


def test_without_recursive_a_catalog_is_one_document(tmp_path: Path, capsys) -> None:
    _tree(tmp_path)
    result = run(["validate", "--format", "json", str(tmp_path / "catalog.json")], capsys)
    assert [r["source"] for r in result.records()] == [str(tmp_path / "catalog.json")]


def test_pages_of_an_item_collection(tmp_path: Path, capsys) -> None:
    page = {"type": "FeatureCollection", "features": [GOOD, BAD], "links": [{"rel": "next", "href": "two.json"}]}
    (tmp_path / "one.json").write_text(json.dumps(page))
    (tmp_path / "two.json").write_text(json.dumps({"type": "FeatureCollection", "features": [GOOD], "links": []}))
    one = str(tmp_path / "one.json")
    first = run(["validate", "--format", "json", "--pages", "1", one], capsys)
    assert [(r["source"], r["valid"]) for r in first.records()] == [
        (f"{one}#/features/0", True),
        (f"{one}#/features/1", False),
    ]
    both = run(["validate", "--format", "json", "--pages", "5", one], capsys)
    assert [r["source"] for r in both.records()][-1] == f"{tmp_path / 'two.json'}#/features/0"
    assert both.code == 1


def test_level_properties_json_and_yaml(tmp_path: Path, capsys) -> None:
    yaml = pytest.importorskip("yaml", reason="YAML needs the hf extra")
    properties = GOOD["properties"]
    (tmp_path / "props.json").write_text(json.dumps(properties))
    (tmp_path / "props.yaml").write_text(yaml.safe_dump(properties))
    broken = {k: v for k, v in properties.items() if k != "mlm:name"}
    (tmp_path / "broken.yml").write_text(yaml.safe_dump(broken))
    paths = [str(tmp_path / name) for name in ("props.json", "props.yaml", "broken.yml")]
    result = run(["validate", "--format", "json", "--level", "properties", *paths], capsys)
    records = result.records()
    assert [r["valid"] for r in records] == [True, True, False]
    assert all(not e["path"].startswith("/properties") for e in records[2]["errors"])
    assert result.code == 1
    # the same files as whole documents are not Items
    assert run(["validate", "--require-mlm", paths[0]], capsys).code == 1


def test_a_remote_catalog_cannot_reach_local_files(tmp_path: Path, capsys) -> None:
    pytest.importorskip("urllib3", reason="URLs need the remote extra")
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps(GOOD))
    served = tmp_path / "site"
    served.mkdir()
    links = [("item", secret.as_uri()), ("item", str(secret))]
    (served / "catalog.json").write_text(json.dumps(_catalog("root", links)))
    with _served(served) as base:
        result = run(["validate", "--format", "json", "-r", f"{base}/catalog.json"], capsys)
    assert result.records() == []
    assert result.code == 2
    errors = result.err.splitlines()
    assert len(errors) == 2
    assert "only http(s) links are followed from a URL" in errors[0]
    assert f"{base}{secret}" in errors[1] and "HTTP 404" in errors[1]  # an absolute path stays on the server
