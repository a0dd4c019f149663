"""pystac integration (``pip install stac-mlm[pystac]``), following pystac 1.15's extension conventions.

>>> from stac_mlm.pystac import MLMExtension
>>> mlm = MLMExtension.ext(item, add_if_missing=True)
>>> mlm.architecture = "ResNet"
>>> mlm.input[0].input.shape                       # typed objects from the generated classes
[-1, 13, 64, 64]
>>> MLMExtension.ext(item.assets["weights"]).artifact_type
'torch.save'
>>> validate(item)                                 # offline, with the bundled schema; raises when invalid

Field accessors are made from the generated classes (``mlm:<field>`` is ``ext.<field>``), so they carry
the same types and checks. Setting ``None`` removes the field, as in pystac.

Importing this module (or pystac discovering it through the ``pystac.extensions`` entry point) registers
extension hooks: ``pystac.Item.from_dict`` and ``Collection.from_dict`` replace an older MLM schema URL
(v1.0.0-v1.5.1, on the crim-ca or stac-extensions hosts) by the v1.5.2 one, leaving a single MLM URL even
when pystac-ext-mlm's own hook (v1.0-v1.4) runs too. Only the URL changes; ``stac_mlm.migration`` updates
the fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from typing import Annotated, Any, Generic, Literal, TypeVar, cast

import pystac
import pystac.validation
from pydantic import ConfigDict, TypeAdapter
from pystac.extensions.base import (
    ExtensionManagementMixin,
    PropertiesExtension,
    SummariesExtension,
)
from pystac.extensions.hooks import ExtensionHooks
from pystac.serialization.identify import STACJSONDescription, STACVersionID

from ._schema import SCHEMA_URL, json_schema
from .models import AssetFields, CollectionSummaryFields, ItemProperties
from .validation import Problem
from .validation import validate as _validate

__all__ = [
    "MLM_EXTENSION_HOOKS",
    "AssetMLMExtension",
    "CollectionMLMExtension",
    "ItemAssetsMLMExtension",
    "ItemMLMExtension",
    "MLMExtension",
    "MLMExtensionHooks",
    "SummariesMLMExtension",
    "is_older_mlm_url",
    "register_schema",
    "validate",
]

T = TypeVar("T", pystac.Item, pystac.Collection, pystac.Asset, pystac.ItemAssetDefinition)
PREFIX = "mlm:"

# Where earlier MLM versions published their schema (spec notes §2.3: the crim-ca host for v1.0-v1.3,
# stac-extensions.github.io for every version, and the malformed `https://stac-extensions/mlm/` ids).
_MLM_URL = re.compile(
    r"^https?://(?:crim-ca\.github\.io/mlm-extension|stac-extensions\.github\.io/mlm|stac-extensions/mlm)"
    r"/v(\d+)\.(\d+)\.(\d+)/schema\.json#?$"
)
_CURRENT = tuple(int(part) for part in _MLM_URL.match(SCHEMA_URL).groups())  # type: ignore[union-attr]


def is_older_mlm_url(uri: Any) -> bool:
    """True for the schema URL of an MLM version older than this one (1.0.0 <= version < 1.5.2)."""
    match = _MLM_URL.match(uri) if isinstance(uri, str) else None
    return match is not None and (1, 0, 0) <= tuple(int(part) for part in match.groups()) < _CURRENT


def _upgrade_urls(uris: Iterable[Any]) -> list[Any]:
    """Older MLM URLs become this version's, in the place of the first MLM URL; none appears twice."""
    upgraded: list[Any] = []
    for uri in uris:
        if uri == SCHEMA_URL or is_older_mlm_url(uri):
            if SCHEMA_URL not in upgraded:
                upgraded.append(SCHEMA_URL)
        else:
            upgraded.append(uri)
    return upgraded


# --- typed field accessors, made from the generated classes ----------------------------------------------


class _Field:
    """One MLM field of a pystac object, read and written through the type of a generated class's field."""

    def __init__(self, key: str, info: Any) -> None:
        self.key = key
        self.info = info
        self.__doc__ = info.description

    @cached_property
    def adapter(self) -> TypeAdapter[Any]:
        metadata = self.info.metadata
        annotation = Annotated[(self.info.annotation, *metadata)] if metadata else self.info.annotation
        config = ItemProperties.model_config  # the generated classes' settings (enum values, regex engine)
        return TypeAdapter(annotation, config=ConfigDict(use_enum_values=True, regex_engine=config["regex_engine"]))

    def __get__(self, ext: Any, owner: type | None = None) -> Any:
        if ext is None:
            return self
        raw = ext._get_property(self.key, object)
        return None if raw is None else self.adapter.validate_python(raw, by_alias=True, by_name=False)

    def __set__(self, ext: Any, value: Any) -> None:
        if value is None:
            ext._set_property(self.key, None)
            return
        checked = self.adapter.validate_python(value)
        ext._set_property(self.key, self.adapter.dump_python(checked, mode="json", exclude_unset=True), False)


