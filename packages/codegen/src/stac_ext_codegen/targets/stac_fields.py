"""Target: labels and formatting hints for STAC Browser, in the format of ``@radiantearth/stac-fields``
(``fields.json``: ``extensions``, ``metadata``, ``assets``, ``links``), one file per version at the option
``path`` and the newest release's also at ``latest_path``.

Read from the model: a field's ``label`` is its slot's ``title``; ``mapping`` gives the title of each value
of its enumeration (closed or recommended); an element without a title is left to stac-fields' own wording
of the key or value (the tests require titles in every version this repository holds). ``summary`` is
``false`` for objects, ``"r"`` (a range) for numbers and ``"v"`` (the values) otherwise; the slot's LinkML
``unit`` gives ``format`` where stac-fields has a formatter for it (bytes: ``FileSize``), else ``unit`` (its
symbol or UCUM code). Fields allowed at the level the option ``asset_key`` leads to (the STAC ``assets`` key)
are listed under ``assets`` too. The extension's own label is the option ``label``, or the ``header.title`` of
the layout file named by the option ``layout``.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ..jsonschema import dump_json
from ..model import ModelError
from ..resolved import KIND_CLASS, KIND_ENUM, ResolvedModel, ResolvedSlot
from . import Build
from .jsonld import versioned

NUMBERS = {"integer", "number"}
#: UCUM codes that stac-fields formats itself (the unit is then part of the formatted value)
UCUM_FORMATS = {"By": "FileSize"}


def _enum_of(resolved: ResolvedModel, slot: ResolvedSlot) -> str | None:
    enums = [b.range for b in slot.branches if b.kind == KIND_ENUM]
    return enums[0] if enums else slot.recommended


def field_spec(resolved: ResolvedModel, slot: ResolvedSlot, unit: Any) -> dict[str, Any]:
    """The stac-fields entry of one field."""
    spec: dict[str, Any] = {"label": slot.title} if slot.title else {}  # without one stac-fields words the key
    if unit is not None:
        code = getattr(unit, "ucum_code", None)
        if code in UCUM_FORMATS:
            spec["format"] = UCUM_FORMATS[code]
        elif getattr(unit, "symbol", None) or code:
            spec["unit"] = str(unit.symbol or code)
    enum = _enum_of(resolved, slot)
    if enum is not None:
        mapping = {v.value: v.title for v in resolved.enum_map[enum].values if v.title}
        if mapping:  # a value without a title is shown as it is
            spec["mapping"] = mapping
    kinds = {b.kind for b in slot.branches}
    json_types = {resolved.type_map[b.range].json_type for b in slot.branches if b.range in resolved.type_map}
    if KIND_CLASS in kinds or slot.json_map is not None:
        spec["summary"] = False
    elif json_types and json_types <= NUMBERS and not slot.multivalued:
        spec["summary"] = "r"
    else:
        spec["summary"] = "v"
    return spec


def extension_label(build: Build) -> str:
    """The label of the extension entry: the target's `label` option, else the README layout's title."""
    label = build.option("label", None)
    if label is None:
        from ..yamlfile import load_text

        label = load_text(build.read(build.option("layout")))["header"]["title"]
    return str(label)


def build_fields(build: Build, label: str) -> dict[str, Any]:
    """The stac-fields fragment of one version: the extension entry and a spec per field."""
    from ..docs import Docs

    docs = Docs(build.model)
    resolved = docs.resolved
    prefix = resolved.field_prefix
    if not prefix or docs.field_class is None:
        raise ModelError("stac_fields: the model needs a field prefix and a class that declares the fields")
    asset_key = build.option("asset_key", "assets")
    metadata: dict[str, Any] = {}
    assets: dict[str, Any] = {}
    for slot in docs.cls(docs.field_class).slots:
        if not slot.key.startswith(prefix):
            continue
        allowed = [lvl for lvl in docs.levels if docs.cls(lvl).slot_named(slot.name).presence != "forbidden"]
        if not allowed:
            continue
        spec = field_spec(resolved, slot, build.model.view.get_slot(slot.name).unit)
        metadata[slot.key] = spec
        at_asset = any(s.key == asset_key for lvl in allowed for _, s in docs.levels[lvl])
        if at_asset:
            assets[slot.key] = spec
    return {"extensions": {prefix.rstrip(":"): {"label": label}}, "metadata": metadata, "assets": assets, "links": {}}


def fields_text(build: Build) -> str:
    """The fragment as text; a release's comes from the generator's cache (its source is frozen)."""
    from ..versioned import cached_text, index_of

    index, version = index_of(build.model), build.model.version
    label = extension_label(build)
    if index is None or version is None or version.status != "release":
        return dump_json(build_fields(build, label))
    kind = "stac-fields-" + hashlib.sha256(label.encode()).hexdigest()[:8]
    return cached_text(index, version, kind, lambda: dump_json(build_fields(build, label)))


def render(build: Build) -> dict[str, str]:
    """The fragment of every version, and the latest release's at the top level."""
    return versioned(build, fields_text(build))
