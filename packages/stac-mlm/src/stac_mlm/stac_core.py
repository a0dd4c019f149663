"""The rest of "valid": the STAC core schema and the other extensions a document lists, checked offline.

MLM's schema checks MLM's fields only. ``check`` also runs, where a local copy exists, the STAC core schema
of the document's ``stac_version`` and the schema of every other extension in ``stac_extensions``. Local
copies come from:

- pystac, when installed (``stac-mlm[pystac]``): it bundles the STAC 1.1.0 core and GeoJSON schemas;
- folders given by the caller (``--schemas DIR``) or listed in the ``STAC_MLM_SCHEMAS`` environment
  variable (separated like ``PATH``): every ``*.json`` below them whose ``$id`` is the schema's URL.

Nothing is downloaded: a schema with no local copy is reported as not checked (a warning, not a problem).

``conflicts`` names, without any of that, the known cases where MLM accepts what STAC core rejects
(docs/errata.md), so a plain MLM check can warn about them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

from ._schema import _by_url, parsed
from .problems import TOO_DEEP, Problem, _show
from .reading import InputError, load_json

__all__ = ["ENV", "StacCheck", "check", "conflicts", "extend", "local_schemas", "stac_folders"]

#: Folders of local schema copies, separated like PATH.
ENV = "STAC_MLM_SCHEMAS"
_CORE = "{stac}v{version}/{kind}-spec/json-schema/{kind}.json"
_KINDS = {"Feature": "item", "Collection": "collection", "Catalog": "catalog"}
_EO = "https://stac-extensions.github.io/eo/"
_STAC = "https://schemas.stacspec.org/"


@dataclass(frozen=True)
class _Conflict:
    """Band definitions MLM's rule R7 reads from the Item properties alone, which a STAC schema accepts
    there only when some asset lists them too (erratum E15)."""

    key: str  # the properties key
    schema: str  # the schema that rejects it, as a message names it
    prefix: str  # how that schema's URL starts
    applies: Callable[[dict[str, Any]], bool]

    def message(self) -> str:
        return (
            f"MLM accepts `{self.key}` in the Item properties when no asset lists `{self.key}` (rule R7 reads them "
            f"there), but the {self.schema} rejects it: list them on the model asset too (erratum E15)"
        )


def _lists_eo(document: dict[str, Any]) -> bool:
    extensions = document.get("stac_extensions")
    return isinstance(extensions, list) and any(isinstance(u, str) and u.startswith(_EO) for u in extensions)


_CONFLICTS = (
    _Conflict("bands", "STAC 1.1 core Item schema", _STAC, lambda document: True),
    _Conflict("eo:bands", "eo extension schema", _EO, _lists_eo),
)


def _conflicts(document: Any) -> list[_Conflict]:
    if not isinstance(document, dict) or document.get("type") != "Feature":
        return []
    properties, assets = document.get("properties"), document.get("assets")
    if not (isinstance(properties, dict) and isinstance(assets, dict)):
        return []
    return [
        conflict
        for conflict in _CONFLICTS
        if conflict.key in properties
        and conflict.applies(document)
        and not any(isinstance(asset, dict) and conflict.key in asset for asset in assets.values())
    ]


def conflicts(document: Any) -> list[str]:
    """Known ways ``document`` satisfies MLM but not STAC core or an extension it lists (cheap: no schema
    is run)."""
    return [conflict.message() for conflict in _conflicts(document)]


@dataclass
class StacCheck:
    """What the STAC schemas said: ``problems`` (the document is invalid STAC) and ``unchecked``
    (schemas with no local copy, so not run), plus the URLs that were checked."""

    problems: list[Problem] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    def warnings(self) -> list[str]:
        return [f"not checked offline: {url} (no local copy; see --schemas or {ENV})" for url in self.unchecked]


def _folders(schemas: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None) -> tuple[str, ...]:
    if schemas is None:
        given: list[str] = []
    elif isinstance(schemas, str | os.PathLike):
        given = [os.fspath(schemas)]
    else:
        given = [os.fspath(folder) for folder in schemas]
    from_env = [part for part in os.environ.get(ENV, "").split(os.pathsep) if part]
    return tuple(given + from_env)


@cache
def _pystac_schemas() -> dict[str, Any]:
    try:
        from pystac.validation.local_validator import get_local_schema_cache
    except ImportError:  # pystac (or its jsonschema) is not installed
        return {}
    return dict(get_local_schema_cache())


@cache
def local_schemas(folders: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every schema available offline, by URL: pystac's, the bundled MLM ones and those in ``folders``."""
    found = dict(_pystac_schemas())
    for folder in folders:
        root = Path(folder)
        if not root.is_dir():
            raise InputError(folder, "not a folder of JSON Schemas")
        for path in sorted(root.rglob("*.json")):
            schema = load_json(path)
            url = schema.get("$id") if isinstance(schema, dict) else None
            if isinstance(url, str) and url:
                found.setdefault(url.rstrip("#"), schema)
    for url, version in _by_url().items():
        found.setdefault(url, parsed(version.version))
    return found