def _with_fields(model: Any) -> Any:
    """Class decorator: one accessor per ``mlm:`` field of a generated class (``mlm:input`` -> ``input``)."""

    def decorate(cls: type) -> type:
        for info in model.model_fields.values():
            if info.alias and info.alias.startswith(PREFIX):
                setattr(cls, info.alias[len(PREFIX) :], _Field(info.alias, info))
        cls._fields_model = model
        return cls

    return decorate


class MLMExtension(Generic[T], PropertiesExtension, ExtensionManagementMixin[pystac.Item | pystac.Collection]):
    """MLM v1.5.2 on a pystac Item, Collection, Asset or item-assets definition. Use ``MLMExtension.ext``."""

    name: Literal["mlm"] = "mlm"
    _fields_model: Any = None

    def __init__(self, properties: dict[str, Any]) -> None:
        self.properties = properties

    @classmethod
    def get_schema_uri(cls) -> str:
        return SCHEMA_URL

    @classmethod
    def has_extension(cls, obj: pystac.Item | pystac.Collection) -> bool:
        """True when the object lists this MLM version's schema (not an older one)."""
        return SCHEMA_URL in (obj.stac_extensions or [])

    @classmethod
    def add_to(cls, obj: pystac.Item | pystac.Collection) -> None:
        """List this version's schema URL, replacing an older MLM URL if there is one."""
        obj.stac_extensions = _upgrade_urls([*(obj.stac_extensions or []), SCHEMA_URL])

    @classmethod
    def ext(cls, obj: T, add_if_missing: bool = False) -> MLMExtension[T]:
        """The MLM extension of ``obj``; ``add_if_missing`` lists the schema URL on it (or its owner)."""
        if isinstance(obj, pystac.Item):
            cls.ensure_has_extension(obj, add_if_missing)
            return cast(MLMExtension[T], ItemMLMExtension(obj))
        if isinstance(obj, pystac.Collection):
            cls.ensure_has_extension(obj, add_if_missing)
            return cast(MLMExtension[T], CollectionMLMExtension(obj))
        if isinstance(obj, pystac.Asset):
            cls.ensure_owner_has_extension(obj, add_if_missing)
            return cast(MLMExtension[T], AssetMLMExtension(obj))
        if isinstance(obj, pystac.ItemAssetDefinition):
            cls.ensure_owner_has_extension(obj, add_if_missing)
            return cast(MLMExtension[T], ItemAssetsMLMExtension(obj))
        raise pystac.ExtensionTypeError(cls._ext_error_message(obj))

    @classmethod
    def summaries(cls, obj: pystac.Collection, add_if_missing: bool = False) -> SummariesMLMExtension:
        """The MLM summaries of a Collection."""
        cls.ensure_has_extension(obj, add_if_missing)
        return SummariesMLMExtension(obj)

    @property
    def fields(self) -> Any:
        """All MLM fields of the object as one typed object (a copy: change it, then ``apply`` it)."""
        own = {key: value for key, value in self.properties.items() if key.startswith(PREFIX)}
        return self._fields_model.from_dict(own)

    def apply(self, fields: Any) -> None:
        """Replace the object's MLM fields by those of ``fields`` (a generated object or a dict of
        ``mlm:`` keys); other keys are left alone."""
        if isinstance(fields, dict):
            fields = self._fields_model.from_dict(fields)
        written = fields.to_dict()
        for key in [key for key in self.properties if key.startswith(PREFIX)]:
            del self.properties[key]
        self.properties.update({key: value for key, value in written.items() if key.startswith(PREFIX)})


@_with_fields(ItemProperties)
class ItemMLMExtension(MLMExtension[pystac.Item]):
    """MLM fields of an Item (in its properties): the model as a whole."""

    def __init__(self, item: pystac.Item) -> None:
        super().__init__(item.properties)
        self.item = item

    def __repr__(self) -> str:
        return f"<ItemMLMExtension Item id={self.item.id}>"


@_with_fields(AssetFields)
class AssetMLMExtension(MLMExtension[pystac.Asset]):
    """MLM fields of an asset. Reads fall back to the owning Item's properties, as in pystac."""

    def __init__(self, asset: pystac.Asset) -> None:
        super().__init__(asset.extra_fields)
        self.asset_href = asset.href
        if isinstance(asset.owner, pystac.Item):
            self.additional_read_properties = [asset.owner.properties]

    def __repr__(self) -> str:
        return f"<AssetMLMExtension Asset href={self.asset_href}>"


