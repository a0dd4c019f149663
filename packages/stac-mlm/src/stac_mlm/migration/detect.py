"""Which legacy families a document belongs to: by its extension URLs and its field prefixes together."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .. import pointer
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
    for marker, walk in _markers(family.name):
        for _, _, value in pointer.walk(document, walk):
            if "equals" not in marker or value == marker["equals"]:
                return str(marker["version"])
    return None


@cache
def _markers(name: str) -> tuple[tuple[dict[str, Any], pointer.Walk], ...]:
    return tuple((m, pointer.compile_walk(pointer.parse_pointer(m["path"]))) for m in tables().families[name].markers)


def prefixes_in(names: set[Any], wanted: tuple[str, ...]) -> set[str]:
    """Which ``wanted`` prefixes are the prefix of one of ``names``: the part up to its first colon.

    Only a prefix whose one colon is its last character can be one; it is, exactly when a name starts
    with it. The names are searched as one NUL-joined text when neither they nor the prefixes hold a NUL.
    """
    simple, joinable = _simple_prefixes(wanted)
    try:
        joined = "\0" + "\0".join(names) if joinable and names else ""
    except TypeError:  # a name that is not a string
        joined = ""
    if joined and joined.count("\0") == len(names):
        return {p for p in simple if "\0" + p in joined}
    return {p for p in simple if any(isinstance(n, str) and n.startswith(p) for n in names)}


@lru_cache(maxsize=64)
def _simple_prefixes(wanted: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    simple = tuple(p for p in wanted if p.endswith(":") and p.count(":") == 1)
    return simple, not any("\0" in p for p in simple)


def _evidence(family: Family, document: dict[str, Any]) -> bool:
    """Whether a marker that identifies the family on its own (`evidence: true`) is present."""
    return any(pointer.walk(document, walk) for walk in _evidence_walks(family.name))


@cache
def _evidence_walks(name: str) -> tuple[pointer.Walk, ...]:
    return tuple(walk for marker, walk in _markers(name) if marker.get("evidence"))


def detect(document: dict[str, Any]) -> list[Source]:
    """The families of ``document``, in the order their rules run."""
    extensions = document.get("stac_extensions")
    extensions = extensions if isinstance(extensions, list) else []
    families = tables().families
    prefixes = prefixes_in(_keys(document), tuple(families[name].prefix for name in FAMILY_ORDER))
    sources = []
    for name in FAMILY_ORDER:
        family = families[name]
        by_url, version = _url_version(family, extensions)
        by_fields = family.prefix in prefixes or (
            not by_url and bool(_evidence_walks(name)) and _evidence(family, document)
        )
        if not by_url and not by_fields:
            continue
        marked = _marker_version(family, document)
        if marked and (version is None or marked.startswith(version)):
            version = marked
        evidence = "extension URL and fields" if by_url and by_fields else "extension URL" if by_url else "fields"
        sources.append(Source(name, version, evidence))
    return sources
