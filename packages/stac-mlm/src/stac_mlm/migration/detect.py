"""Which legacy families a document belongs to: by its extension URLs and its field prefixes together."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import pointer
from .tables import FAMILY_ORDER, Family, tables


@dataclass(frozen=True, slots=True)
class Source:
    """A family found in the input: its name, version (when it can be told) and how it was found."""

    family: str
    version: str | None
    evidence: str  # "extension URL", "fields" or "extension URL and fields"

    def __str__(self) -> str:
        title = tables().families[self.family].title
        return f"{title} {self.version or '(version unknown)'} (by {self.evidence})"


def _keys(document: dict[str, Any]) -> set[str]:
    """The keys and role/rel values where family prefixes show up."""
    found = set(document)
    for part in ("properties", "summaries"):
        if isinstance(document.get(part), dict):
            found.update(document[part])
    for part in ("assets", "item_assets"):
        for asset in (document.get(part) or {}).values() if isinstance(document.get(part), dict) else []:
            if isinstance(asset, dict):
                found.update(asset)
                roles = asset.get("roles")
                if isinstance(roles, list):
                    found.update(r for r in roles if isinstance(r, str))
    links = document.get("links")
    for link in links if isinstance(links, list) else []:
        if isinstance(link, dict) and isinstance(link.get("rel"), str):
            found.add(link["rel"])
    return found


def _url_version(family: Family, extensions: list[Any]) -> tuple[bool, str | None]:
    for entry in extensions:
        if isinstance(entry, str):
            found = _url_match(family.name, entry)
            if found is not None:
                return found
    return False, None


@lru_cache(maxsize=1024)
def _url_match(name: str, url: str) -> tuple[bool, str | None] | None:
    """(True, version) when ``url`` is an extension URL of the family, else None (cached per URL)."""
    for pattern, version in tables().families[name].extensions:
        match = pattern.match(url)
        if match:
            return True, version or match.groupdict().get("version")
    return None


def _marker_version(family: Family, document: dict[str, Any]) -> str | None:
    for marker in family.markers:
        for path, _ in pointer.expand(document, pointer.parse(marker["path"])):
            if "equals" not in marker or pointer.get(document, path) == marker["equals"]:
                return marker["version"]
    return None


def detect(document: dict[str, Any]) -> list[Source]:
    """The families of ``document``, in the order their rules run."""
    extensions = document.get("stac_extensions")
    extensions = extensions if isinstance(extensions, list) else []
    # a name's prefix is its part up to the first colon: only names starting with a family prefix count
    wanted = tuple(tables().families[name].prefix for name in FAMILY_ORDER)
    prefixes = {k.split(":", 1)[0] + ":" for k in _keys(document) if isinstance(k, str) and k.startswith(wanted)}
    sources = []
    for name in FAMILY_ORDER:
        family = tables().families[name]
        by_url, version = _url_version(family, extensions)
        by_fields = family.prefix in prefixes
        if not by_url and not by_fields:
            continue
        marked = _marker_version(family, document)
        if marked and (version is None or marked.startswith(version)):
            version = marked
        evidence = "extension URL and fields" if by_url and by_fields else "extension URL" if by_url else "fields"
        sources.append(Source(name, version, evidence))
    return sources