@cache
def _validator(url: str, folders: tuple[str, ...]) -> Any:
    schemas = local_schemas(folders)

    def retrieve(uri: str) -> Any:
        key = uri.split("#")[0]
        if key not in schemas:
            raise KeyError(f"{key} has no local copy")
        return schemas[key]

    return jsonschema_rs.validator_for(schemas[url], retriever=retrieve)


_LONGEST = 300
_MISSING = re.compile(r"Resource '([^']+)' is not present in a registry")


def _message(error: Any) -> str:
    """The validator's message, quoting the value briefly (it starts with the whole value as JSON)."""
    text = str(error.message)
    whole = json.dumps(error.instance, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    if text.startswith(whole):
        text = _show(error.instance) + text[len(whole) :]
    return text if len(text) <= _LONGEST else text[: _LONGEST - 3] + "..."


def _path(error: Any) -> str:
    return "".join(f"/{str(part).replace('~', '~0').replace('/', '~1')}" for part in error.instance_path)


def check(document: Any, schemas: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None) -> StacCheck:
    """Run the STAC core schema and every non-MLM extension schema ``document`` lists, offline."""
    result = StacCheck()
    if not isinstance(document, dict) or document.get("type") not in _KINDS:
        return result
    folders = _folders(schemas)
    available = local_schemas(folders)
    core = _CORE.format(stac=_STAC, version=document.get("stac_version"), kind=_KINDS[document["type"]])
    extensions = document.get("stac_extensions")
    others = (
        [url for url in extensions if isinstance(url, str) and url not in _by_url()]
        if isinstance(extensions, list)
        else []
    )
    found = {f"/properties/{conflict.key}": conflict for conflict in _conflicts(document)}
    for url in dict.fromkeys([core, *others]):
        if url not in available:
            result.unchecked.append(url)
            continue
        result.checked.append(url)
        what = "STAC core" if url == core else f"extension {url}"
        try:
            errors = list(_validator(url, folders).iter_errors(document))
        except (ValueError, RecursionError) as failed:
            needed = _MISSING.search(str(failed))
            if needed:  # the schema refers to another one that has no local copy
                result.checked.remove(url)
                result.unchecked.append(f"{url} (it refers to {needed.group(1)})")
            else:  # the validator's own nesting limit
                result.problems.append(Problem("", f"cannot be checked against the {what} schema: {TOO_DEEP}"))
            continue
        for error in errors:
            path = _path(error)
            if path in found:
                continue  # said in plain words below
            result.problems.append(Problem(path, f"rejected by the {what} schema: {_message(error)}"))
        if errors:
            said = [path for path, conflict in found.items() if url.startswith(conflict.prefix)]
            result.problems += [Problem(path, found[path].message()) for path in said]
    result.problems.sort(key=lambda p: (p.path, p.message))
    return result


def stac_folders(given: Iterable[str] | None) -> tuple[str, ...] | str:
    """The folders of schema copies for ``--stac`` (given, then ``STAC_MLM_SCHEMAS``), each read once
    now; or why one cannot be used (one line)."""
    folders = _folders(list(given or ()))
    try:
        local_schemas(folders)
    except InputError as error:
        return str(error)
    return folders


def extend(
    document: Any, errors: list[dict[str, str]], warnings: list[str], stac: tuple[str, ...] | None
) -> tuple[list[dict[str, str]], list[str]]:
    """A verdict record's errors and warnings with the STAC checks added (``stac``: folders of copies,
    None for none: then only the known conflicts of a valid document, as warnings)."""
    if stac is None:
        return errors, (warnings + conflicts(document)) if not errors else warnings
    found = check(document, stac)
    return errors + [problem.to_dict() for problem in found.problems], warnings + found.warnings()
