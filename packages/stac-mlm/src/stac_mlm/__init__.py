"""STAC Machine Learning Model (MLM) extension v1.5.2: validation, typed classes, migrations.

Heavy parts are imported on first use, so ``import stac_mlm`` stays fast: ``stac_mlm.parse``, the
typed classes (``stac_mlm.MLMItem``, ``stac_mlm.models``), ``stac_mlm.migrate`` and ``stac_mlm.describe``
load their modules (and pydantic) when first touched.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._schema import SCHEMA_URL, SPEC_VERSION, json_schema
from .check import check
from .describe import describe
from .errors import MLMValidationError
from .validation import Problem, is_valid, validate

__all__ = [
    "SCHEMA_URL",
    "SPEC_VERSION",
    "Description",
    "MLMCollection",
    "MLMItem",
    "MLMValidationError",
    "Migration",
    "Problem",
    "check",
    "describe",
    "describe_torch",
    "is_valid",
    "json_schema",
    "lint",
    "migrate",
    "parse",
    "validate",
]

if TYPE_CHECKING:  # pragma: no cover
    from . import models as models
    from .describe import Description, describe_torch
    from .linting import lint
    from .migration import Migration, migrate
    from .models import MLMCollection, MLMItem, parse

# Attribute -> submodule that provides it (None: the attribute is the submodule), imported on first access.
_LAZY = {
    "parse": "models",
    "MLMItem": "models",
    "MLMCollection": "models",
    "models": None,
    "migrate": "migration",
    "lint": "linting",
    "Migration": "migration",
    "describe_torch": "describe",
    "Description": "describe",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(f"{__name__}.{_LAZY[name] or name}")
        value = module if _LAZY[name] is None else getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'stac_mlm' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
