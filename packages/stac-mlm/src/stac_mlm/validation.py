"""Offline validation against the bundled schemas, reported as problems in plain words.

Each document is judged by the MLM version its ``stac_extensions`` declares (any known host or spelling of
the schema URL), or by a version the caller names; a document that declares none is judged by the latest
release, as the official schema of that release would judge it. The messages are built in ``problems``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ._schema import MLMVersion, _by_url, bundle, unknown_version, version_in_url
from .problems import TOO_DEEP, Problem, _show, _validator, schema_problems, show_path

#: Folders of local schema copies for ``stac=True`` (see ``stac_core``).
Schemas = str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None

__all__ = ["TOO_DEEP", "Problem", "Verdict", "is_valid", "judge", "show_path", "validate"]


@dataclass(frozen=True, slots=True)
class Verdict:
    """How a document was judged: the MLM versions whose schema judged it (none when the version it
    declares is unknown), its problems, and warnings that do not make it invalid."""

    versions: tuple[str, ...]
    problems: list[Problem]
    warnings: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


def _releases() -> str:
    releases = [v.version for v in bundle().versions if v.status == "release"]
    return releases[0] if len(releases) == 1 else f"{releases[0]} to {releases[-1]}"


def declared_versions(document: Any) -> tuple[list[MLMVersion], list[Problem], list[str]]:
    """The MLM versions ``document`` declares in ``stac_extensions``, problems for MLM URLs of versions
    that do not exist, and warnings (a draft version)."""
    extensions = document.get("stac_extensions") if isinstance(document, dict) else None
    if not isinstance(extensions, list):
        return [], [], []
    found: list[MLMVersion] = []
    problems: list[Problem] = []
    warnings: list[str] = []
    by_url = _by_url()
    for index, url in enumerate(extensions):
        if not isinstance(url, str):
            continue
        version = by_url.get(url)
        if version is not None:
            if version not in found:
                found.append(version)
                if version.status == "draft":
                    warnings.append(
                        f"MLM {version.version} is a draft, not a release: judged by the draft's schema, "
                        "whose rules may still change"
                    )
            continue
        declared = version_in_url(url)
        if declared:
            latest = bundle().latest
            problems.append(
                Problem(
                    f"/stac_extensions/{index}",
                    f"declares MLM {declared}, which is not a release of MLM (releases: {_releases()}), so "
                    f"there is no schema to judge the document by; `stac-mlm migrate` rewrites it for MLM {latest}",
                )
            )
    return found, problems, warnings


def single_release(document: Any) -> str | None:
    """The version of an MLM Item or Collection that declares exactly one released MLM version and no
    MLM URL of a version that does not exist (the common case, checked without building a verdict)."""
    if type(document) is not dict or document.get("type") not in ("Feature", "Collection"):
        return None
    extensions = document.get("stac_extensions")
    if type(extensions) is not list:
        return None
    try:
        return _single_release(tuple(extensions))
    except TypeError:  # an entry that is not a string (an object): the slow path says what is wrong
        return None


@lru_cache(maxsize=4096)
def _single_release(extensions: tuple[Any, ...]) -> str | None:
    by_url = _by_url()
    found: MLMVersion | None = None
    for url in extensions:
        version = by_url.get(url) if type(url) is str else None
        if version is None:
            if type(url) is str and version_in_url(url):
                return None
        elif found is None:
            found = version
        elif version is not found:
            return None
    return found.version if found is not None and found.status == "release" else None


def is_mlm_document(document: Any) -> bool:
    """True for a JSON object that is a STAC Item or Collection, the documents MLM applies to."""
    return isinstance(document, dict) and document.get("type") in ("Feature", "Collection")


def _not_mlm(document: Any, required: bool) -> str:
    kind = document.get("type") if isinstance(document, dict) else None
    said = "it has no `type`" if kind is None else f"its `type` is {_show(kind)}"
    if required:
        return f"not an MLM Item or Collection ({said}), and an MLM document is required here"
    return f"not an MLM Item or Collection ({said}): the MLM schema checks nothing in it"


def judge(
    document: Any,
    mlm_version: str | None = None,
    require_mlm: bool = False,
    *,
    known_invalid: bool = False,
    stac: bool = False,
    schemas: Schemas = None,
) -> Verdict:
    """Judge ``document`` by the MLM version it declares (or ``mlm_version``, e.g. ``"v1.5.2"``).

    A document declaring no MLM version is judged by the latest release. ``require_mlm`` makes a JSON
    object that is not an Item or Collection invalid (by default it keeps the schema's verdict, valid,
    with a warning). Raises ``ValueError`` for an ``mlm_version`` the package does not hold.
    ``known_invalid``: the caller found the document invalid under the one version it declares (skips
    checking that again). ``stac``: also run the STAC core schema and the other extensions' schemas
    where local copies exist (``stac_core.check``; ``schemas`` names folders of copies); schemas not
    checked are warnings. Without it, a known MLM-versus-STAC-core conflict is a warning.
    """
    if mlm_version is not None:
        forced = bundle().get(mlm_version)
        if forced is None:
            raise ValueError(unknown_version(mlm_version))
        versions, problems, warnings = [forced], list[Problem](), list[str]()
    else:
        versions, problems, warnings = declared_versions(document)
        if not versions and not problems:
            latest = bundle().get(bundle().latest)
            versions = [latest] if latest is not None else []
    for version in versions:
        problems = problems + schema_problems(document, version.version, known_invalid and len(versions) == 1)
    if len(versions) > 1:  # judged by several versions: one problem listed once
        problems = sorted({(p.path, p.message): p for p in problems}.values(), key=lambda p: (p.path, p.message))
    if not problems and isinstance(document, dict) and not is_mlm_document(document):
        if require_mlm:
            problems = [Problem("", _not_mlm(document, required=True))]
        else:
            warnings = [*warnings, _not_mlm(document, required=False)]
    if stac:
        from .stac_core import check

        found = check(document, schemas)
        problems, warnings = problems + found.problems, warnings + found.warnings()
    elif not problems:
        from .stac_core import conflicts

        warnings = warnings + conflicts(document)
    return Verdict(tuple(v.version for v in versions), problems, warnings)


def _as_document(document: Any) -> Any:
    """A path (``os.PathLike``) is read as JSON; a pystac object gives its dict; anything else is as given."""
    if isinstance(document, os.PathLike):
        from .reading import load_json

        return load_json(document)
    to_dict = getattr(document, "to_dict", None)
    if callable(to_dict) and hasattr(document, "stac_extensions"):  # a pystac Item or Collection
        return to_dict(include_self_link=False, transform_hrefs=False)
    return document


def validate(
    document: Any,
    mlm_version: str | None = None,
    require_mlm: bool = False,
    *,
    stac: bool = False,
    schemas: Schemas = None,
) -> list[Problem]:
    """Check a STAC document against MLM; return the problems (an empty list when valid).

    The document is judged by the MLM version its ``stac_extensions`` declares (``mlm_version`` forces
    one; see ``judge``). Works offline with the bundled schemas. The document is any JSON value already
    parsed into Python (a dict for an Item or Collection), a pystac Item or Collection, or a path
    (``pathlib.Path``) to a JSON file. ``stac=True`` also checks STAC core and the other extensions it
    lists, offline (see ``judge``; ``judge(...).warnings`` lists what could not be checked).
    Problems are ordered by their path.
    """
    document = _as_document(document)
    if stac:
        return judge(document, mlm_version, require_mlm, stac=True, schemas=schemas).problems
    version = single_release(document) if mlm_version is None else None
    if version is not None:
        if _validator(version).is_valid(document):
            return []
        return judge(document, known_invalid=True).problems
    return judge(document, mlm_version, require_mlm).problems


def is_valid(document: Any, mlm_version: str | None = None, require_mlm: bool = False) -> bool:
    """True when the document is valid MLM (faster than ``validate`` when you need no details)."""
    document = _as_document(document)
    version = single_release(document) if mlm_version is None else None
    if version is not None:
        return bool(_validator(version).is_valid(document))
    return judge(document, mlm_version, require_mlm).valid
