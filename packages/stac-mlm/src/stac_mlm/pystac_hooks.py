"""The pystac hook of stac-mlm (entry point ``pystac.extensions``): migration on read that keeps meaning.

pystac calls every registered hook on every ``Item.from_dict`` / ``Collection.from_dict`` (and so
``from_file`` and ``pystac.read_dict``). This hook:

- leaves a document that declares no MLM version, or the head version, untouched (the test for an MLM URL
  is a string prefix check: nothing heavy loads for other documents);
- migrates a document of an older MLM version with ``stac_mlm.migrate`` and, when the migration is
  complete (valid, no placeholder to fill), applies it whole: fields and schema URL together;
- otherwise keeps the document as declared (its fields and its URL) and warns (``MLMMigrationWarning``).

Offline validation: the bundled MLM schemas go into pystac's validator cache when ``pystac.validation``
is first imported (``item.validate()`` imports it), or at once if it already is; not before, so reading
documents never pays for jsonschema.

pystac-ext-mlm registers a hook too, which only rewrites MLM v1.0-v1.3 URLs to its v1.4.0 URL. The two
never both act on one document: this hook undoes a URL change that one made before it ran, and hides the
older MLM URLs from it when it runs after. ``item.ext.mlm`` stays pystac-ext-mlm's class (pystac's own
name table); stac-mlm's accessors are ``stac_mlm.pystac.StacMLMExtension.ext(obj)``.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import warnings
from types import ModuleType
from typing import Any

import pystac
from pystac.extensions.hooks import ExtensionHooks
from pystac.serialization.identify import STACJSONDescription, STACVersionID

from ._schema import SCHEMA_URL, bundle, json_schema, url_heads

__all__ = ["MLM_EXTENSION_HOOKS", "MLMMigrationWarning", "StacMLMHooks", "register_schemas"]


class MLMMigrationWarning(UserWarning):
    """pystac read an older MLM document that stac-mlm cannot migrate completely; it was kept as declared."""


def _is_mlm_url(uri: object) -> bool:
    return isinstance(uri, str) and uri.startswith(url_heads())


class StacMLMHooks(ExtensionHooks):
    """Migrate older MLM Items and Collections on read, fields and URL together, or not at all."""

    schema_uri: str = SCHEMA_URL
    prev_extension_ids: set[str] = set()  # noqa: RUF012 (pystac's type) older URLs are matched by prefix
    stac_object_types: set[pystac.STACObjectType] = {pystac.STACObjectType.ITEM, pystac.STACObjectType.COLLECTION}  # noqa: RUF012

    def has_extension(self, obj: dict[str, Any]) -> bool:
        """Whether the object lists this MLM schema or an older one."""
        return any(_is_mlm_url(uri) for uri in obj.get("stac_extensions") or [])

    def migrate(self, obj: dict[str, Any], version: STACVersionID, info: STACJSONDescription) -> None:
        """Upgrade older MLM schema URLs of the object to this version's."""
        declared = [uri for uri in info.extensions if _is_mlm_url(uri)]
        if declared:
            from ._pystac_migrate import migrate_on_read  # the heavy part, for MLM documents only

            migrate_on_read(obj, info, declared)


MLM_EXTENSION_HOOKS: ExtensionHooks = StacMLMHooks()

_VALIDATION = "pystac.validation"


def register_schemas(validator: Any = None, module: Any = None) -> None:
    """Put every bundled MLM schema, under every URL that declares its version, in a pystac validator's
    cache (by default the one registered in ``module``, ``pystac.validation``), so that pystac never
    downloads an MLM schema."""
    if validator is None:
        try:
            module = module or importlib.import_module("pystac.validation")
            validator = module.RegisteredValidator.get_validator()
        except Exception:  # pystac raises a bare Exception without jsonschema: nothing to fill
            return
    cache = getattr(validator, "schema_cache", None)
    if not isinstance(cache, dict):
        return
    for version in bundle().versions:
        if any(url not in cache for url in version.urls):
            schema = json_schema(version.version)
            for url in version.urls:
                cache.setdefault(url, schema)


def _fill_validator_cache() -> None:
    # the module object itself: while it is being imported, ``pystac.validation`` is not yet an attribute
    register_schemas(module=sys.modules[_VALIDATION])


class _AfterValidationImport(importlib.abc.MetaPathFinder):
    """Runs ``_fill_validator_cache`` once ``pystac.validation`` has been imported (then steps aside)."""

    def find_spec(
        self, fullname: str, path: Any = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _VALIDATION:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        loader = spec.loader if spec is not None else None
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            _fill_validator_cache()

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if _VALIDATION in sys.modules:
    _fill_validator_cache()
else:
    sys.meta_path.insert(0, _AfterValidationImport())


def warn(message: str) -> None:
    """Emit an ``MLMMigrationWarning`` at pystac's caller."""
    warnings.warn(message, MLMMigrationWarning, stacklevel=7)  # at the caller of Item.from_dict
