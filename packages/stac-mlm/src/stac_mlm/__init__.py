"""STAC Machine Learning Model (MLM) extension v1.5.2: validation, typed classes, migrations.

Heavy parts are imported on first use, so ``import stac_mlm`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._schema import SCHEMA_URL, SPEC_VERSION, json_schema
from .validation import Problem, validate

__all__ = ["SCHEMA_URL", "SPEC_VERSION", "Problem", "json_schema", "validate"]

if TYPE_CHECKING:  # pragma: no cover
    pass


_LAZY = {"migrate": ("stac_mlm.migration", "migrate"), "Migration": ("stac_mlm.migration", "Migration")}


def __getattr__(name: str) -> Any:  # lazily exposed parts are added here by later modules
    if name in _LAZY:
        from importlib import import_module

        module, attribute = _LAZY[name]
        return getattr(import_module(module), attribute)
    raise AttributeError(f"module 'stac_mlm' has no attribute {name!r}")
