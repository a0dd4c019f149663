"""Helpers for the linked-data and API targets: the generated files, the fixtures, JSON-LD to RDF offline.

The fixtures follow the head of schema/ (the draft, else the latest release), so the fixture tests read
that version's files (``head``); ``latest`` is the stable name (the newest release); every version's files
are found by globbing ``generated/<kind>/v*/``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from .paths import EXAMPLES_DIR, GENERATED_DIR, OFFICIAL_VERSION, UPSTREAM_DATA, head_version

SIDECAR = ".expected.json"

#: A stand-in for the core STAC context (never fetched): the core keys the examples use that the MLM model
#: does not declare. Geometry, extents and links are kept as JSON literals.
STAC_STANDIN: dict[str, Any] = {
    "@version": 1.1,
    "stac": "https://stacspec.org/terms#",
    "id": "stac:id",
    "stac_version": "stac:stac_version",
    "title": "stac:title",
    "description": "stac:description",
    "license": "stac:license",
    "datetime": "stac:datetime",
    "href": "stac:href",
    "roles": {"@id": "stac:roles", "@container": "@set"},
    "geometry": {"@id": "stac:geometry", "@type": "@json"},
    "bbox": {"@id": "stac:bbox", "@type": "@json"},
    "extent": {"@id": "stac:extent", "@type": "@json"},
    "links": {"@id": "stac:links", "@type": "@json"},
}


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def versioned(kind: str, name: str) -> list[Path]:
    """``generated/<kind>/<version>/<name>`` for every version generated, in name order."""
    return sorted((GENERATED_DIR / kind).glob(f"v*/{name}"))


def latest(kind: str, name: str) -> Path:
    """The stable name: the newest release's file."""
    return GENERATED_DIR / kind / name


def head(kind: str, name: str) -> Path:
    """The file of the version the fixtures follow."""
    return GENERATED_DIR / kind / head_version() / name


def valid_fixtures() -> list[Path]:
    """The project's valid documents: the examples, and the errata cases whose sidecar says valid."""
    found = [p for p in sorted(EXAMPLES_DIR.rglob("*.json")) if not p.name.endswith(SIDECAR)]
    return [p for p in found if expectation(p).get("valid", True)]


def invalid_fixtures() -> list[tuple[Path, dict[str, Any]]]:
    """The rejected cases (any group), each with its sidecar."""
    found = [p for p in sorted(EXAMPLES_DIR.rglob("*.json")) if not p.name.endswith(SIDECAR)]
    return [(p, expectation(p)) for p in found if not expectation(p).get("valid", True)]


def expectation(path: Path) -> dict[str, Any]:
    sidecar = path.with_name(path.name.removesuffix(".json") + SIDECAR)
    return load(sidecar) if sidecar.is_file() else {"valid": "invalid" not in path.parts}


def official_examples() -> list[Path]:
    folder = UPSTREAM_DATA / "mlm" / OFFICIAL_VERSION / "examples"
    return sorted(folder.glob("*.json"))


def _refuse(url: str, options: Any = None) -> Any:
    raise AssertionError(f"JSON-LD processing tried to load {url}: everything must stay offline")


def to_rdf(document: dict[str, Any], context: dict[str, Any]) -> Any:
    """The RDF graph (rdflib) of a STAC document read through the stand-in STAC context and ``context``."""
    import rdflib
    from pyld import jsonld

    framed = {"@context": [STAC_STANDIN, context["@context"]], **document}
    nquads = jsonld.to_rdf(framed, {"format": "application/n-quads", "documentLoader": _refuse})
    return rdflib.Graph().parse(data=nquads, format="nquads")


def walk(node: Any, pointer: str = "") -> Iterator[tuple[str, str, Any]]:
    """``(pointer of the object, key, value)`` for every member of every object of a JSON tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield pointer, key, value
            yield from walk(value, f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{pointer}/{index}")


@cache
def head_context() -> dict[str, Any]:
    return load(head("jsonld", "context.jsonld"))
