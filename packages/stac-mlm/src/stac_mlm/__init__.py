"""STAC Machine Learning Model (MLM) extension v1.5.2: validation, typed classes, migrations.

Heavy parts are imported on first use, so ``import stac_mlm`` stays fast: ``stac_mlm.parse``, the
typed classes (``stac_mlm.MLMItem``, ``stac_mlm.models``), ``stac_mlm.migrate`` and ``stac_mlm.describe``
load their modules (and pydantic) when first touched.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from .errors import MLMValidationError

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
    from ._schema import SCHEMA_URL, SPEC_VERSION, json_schema
    from .check import check
    from .describe import Description, describe, describe_torch
    from .linting import lint
    from .migration import Migration, migrate
    from .models import MLMCollection, MLMItem, parse
    from .validation import Problem, is_valid, validate

# Attribute -> submodule that provides it (None: the attribute is the submodule), imported on first access.
# Even the validator loads on first use: pystac imports ``stac_mlm.pystac_hooks`` (and so this package)
# whenever it reads a document, MLM or not.
_LAZY = {
    "SCHEMA_URL": "_schema",
    "SPEC_VERSION": "_schema",
    "json_schema": "_schema",
    "Problem": "validation",
    "is_valid": "validation",
    "validate": "validation",
    "parse": "models",
    "MLMItem": "models",
    "MLMCollection": "models",
    "models": None,
    "migrate": "migration",
    "lint": "linting",
    "Migration": "migration",
    "describe_torch": "describe",
    "Description": "describe",
    "check": "check",
    "describe": "describe",
}
#: Submodules that share their name with the function the package exposes.
_CALLABLE = ("check", "describe")


class _Package(types.ModuleType):
    """When the import system binds the submodule ``check`` or ``describe`` on the package (however it was
    first imported), the package keeps the function of that name instead, so both stay lazy."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _CALLABLE and isinstance(value, types.ModuleType):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(f"{__name__}.{_LAZY[name] or name}")
        value = module if _LAZY[name] is None else getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'stac_mlm' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
