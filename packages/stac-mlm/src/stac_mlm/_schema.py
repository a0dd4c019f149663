"""The bundled JSON Schemas (generated from the LinkML model), one per MLM version: the validation
authority, offline.

``_generated/versions.json`` lists the versions the package holds (releases and at most one draft), the
schema file of each and every URL a document may declare for it. ``SCHEMA_URL`` and ``SPEC_VERSION`` are
those of the latest release.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

_BUNDLE = ("_generated",)
_INDEX = "versions.json"
_LATEST_SCHEMA = "schema.json"


@dataclass(frozen=True, slots=True)
class MLMVersion:
    """One MLM version the package can judge documents by."""

    version: str  # "v1.5.2"
    status: str  # "release" or "draft"
    schema: str  # the schema file, relative to the bundle
    url: str  # the canonical schema URL ($id)
    urls: tuple[str, ...]  # every URL that declares this version, canonical first


@dataclass(frozen=True, slots=True)
class Bundle:
    """The versions the package holds."""

    latest: str
    draft: str | None
    versions: tuple[MLMVersion, ...]  # ascending

    def get(self, version: str) -> MLMVersion | None:
        wanted = version if version.startswith("v") else f"v{version}"
        return next((v for v in self.versions if v.version == wanted), None)

    @property
    def by_url(self) -> dict[str, MLMVersion]:
        """Every URL that declares a version, with that version."""
        return _by_url()

    def names(self) -> list[str]:
        return [v.version for v in self.versions]


def _root() -> Traversable:
    return resources.files(__package__).joinpath(*_BUNDLE)


@cache
def bundle() -> Bundle:
    """The index of bundled versions (a single latest version when the bundle has no index)."""
    index = _root().joinpath(_INDEX)
    if not index.is_file():
        url = str(json.loads(schema_text())["$id"])
        version = url.rstrip("/").split("/")[-2]
        return Bundle(version, None, (MLMVersion(version, "release", _LATEST_SCHEMA, url, (url,)),))
    raw = json.loads(index.read_text(encoding="utf-8"))
    versions = tuple(
        MLMVersion(v["version"], v["status"], v["schema"], v["url"], tuple(v.get("urls") or [v["url"]]))
        for v in raw["versions"]
    )
    return Bundle(raw["latest"], raw.get("draft"), versions)


@cache
def _by_url() -> dict[str, MLMVersion]:
    found: dict[str, MLMVersion] = {}
    for version in bundle().versions:
        for url in version.urls:
            found.setdefault(url, version)
    return found


def _shapes() -> list[tuple[str, str]]:
    """(text before the version, text after it) of every known URL."""
    return [
        tuple(url.split(version.version, 1))  # type: ignore[misc]
        for version in bundle().versions
        for url in version.urls
        if version.version in url
    ]


@cache
def url_heads() -> tuple[str, ...]:
    """What every known MLM URL starts with, before its version (a quick test before ``url_family``)."""
    return tuple(sorted({head for head, _ in _shapes()}))


def version_in_url(url: str) -> str | None:
    """The version in a URL spelled like a known MLM schema URL (of any version, known or not)."""
    match = url_family().match(url) if url.startswith(url_heads()) else None
    return next((group for group in match.groups() if group), None) if match else None


@cache
def url_family() -> re.Pattern[str]:
    """Matches a URL spelled like a known MLM schema URL but of any version (the version is the one group
    of the alternative that matched)."""
    shapes = {re.escape(head) + r"(v\d+\.\d+\.\d+[^/]*)" + re.escape(tail) for head, tail in _shapes()}
    return re.compile("^(?:" + "|".join(sorted(shapes)) + ")$" if shapes else "(?!)")


@cache
def schema_text(version: str | None = None) -> str:
    """The bundled schema of ``version`` (default: the latest release), as text (``stac-mlm schema``)."""
    if version is None:
        return _root().joinpath(_LATEST_SCHEMA).read_text(encoding="utf-8")
    found = bundle().get(version)
    if found is None:
        raise ValueError(unknown_version(version))
    return _root().joinpath(*found.schema.split("/")).read_text(encoding="utf-8")


def unknown_version(version: str) -> str:
    known = ", ".join(bundle().names())
    return f"MLM {version} is not a version this package holds (it holds {known})"


@cache
def parsed(version: str | None = None) -> dict[str, Any]:
    """The parsed schema of ``version`` (shared: do not modify)."""
    schema: dict[str, Any] = json.loads(schema_text(version))
    return schema


def _parsed() -> dict[str, Any]:
    return parsed()


def json_schema(version: str | None = None) -> dict[str, Any]:
    """A fresh copy of the bundled JSON Schema (draft-07) of ``version`` (default: the latest release)."""
    schema: dict[str, Any] = json.loads(schema_text(version))
    return schema


#: The latest release's URL: what the classes and the pystac extension write (a draft in a spec editor's
#: checkout never changes what a released document means).
SCHEMA_URL: str = str(_parsed()["$id"])
SPEC_VERSION: str = SCHEMA_URL.rstrip("/").split("/")[-2].lstrip("v")