@_with_fields(AssetFields)
class ItemAssetsMLMExtension(MLMExtension[pystac.ItemAssetDefinition]):
    """MLM fields of an item-assets definition of a Collection."""

    def __init__(self, item_asset: pystac.ItemAssetDefinition) -> None:
        super().__init__(item_asset.properties)
        self.item_asset = item_asset


@_with_fields(CollectionSummaryFields)
class CollectionMLMExtension(MLMExtension[pystac.Collection]):
    """A Collection using MLM. Its MLM fields live in summaries, assets and item_assets, each with its own
    extension object; top-level ``mlm:`` keys (read here) are not checked by the schema."""

    def __init__(self, collection: pystac.Collection) -> None:
        super().__init__(collection.extra_fields)
        self.collection = collection

    def __repr__(self) -> str:
        return f"<CollectionMLMExtension Collection id={self.collection.id}>"


class SummariesMLMExtension(SummariesExtension):
    """MLM fields in a Collection's summaries. The v1.5.2 schema reads every summary value as an object
    (a range or a JSON Schema), so plain lists of values are refused here (see erratum E5)."""

    @staticmethod
    def _key(field: str) -> str:
        return field if field.startswith(PREFIX) else PREFIX + field

    def get_range(self, field: str) -> pystac.RangeSummary[Any] | None:
        return self.summaries.get_range(self._key(field))

    def set_range(self, field: str, value: pystac.RangeSummary[Any] | None) -> None:
        self._set_summary(self._key(field), value)

    def get_schema(self, field: str) -> dict[str, Any] | None:
        return self.summaries.get_schema(self._key(field))

    def set_schema(self, field: str, value: dict[str, Any] | None) -> None:
        if value is not None and not isinstance(value, dict):
            raise TypeError("an MLM summary must be an object (a range or a JSON Schema), not a list")
        self._set_summary(self._key(field), value)


# --- hooks and validation ---------------------------------------------------------------------------------


class MLMExtensionHooks(ExtensionHooks):
    """Upgrade older MLM schema URLs to v1.5.2 when pystac reads an Item or Collection."""

    schema_uri: str = SCHEMA_URL
    prev_extension_ids: frozenset[str] = frozenset()  # matched by pattern instead: ``is_older_mlm_url``
    stac_object_types = frozenset({pystac.STACObjectType.ITEM, pystac.STACObjectType.COLLECTION})

    def has_extension(self, obj: dict[str, Any]) -> bool:
        return any(uri == SCHEMA_URL or is_older_mlm_url(uri) for uri in obj.get("stac_extensions") or [])

    def migrate(self, obj: dict[str, Any], version: STACVersionID, info: STACJSONDescription) -> None:
        if not self.has_extension(obj):
            return
        obj["stac_extensions"] = _upgrade_urls(obj["stac_extensions"])
        # pystac-ext-mlm's hook looks for its older URLs in this original list and, not finding them in
        # the object any more, would append its own v1.4.0 URL: show it the upgraded list.
        info.extensions = _upgrade_urls(info.extensions)


MLM_EXTENSION_HOOKS: ExtensionHooks = MLMExtensionHooks()


def _register_hooks() -> None:
    if SCHEMA_URL not in pystac.EXTENSION_HOOKS.hooks:
        pystac.EXTENSION_HOOKS.add_extension_hooks(MLM_EXTENSION_HOOKS)


def register_schema(validator: Any = None) -> None:
    """Put the bundled schema into a pystac validator's cache (the registered one by default), so that
    pystac's own validation never downloads the MLM schema."""
    validator = validator or pystac.validation.RegisteredValidator.get_validator()
    cache = getattr(validator, "schema_cache", None)
    if cache is not None:
        cache.setdefault(SCHEMA_URL, json_schema())


def validate(obj: pystac.STACObject | dict[str, Any]) -> list[str]:
    """Validate the MLM part of a pystac object offline through pystac's validator and the bundled schema.

    Returns the schema URLs validated against, as ``STACObject.validate`` does, and raises
    ``pystac.STACValidationError`` when the object is not valid MLM; the error's ``source`` holds the
    problems in plain words (``stac_mlm.Problem``).
    """
    document = obj if isinstance(obj, dict) else obj.to_dict(include_self_link=False, transform_hrefs=False)
    validator = pystac.validation.RegisteredValidator.get_validator()
    register_schema(validator)
    kind = pystac.STACObjectType.COLLECTION if document.get("type") == "Collection" else pystac.STACObjectType.ITEM
    try:
        validator.validate_extension(document, kind, str(document.get("stac_version", "")), SCHEMA_URL)
    except pystac.STACValidationError as error:
        problems: list[Problem] = _validate(document)
        raise pystac.STACValidationError(
            f"{error}\nMLM problems:\n" + "\n".join(f"  {problem}" for problem in problems), source=problems
        ) from error
    return [SCHEMA_URL]


_register_hooks()
