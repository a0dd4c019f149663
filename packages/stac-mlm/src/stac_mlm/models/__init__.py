"""Typed MLM documents: ``parse`` a STAC Item or Collection, change it in Python, write it back.

The classes are generated from the LinkML model (the latest release's); this module adds the two
document classes and ``parse``. Reading and writing are lossless: ``parse(d).to_dict() == d`` for every
valid document, including keys MLM does not define, explicit nulls, number forms (``1`` vs ``1.0``)
and key order. Python attributes use ``mlm_<field>`` names; the documents keep ``mlm:<field>`` keys.

>>> item = parse(document)                       # raises MLMValidationError when invalid
>>> item.properties.mlm_architecture
'ResNet'
>>> item.to_dict() == document
True

The classes here are those of the latest release. Every version the package holds keeps its own classes:
``stac_mlm.models.v1_5_2`` (one generated module per version, imported when first used; a draft's too),
e.g. ``from stac_mlm.models.v1_5_2 import Item``. ``parse`` reads a document with the classes of the
version it declares.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType
from typing import Any

from pydantic import ValidationError

from .._generated import models as _generated
from .._generated import releases as _releases
from .._generated.models import *  # noqa: F403 - every generated class and enum (the generated __all__)
from .._generated.models import Collection, Item
from ..errors import MLMValidationError
from ..pointer import format_pointer
from ..validation import Problem, declared_versions, validate

# The generated names, Item and Collection being replaced by the document classes below.
__all__ = [name for name in _generated.__all__ if name not in {Item.__name__, Collection.__name__}]
__all__ += ["MLMCollection", "MLMItem", "parse"]


class _Document:
    """What MLM Items and Collections add to the generated classes."""

    def problems(self) -> list[Problem]:
        """Validate the document this object writes (``validate(self.to_dict())``)."""
        return validate(self.to_dict())  # type: ignore[attr-defined]


class MLMItem(_Document, Item):
    """A STAC Item that describes a model. STAC keys MLM does not define (``id``, ``geometry``, ``links``...)
    are kept as they are; read them with ``item.model_extra``."""


class MLMCollection(_Document, Collection):
    """A STAC Collection carrying MLM fields in its summaries, assets or item_assets."""


_CLASSES: dict[str, type[MLMItem] | type[MLMCollection]] = {"Feature": MLMItem, "Collection": MLMCollection}


def _problems_from(error: ValidationError) -> list[Problem]:
    found = []
    for detail in error.errors():
        path = format_pointer([*detail["loc"]])
        found.append(Problem(path, detail["msg"]))
    return found


def parse(document: Any) -> MLMItem | MLMCollection:
    """Read an MLM Item or Collection (a dict parsed from JSON) into typed objects.

    Raises ``MLMValidationError`` (a ``ValueError``) carrying the problems ``validate()`` reports when the
    document is not valid MLM, or a single problem when it is neither an Item nor a Collection. The input
    is not modified (values MLM leaves untyped, such as ``geometry``, are shared with it, not copied).
    A document declaring another version than the latest release is read with that version's classes (an
    ``MLMItem`` / ``MLMCollection`` of ``stac_mlm.models.v<version>``, with the same methods).
    """
    problems = validate(document)
    if problems:
        raise MLMValidationError(problems)
    kind = document.get("type") if isinstance(document, dict) else None
    cls = _CLASSES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        where = "/type" if isinstance(document, dict) else ""
        raise MLMValidationError([Problem(where, 'parse needs a STAC Item ("type": "Feature") or Collection')])
    chosen = _classes_for(document, cls)
    try:
        parsed: MLMItem | MLMCollection = chosen.from_dict(document)  # the declared version's classes
        return parsed
    except ValidationError as error:  # the schema accepted it: the classes should too
        raise MLMValidationError(_problems_from(error)) from error


def __getattr__(name: str) -> ModuleType:
    """``stac_mlm.models.v1_5_2``: the classes of one version the package holds (its generated module here)."""
    if name in _releases.MODULES.values():
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _classes_for(document: dict[str, Any], head: type[MLMItem] | type[MLMCollection]) -> type[Any]:
    """The document class of the one version ``document`` declares; the latest release's (``head``) otherwise."""
    declared = declared_versions(document)[0]
    if len(declared) != 1 or declared[0].version == _releases.LATEST_RELEASE:
        return head
    return _version_document(declared[0].version, head.__name__)


@cache
def _version_document(version: str, name: str) -> type[Any]:
    """``MLMItem`` / ``MLMCollection`` built on the classes of ``version``."""
    base = getattr(_releases.classes(version), (Item if name == MLMItem.__name__ else Collection).__name__)
    return type(name, (_Document, base), {"__module__": __name__, "__doc__": f"{name} of MLM {version}."})
