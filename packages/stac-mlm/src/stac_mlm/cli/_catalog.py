"""Where documents live: STAC catalogs followed link by link, ItemCollection pages feature by feature, local
paths or http(s) URLs. Yields the entries ``stac-mlm validate`` and ``lint`` judge, each document named by
its href (a feature by ``href#/features/N``), in link order.

- ``recursive``: a Catalog or Collection's ``child`` and ``item`` links are followed (relative hrefs against
  the linking document's own). A Collection is judged too; a plain Catalog is only followed.
- A FeatureCollection (an ItemCollection, a STAC API page) gives each of its features; ``pages`` pages are
  read in all, following ``next`` links.
- A link that cannot be read, a link back to a document on the way to it (a cycle), and a walk past
  ``MAX_DEPTH`` levels or ``MAX_DOCUMENTS`` documents are reported as unusable; the rest goes on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import urldefrag, urljoin

from ..batch import NotJSON, parse
from ..reading import InputError, read_bytes
from ._remote import fetch, is_url
from ._sources import LINE_SUFFIXES, MAX_DOCUMENT, Entry, Unusable, entries, label

#: Deepest chain of links followed, and most documents read, from one starting path.
MAX_DEPTH = 64
MAX_DOCUMENTS = 1_000_000
FOLLOWED = ("child", "item")
CONTAINERS = ("Catalog", "Collection")


def _read(href: str) -> bytes:
    return fetch(href, MAX_DOCUMENT) if is_url(href) else read_bytes(href, cap=MAX_DOCUMENT)


def _resolve(base: str, href: str) -> str:
    """``href`` as found in the document at ``base`` (a URL or a local path), made absolute."""
    if is_url(href) or is_url(base):
        return urldefrag(urljoin(base, href))[0]
    return os.path.normpath(os.path.join(os.path.dirname(base), href.split("#", 1)[0]))


def _links(document: dict[str, Any], rels: tuple[str, ...]) -> list[str]:
    links = document.get("links")
    if not isinstance(links, list):
        return []
    return [
        link["href"]
        for link in links
        if isinstance(link, dict) and link.get("rel") in rels and isinstance(link.get("href"), str) and link["href"]
    ]


def _features(href: str, document: dict[str, Any]) -> Iterator[Entry]:
    features = document.get("features")
    if not isinstance(features, list):
        yield (href, json.dumps(document).encode())  # judged as it is: its problems are reported
        return
    for index, feature in enumerate(features):
        yield (f"{href}#/features/{index}", json.dumps(feature, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def walk(start: str, recursive: bool, pages: int) -> Iterator[Entry]:
    """Every document reachable from ``start`` (see the module docstring)."""
    seen: set[str] = set()
    stack: list[tuple[str, tuple[str, ...], int]] = [(start if is_url(start) else os.path.normpath(start), (), 1)]
    read = 0
    while stack:
        href, chain, page = stack.pop()
        name = href if is_url(href) else label(href)
        if chain and is_url(chain[-1]) and not is_url(href):
            yield Unusable(name, f"linked from {chain[-1]}: only http(s) links are followed from a URL")
            continue
        if href in chain:
            yield Unusable(name, f"linked from {chain[-1]}, which it links to in turn (a cycle): not read again")
            continue
        if href in seen:
            continue  # reached by another link: judged once
        if len(chain) > MAX_DEPTH or read >= MAX_DOCUMENTS:
            yield Unusable(name, f"past {MAX_DEPTH} links deep or {MAX_DOCUMENTS:,} documents: not read")
            continue
        seen.add(href)
        read += 1
        try:
            data = _read(href)
        except InputError as error:
            where = f" (linked from {chain[-1]})" if chain else ""
            yield Unusable(name, error.reason + where)
            continue
        try:
            document = parse(data)
        except NotJSON:
            yield (name, data)  # judged invalid, with the reason
            continue
        kind = document.get("type") if isinstance(document, dict) else None
        if kind == "FeatureCollection" and isinstance(document, dict):
            yield from _features(name, document)
            following = _links(document, ("next",))
            if following and page < pages:
                stack.append((_resolve(href, following[0]), (*chain, href), page + 1))
            continue
        if kind in CONTAINERS and recursive and isinstance(document, dict):
            if kind != "Catalog":
                yield (name, data)
            targets = [_resolve(href, target) for target in _links(document, FOLLOWED)]
            stack.extend((target, (*chain, href), 1) for target in reversed(targets))
            continue
        yield (name, data)


def sources(paths: list[str], recursive: bool, pages: int) -> Iterator[Entry]:
    """The entries of every path: folders, NDJSON and standard input as ``_sources.entries`` reads them, the
    rest (files and URLs) walked as above."""
    for path in paths:
        if is_url(path) or (os.path.isfile(path) and not path.lower().endswith(LINE_SUFFIXES)):
            yield from walk(path, recursive, pages)
        else:
            yield from entries([path])
