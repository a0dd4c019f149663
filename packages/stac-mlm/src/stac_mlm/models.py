"""Typed MLM documents: ``parse`` a STAC Item or Collection, change it in Python, write it back.

The classes are generated from the LinkML model (``_generated/models.py``); this module adds the two
document classes and ``parse``. Reading and writing are lossless: ``parse(d).to_dict() == d`` for every
valid document, including keys MLM does not define, explicit nulls, number forms (``1`` vs ``1.0``)
and key order. Python attributes use ``mlm_<field>`` names; the documents keep ``mlm:<field>`` keys.

>>> item = parse(document)                       # raises MLMValidationError when invalid
>>> item.properties.mlm_architecture
'ResNet'
>>> item.to_dict() == document
True
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ._generated import models as _generated
from ._generated.models import *  # noqa: F403 - every generated class and enum (the generated __all__)
from ._generated.models import Collection, Item
from .errors import MLMValidationError
from .pointer import format_pointer
from .validation import Problem, validate

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
    """
    problems = validate(document)
    if problems:
        raise MLMValidationError(problems)
    kind = document.get("type") if isinstance(document, dict) else None
    cls = _CLASSES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        where = "/type" if isinstance(document, dict) else ""
        raise MLMValidationError([Problem(where, 'parse needs a STAC Item ("type": "Feature") or Collection')])
    try:
        return cls.from_dict(document)
    except ValidationError as error:  # the schema accepted it: the classes should too
        raise MLMValidationError(_problems_from(error)) from error
