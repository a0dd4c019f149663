"""pystac integration (``pip install stac-mlm[pystac]``), following pystac 1.15's extension conventions.

>>> from stac_mlm.pystac import StacMLMExtension
>>> mlm = StacMLMExtension.ext(item, add_if_missing=True)
>>> mlm.architecture = "ResNet"
>>> mlm.input[0].input.shape                       # typed objects from the generated classes
[-1, 13, 64, 64]
>>> StacMLMExtension.ext(item.assets["weights"]).artifact_type
'torch.save'
>>> validate(item)                                 # offline, with the bundled schema; raises when invalid

Field accessors are made from the generated classes (``mlm:<field>`` is ``ext.<field>``), so they carry
the same types and checks. Setting ``None`` removes the field, as in pystac. As in pystac, what a getter
returns is live: ``ext.input[0].name = "x"`` or ``ext.tasks.append(...)`` changes the object itself.

``item.ext.mlm`` is pystac-ext-mlm's class (MLM v1.4.0, pystac's own name table); this module's class has
its own name, ``StacMLMExtension``. The hook pystac runs on read (``stac_mlm.pystac_hooks``) migrates
older MLM documents whole or not at all; importing this module also puts the bundled MLM schemas in
pystac's validator cache, so ``item.validate()`` never downloads an MLM schema.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar, overload

import pystac
import pystac.validation
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError
from pystac.extensions.base import (
    ExtensionManagementMixin,
    PropertiesExtension,
    SummariesExtension,
)

from ._generated.models import (
    AssetFieldsAccessors,
    CollectionSummaryFieldsAccessors,
    ConfiguredBaseModel,
    ItemPropertiesAccessors,
)
from ._live import live
from ._schema import SCHEMA_URL, _by_url
from .models import AssetFields, CollectionSummaryFields, ItemProperties
from .pystac_hooks import MLM_EXTENSION_HOOKS, MLMMigrationWarning, StacMLMHooks, _is_mlm_url, register_schemas
from .validation import Problem, declared_versions
from .validation import validate as _validate

__all__ = [
    "MLM_EXTENSION_HOOKS",
    "AssetMLMExtension",
    "CollectionMLMExtension",
    "ItemAssetsMLMExtension",
    "ItemMLMExtension",
    "MLMMigrationWarning",
    "StacMLMExtension",
    "StacMLMHooks",
    "SummariesMLMExtension",
    "register_schema",
    "validate",
]

T = TypeVar("T", pystac.Item, pystac.Collection, pystac.Asset, pystac.ItemAssetDefinition)
PREFIX = "mlm:"

# --- typed field accessors, generated from the model (``_generated/models.py``) ---------------------------


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """Validates one field of a generated class on its own (its type and per-value constraints)."""
    config = ItemProperties.model_config  # the generated classes' settings (enum values, regex engine)
    annotation = model.model_fields[name].rebuild_annotation()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return TypeAdapter(annotation)  # a generated class: it has those settings itself
    return TypeAdapter(
        annotation, config=ConfigDict(use_enum_values=True, regex_engine=config.get("regex_engine", "rust-regex"))
    )


def _sentence(key: str, value: Any, error: ValidationError, description: str | None = None) -> str:
    """A plain sentence for a value an accessor refuses (no validator internals; a pattern is explained
    by the field's description)."""
    reasons: list[str] = []
    for detail in error.errors(include_url=False):
        if detail["type"] == "string_pattern_mismatch" and description:
            reasons.append(f"it should be {description[0].lower()}{description[1:].rstrip('.')}")
        else:
            reasons.append(detail["msg"].replace("Input should", "it should"))
    reasons = list(dict.fromkeys(reasons))
    # a bound or a pattern says more than "not a valid float" from another branch of the same union
    specific = [r for r in reasons if "valid" not in r] or reasons[:1]
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    return f"{key} cannot be set to {shown}: {' or '.join(specific)}."


class StacMLMExtension(Generic[T], PropertiesExtension, ExtensionManagementMixin[pystac.Item | pystac.Collection]):
    """MLM (the head version) on a pystac Item, Collection, Asset or item-assets definition: use
    ``StacMLMExtension.ext``.

    Each ``mlm:<field>`` is a typed property ``<field>`` of the object ``ext`` returns (generated from the
    model): reading gives the checked value (None when absent), setting checks it (a ``ValueError`` in
    plain words when it is refused) and ``None`` removes the field."""

    FIELDS_CLASS: ClassVar[type[ConfiguredBaseModel]]

    def __init__(self, properties: dict[str, Any]) -> None:
        self.properties = properties

    def _get_field(self, name: str) -> object:
        info = self.FIELDS_CLASS.model_fields[name]
        key = info.alias or name
        raw = self._get_property(key, object)
        if raw is None:
            return None
        adapter = _adapter(self.FIELDS_CLASS, name)
        try:
            value = adapter.validate_python(raw, by_alias=True, by_name=False)
        except ValidationError as error:
            message = _sentence(key, raw, error, info.description)
            raise ValueError(message.replace("cannot be set to", "holds")) from None
        if key not in self.properties:  # read from the owning Item: a copy, as an edit belongs there
            return value
        held: list[Any] = []

        def write_back() -> None:  # an edit through the returned value: the field is written again
            self._set_property(key, adapter.dump_python(held[0], mode="json", exclude_unset=True), False)

        held.append(live(value, write_back))
        return held[0]

    def _set_field(self, name: str, value: object) -> None:
        info = self.FIELDS_CLASS.model_fields[name]
        key = info.alias or name
        if value is None:
            self._set_property(key, None)
            return
        adapter = _adapter(self.FIELDS_CLASS, name)
        try:
            checked = adapter.validate_python(value)
        except ValidationError as error:
            raise ValueError(_sentence(key, value, error, info.description)) from None
        self._set_property(key, adapter.dump_python(checked, mode="json", exclude_unset=True), False)

    @classmethod
    def get_schema_uri(cls) -> str:
        """The MLM schema URL this extension writes."""
        return SCHEMA_URL

    @classmethod
    def has_extension(cls, obj: pystac.Item | pystac.Collection) -> bool:
        """True when the object lists this MLM version's schema (not an older one)."""
        return SCHEMA_URL in (obj.stac_extensions or [])

    @classmethod
    def add_to(cls, obj: pystac.Item | pystac.Collection) -> None:
        """List this version's schema URL; an object declaring another MLM version is refused (its fields
        follow that version: ``stac_mlm.migrate`` converts them)."""
        declared = [uri for uri in obj.stac_extensions or [] if _is_mlm_url(uri)]
        other = [uri for uri in declared if uri != SCHEMA_URL]
        if other:
            found = _by_url().get(other[0])
            version = found.version if found else other[0]
            raise pystac.ExtensionNotImplemented(
                f"the {type(obj).__name__} declares MLM {version}, whose fields differ from "
                f"MLM {_by_url()[SCHEMA_URL].version}'s: migrate it first with "
                "stac_mlm.migrate(obj.to_dict()).document (or `stac-mlm migrate`)"
            )
        if SCHEMA_URL not in declared:
            obj.stac_extensions = [*(obj.stac_extensions or []), SCHEMA_URL]

    @classmethod
    def ensure_has_extension(cls, obj: pystac.Item | pystac.Collection, add_if_missing: bool = False) -> None:
        """Raise ``ExtensionNotImplemented`` unless the object lists the MLM schema (added first if asked)."""
        if add_if_missing and not cls.has_extension(obj):
            cls.add_to(obj)
        if not cls.has_extension(obj):
            raise pystac.ExtensionNotImplemented(
                f"the {type(obj).__name__} does not list the MLM schema ({SCHEMA_URL}): "
                "use StacMLMExtension.ext(obj, add_if_missing=True) to add it"
            )

    @overload
    @classmethod
    def ext(cls, obj: pystac.Item, add_if_missing: bool = False) -> ItemMLMExtension: ...

    @overload
    @classmethod
    def ext(cls, obj: pystac.Collection, add_if_missing: bool = False) -> CollectionMLMExtension: ...

    @overload
    @classmethod
    def ext(cls, obj: pystac.Asset, add_if_missing: bool = False) -> AssetMLMExtension: ...

    @overload
    @classmethod
    def ext(cls, obj: pystac.ItemAssetDefinition, add_if_missing: bool = False) -> ItemAssetsMLMExtension: ...

    @classmethod
    def ext(
        cls,
        obj: pystac.Item | pystac.Collection | pystac.Asset | pystac.ItemAssetDefinition,
        add_if_missing: bool = False,
    ) -> ItemMLMExtension | CollectionMLMExtension | AssetMLMExtension | ItemAssetsMLMExtension:
        """The MLM extension of ``obj``; ``add_if_missing`` lists the schema URL on it (or its owner)."""
        if isinstance(obj, pystac.Item):
            cls.ensure_has_extension(obj, add_if_missing)
            return ItemMLMExtension(obj)
        if isinstance(obj, pystac.Collection):
            cls.ensure_has_extension(obj, add_if_missing)
            return CollectionMLMExtension(obj)
        if isinstance(obj, pystac.Asset):
            cls.ensure_owner_has_extension(obj, add_if_missing)
            return AssetMLMExtension(obj)
        if isinstance(obj, pystac.ItemAssetDefinition):
            cls.ensure_owner_has_extension(obj, add_if_missing)
            return ItemAssetsMLMExtension(obj)
        raise pystac.ExtensionTypeError(cls._ext_error_message(obj))

    @classmethod
    def summaries(cls, obj: pystac.Collection, add_if_missing: bool = False) -> SummariesMLMExtension:
        """The MLM summaries of a Collection."""
        cls.ensure_has_extension(obj, add_if_missing)
        return SummariesMLMExtension(obj)

    def _own_fields(self) -> dict[str, Any]:
        return {key: value for key, value in self.properties.items() if key.startswith(PREFIX)}

    def apply(self, fields: ConfiguredBaseModel | dict[str, Any]) -> None:
        """Replace the object's MLM fields by those of ``fields`` (a generated object or a dict of
        ``mlm:`` keys); other keys are left alone."""
        if isinstance(fields, dict):
            fields = self.FIELDS_CLASS.from_dict(fields)
        written = fields.to_dict()
        for key in [key for key in self.properties if key.startswith(PREFIX)]:
            del self.properties[key]
        self.properties.update({key: value for key, value in written.items() if key.startswith(PREFIX)})


class ItemMLMExtension(ItemPropertiesAccessors, StacMLMExtension[pystac.Item]):
    """MLM fields of an Item (in its properties): the model as a whole."""

    FIELDS_CLASS = ItemProperties

    def __init__(self, item: pystac.Item) -> None:
        super().__init__(item.properties)
        self.item = item

    @property
    def fields(self) -> ItemProperties:
        """All MLM fields of the Item as one typed object (a copy: change it, then ``apply`` it)."""
        return ItemProperties.from_dict(self._own_fields())

    def __repr__(self) -> str:
        return f"<ItemMLMExtension Item id={self.item.id}>"


class AssetMLMExtension(AssetFieldsAccessors, StacMLMExtension[pystac.Asset]):
    """MLM fields of an asset. Reads fall back to the owning Item's properties, as in pystac."""

    FIELDS_CLASS = AssetFields

    def __init__(self, asset: pystac.Asset) -> None:
        super().__init__(asset.extra_fields)
        self.asset_href = asset.href
        if isinstance(asset.owner, pystac.Item):
            self.additional_read_properties = [asset.owner.properties]

    @property
    def fields(self) -> AssetFields:
        """All MLM fields of the asset as one typed object (a copy: change it, then ``apply`` it)."""
        return AssetFields.from_dict(self._own_fields())

    def __repr__(self) -> str:
        return f"<AssetMLMExtension Asset href={self.asset_href}>"


class ItemAssetsMLMExtension(AssetFieldsAccessors, StacMLMExtension[pystac.ItemAssetDefinition]):
    """MLM fields of an item-assets definition of a Collection."""

    FIELDS_CLASS = AssetFields

    def __init__(self, item_asset: pystac.ItemAssetDefinition) -> None:
        super().__init__(item_asset.properties)
        self.item_asset = item_asset

    @property
    def fields(self) -> AssetFields:
        """All MLM fields of the definition as one typed object (a copy: change it, then ``apply`` it)."""
        return AssetFields.from_dict(self._own_fields())


class CollectionMLMExtension(CollectionSummaryFieldsAccessors, StacMLMExtension[pystac.Collection]):
    """A Collection using MLM. Its MLM fields live in summaries, assets and item_assets, each with its own
    extension object; top-level ``mlm:`` keys (read here) are not checked by the schema."""

    FIELDS_CLASS = CollectionSummaryFields

    def __init__(self, collection: pystac.Collection) -> None:
        super().__init__(collection.extra_fields)
        self.collection = collection

    @property
    def fields(self) -> CollectionSummaryFields:
        """The Collection's top-level MLM keys as one typed object (a copy: change it, then ``apply`` it)."""
        return CollectionSummaryFields.from_dict(self._own_fields())

    def __repr__(self) -> str:
        return f"<CollectionMLMExtension Collection id={self.collection.id}>"


class SummariesMLMExtension(SummariesExtension):
    """MLM fields in a Collection's summaries. The v1.5.2 schema reads every summary value as an object
    (a range or a JSON Schema), so plain lists of values are refused here (see erratum E5)."""

    @staticmethod
    def _key(field: str) -> str:
        return field if field.startswith(PREFIX) else PREFIX + field

    def get_range(self, field: str) -> pystac.RangeSummary[Any] | None:
        """The range summary of an MLM field (``mlm:`` prefix optional)."""
        return self.summaries.get_range(self._key(field))

    def set_range(self, field: str, value: pystac.RangeSummary[Any] | None) -> None:
        """Set (or, with None, remove) the range summary of an MLM field."""
        self._set_summary(self._key(field), value)

    def get_schema(self, field: str) -> dict[str, Any] | None:
        """The JSON Schema summary of an MLM field (``mlm:`` prefix optional)."""
        return self.summaries.get_schema(self._key(field))

    def set_schema(self, field: str, value: dict[str, Any] | None) -> None:
        """Set (or, with None, remove) the JSON Schema summary of an MLM field; a list is refused."""
        if value is not None and not isinstance(value, dict):
            raise TypeError("an MLM summary must be an object (a range or a JSON Schema), not a list")
        self._set_summary(self._key(field), value)


# --- hooks and validation ---------------------------------------------------------------------------------


def register_schema(validator: Any = None) -> None:
    """Put every bundled MLM schema, under every URL that declares its version, into a pystac validator's
    cache (the registered one by default), so that pystac's own validation never downloads an MLM schema.
    Done for the registered validator on import; call it for a validator you set yourself."""
    register_schemas(validator)


def validate(obj: pystac.STACObject | dict[str, Any] | str | Path) -> list[str]:
    """Validate the MLM part of a pystac object offline through pystac's validator and the bundled schemas.

    The object is judged by the MLM version its ``stac_extensions`` declares, as ``stac_mlm.validate``
    judges a dict (the latest release when it declares none). Returns the schema URLs validated against,
    as ``STACObject.validate`` does, and raises ``pystac.STACValidationError`` when the object is not valid
    MLM; the error's ``source`` holds the problems in plain words (``stac_mlm.Problem``).
    """
    if isinstance(obj, str | Path):
        from .reading import load_json

        document = load_json(obj)
    else:
        document = obj if isinstance(obj, dict) else obj.to_dict(include_self_link=False, transform_hrefs=False)
    versions, unknown, _ = declared_versions(document)
    if unknown:
        raise pystac.STACValidationError(
            "MLM problems:\n" + "\n".join(f"  {problem}" for problem in unknown), source=unknown
        )
    declared = document.get("stac_extensions") or []
    urls = [next((u for u in declared if u in v.urls), v.url) for v in versions] or [SCHEMA_URL]
    validator = pystac.validation.RegisteredValidator.get_validator()
    register_schemas(validator)
    kind = pystac.STACObjectType.COLLECTION if document.get("type") == "Collection" else pystac.STACObjectType.ITEM
    try:
        for url in urls:
            validator.validate_extension(document, kind, str(document.get("stac_version", "")), url)
    except pystac.STACValidationError as error:
        problems: list[Problem] = _validate(document)
        raise pystac.STACValidationError(
            f"{error}\nMLM problems:\n" + "\n".join(f"  {problem}" for problem in problems), source=problems
        ) from error
    return urls


register_schemas()
