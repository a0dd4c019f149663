"""Hypothesis strategies for MLM documents, derived from the source model (schema/).

- ``values(field)`` / ``objects(class)``: JSON values for any slot or class of the LinkML model,
  honouring range, enum, pattern, bounds, cardinality, uniqueness, nullability, one-or-many, JSON
  maps, required and forbidden (``ABSENT``) fields, extra-key patterns and class rules.
- ``documents()``: MLM Items and Collections, valid by construction: the entry-point classes of the
  model are generated, then every cross-object rule of ``rules.yaml`` is satisfied (``SATISFY``,
  one function per rule id, using the data in ``hints.py``).
- ``near_misses()``: a valid document with exactly one thing broken: a field-level constraint read
  from the model (``FIELD_BREAKS``), or one cross-object rule (``BREAK``). Each near miss says what
  was broken, so properties can reason about which checker should notice.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st
from stac_ext_codegen.pointers import join_pointer

from . import hints
from .model import ClassInfo, Field, model

Doc = dict[str, Any]
Path = tuple[str | int, ...]
M = model()

# --------------------------------------------------------------------------------------------------
# Values and objects of the model
# --------------------------------------------------------------------------------------------------

MAX_LIST = 3
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
json_values = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def canonical(value: Any) -> Any:
    """A hashable form under which JSON Schema's `uniqueItems` considers two values equal."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if isinstance(value, int | float):
        return ("number", float(value))
    if isinstance(value, list):
        return ("array", tuple(canonical(v) for v in value))
    return ("object", tuple(sorted((k, canonical(v)) for k, v in value.items())))


#: Characters used to build strings that must match a pattern. Python's `re` (used by python-jsonschema
#: and by Hypothesis) and ECMA-262 (the JSON Schema dialect, used by jsonschema-rs) disagree on `\d`,
#: `\s`, `.` and `$` outside printable ASCII; documents meant to be valid under both stay inside it
#: (plus a few letters that mean the same to both). ``wide=True`` strategies use any character.
PATTERN_ALPHABET = st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.sampled_from("éßø中")


_NAME = st.from_regex(r"\A[a-z][a-z0-9]{0,7}\Z")
#: Strings of each shape a built-in LinkML type gives a string (``BUILTIN_TYPES`` in model.py).
FORMATS: dict[str, st.SearchStrategy[str]] = {
    "uri": _NAME.map(lambda s: f"https://example.org/{s}"),
    "curie": _NAME.map(lambda s: f"ex:{s}"),
    "uriorcurie": _NAME.flatmap(lambda s: st.sampled_from([f"ex:{s}", f"https://example.org/{s}"])),
    "ncname": st.from_regex(r"\A[A-Za-z_][A-Za-z0-9_.-]{0,10}\Z"),
    "date": st.dates().map(lambda d: d.isoformat()),
    "datetime": st.datetimes(timezones=st.just(dt.UTC)).map(lambda d: d.isoformat()),
    "time": st.times(timezones=st.just(dt.UTC)).map(lambda d: d.isoformat()),
    "jsonpointer": st.lists(_NAME, max_size=3).map(lambda parts: "".join("/" + p for p in parts)),
    "jsonpath": _NAME.map(lambda s: f"$.{s}"),
    "sparqlpath": _NAME.map(lambda s: f"ex:{s}/ex:{s}"),
}


def _strings(
    pattern: str | None, min_length: int, wide: bool, max_length: int | None = None, shape: str | None = None
) -> st.SearchStrategy[str]:
    def fits(s: str) -> bool:
        return len(s) >= min_length and (max_length is None or len(s) <= max_length)

    if pattern is None and shape is not None:
        return FORMATS[shape].filter(fits)
    if pattern is None:
        return st.text(min_size=min_length, max_size=16 if max_length is None else max_length)
    alphabet = None if wide else PATTERN_ALPHABET
    return st.from_regex(pattern, fullmatch=True, alphabet=alphabet).filter(fits)


def _numbers(base: str, minimum: float | None, maximum: float | None = None) -> st.SearchStrategy[Any]:
    low = None if minimum is None else math.ceil(minimum)
    high = 2**53 if maximum is None else math.floor(maximum)
    ints = st.integers(min_value=low, max_value=high)
    if base == "integer":
        return ints
    return ints | st.floats(min_value=minimum, max_value=maximum, allow_nan=False, allow_infinity=False)


def range_values(name: str, field: Field, wide: bool = False) -> st.SearchStrategy[Any]:
    """One value of the range ``name`` (an enum, a type or a class), with the field's facets."""
    if M.is_enum(name):
        return st.sampled_from(M.enum_values(name))
    if M.is_class(name):
        return objects(name, wide)
    vtype = M.value_type(name)
    pattern = field.pattern or vtype.pattern
    minimum = field.minimum if field.minimum is not None else vtype.minimum
    maximum = field.maximum if field.maximum is not None else vtype.maximum
    if vtype.base == "boolean":
        return st.booleans()
    if vtype.base in ("integer", "number"):
        return _numbers(vtype.base, minimum, maximum)
    max_length = field.max_length if field.max_length is not None else vtype.max_length
    strings = _strings(pattern, max(field.min_length, vtype.min_length), wide, max_length, vtype.format)
    if field.recommended:
        strings = st.sampled_from(M.enum_values(field.recommended)) | strings
    return strings


def single_values(field: Field, wide: bool = False) -> st.SearchStrategy[Any]:
    if field.equals_string is not None:
        return st.just(field.equals_string)
    return st.one_of([range_values(r, field, wide) for r in field.ranges])


@st.composite
def _with_member(draw: Any, items: st.SearchStrategy[list[Any]], member: Any) -> list[Any]:
    value = [v for v in draw(items) if v != member]
    value.insert(draw(st.integers(0, len(value))), member)
    return value


def values(field: Field, wide: bool = False) -> st.SearchStrategy[Any]:
    """A valid JSON value for one field."""
    single = single_values(field, wide)
    if field.json_map:
        strategy: st.SearchStrategy[Any] = st.dictionaries(st.text(min_size=1, max_size=10), single, max_size=MAX_LIST)
    elif field.one_or_many:
        strategy = single | st.lists(single, min_size=1, max_size=MAX_LIST)
    elif field.multivalued:
        unique = canonical if field.unique else None
        most = max(MAX_LIST, field.min_items) if field.max_items is None else field.max_items
        strategy = st.lists(single, min_size=field.min_items, max_size=most, unique_by=unique)
        if field.has_member is not None:
            strategy = _with_member(strategy, field.has_member)
    else:
        strategy = single
    if field.nullable:
        strategy = st.none() | strategy
    return strategy


def extra_keys(info: ClassInfo, taken: set[str], wide: bool = False) -> st.SearchStrategy[str] | None:
    """Keys a class accepts beyond its declared fields (None: no extra key is allowed)."""
    declared = {f.key for f in info.fields} | taken
    if info.extra_keys_pattern is not None:
        pattern = info.extra_keys_pattern
        # Hypothesis may end a `$`-anchored match with a newline (Python's `$` allows it, ECMA's not)
        keys = st.from_regex(pattern, alphabet=None if wide else PATTERN_ALPHABET)
        return keys.filter(lambda k: k and k not in declared and re.search(pattern, k) and (wide or "\n" not in k))
    if info.closed:
        return None
    return st.text(min_size=1, max_size=10).filter(lambda k: k not in declared)


_OBJECTS: dict[tuple[str, bool], st.SearchStrategy[Any]] = {}


def objects(name: str, wide: bool = False) -> st.SearchStrategy[Any]:
    """A valid JSON object for the class ``name``."""
    if (name, wide) not in _OBJECTS:
        info = M.class_info(name)
        _OBJECTS[name, wide] = json_values if info.is_any else _objects(info, wide)
    return _OBJECTS[name, wide]


@st.composite
def _objects(draw: Any, info: ClassInfo, wide: bool) -> Doc:
    grouped = {key: pair for pair in info.together for key in pair}
    group_present = {pair: draw(st.booleans()) for pair in info.together}
    out: Doc = {}
    for field in info.fields:
        if field.absent:
            continue
        if field.key in grouped:
            present = field.required or group_present[grouped[field.key]]
        else:
            present = field.required or draw(st.booleans())
        if present:
            out[field.key] = draw(values(field, wide))
    keys = extra_keys(info, set(out), wide)
    if keys is not None:
        needed = max(0, info.min_properties - len(out))
        for _ in range(draw(st.integers(needed, needed + 2))):
            out[draw(keys.filter(lambda k: k not in out))] = draw(json_values)
    return out


def field_of(class_name: str, slot: str) -> Field:
    return next(f for f in M.class_info(class_name).fields if f.slot == slot)


# --------------------------------------------------------------------------------------------------
# Walking a document along the model
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    path: Path
    class_name: str


def get(doc: Any, path: Path) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _class_of(value: Any, ranges: tuple[str, ...]) -> str | None:
    """The class among ``ranges`` that ``value`` is an instance of (by type, then by discriminator)."""
    if not isinstance(value, dict):
        return None
    classes = [r for r in ranges if M.is_class(r) and not M.class_info(r).is_any]
    for name in classes:
        fixed = [f for f in M.class_info(name).fields if f.equals_string is not None]
        if all(value.get(f.key) == f.equals_string for f in fixed):
            return name
    return None


def _elements(value: Any, field: Field) -> Iterator[tuple[Path, Any]]:
    """(relative path, element) for each single value a field holds."""
    if value is None and field.nullable:
        return
    if field.json_map and isinstance(value, dict):
        yield from (((k,), v) for k, v in value.items())
    elif (field.multivalued or field.one_or_many) and isinstance(value, list):
        yield from (((i,), v) for i, v in enumerate(value))
    elif not field.multivalued or field.one_or_many:
        yield (), value


def locations(doc: Any) -> list[Location]:
    """Every object of a document that is an instance of a model class, with its path."""
    root = M.entry_points().get(doc.get(M.discriminator)) if isinstance(doc, dict) else None
    found: list[Location] = []

    def walk(path: Path, value: Any, class_name: str) -> None:
        found.append(Location(path, class_name))
        for field in M.class_info(class_name).fields:
            if field.key not in value:
                continue
            for rel, element in _elements(value[field.key], field):
                child = _class_of(element, field.ranges)
                if child is not None:
                    walk((*path, field.key, *rel), element, child)

    if root is not None:
        walk((), doc, root)
    return found


def _instances(doc: Doc, class_name: str) -> list[Path]:
    return [loc.path for loc in locations(doc) if loc.class_name == class_name]


# --------------------------------------------------------------------------------------------------
# Cross-object rules: satisfying and breaking them
# --------------------------------------------------------------------------------------------------


def _has_role(asset: Any, role: str) -> bool:
    return isinstance(asset, dict) and isinstance(asset.get(hints.ROLES_KEY), list) and role in asset[hints.ROLES_KEY]


def _assets(doc: Doc) -> dict[str, Any]:
    assets = doc.get("assets")
    return assets if isinstance(assets, dict) else {}


def _model_assets(doc: Doc) -> list[Doc]:
    return [a for a in _assets(doc).values() if _has_role(a, hints.MODEL_ROLE)]


def _tensor_paths(doc: Doc) -> list[tuple[Path, str]]:
    return [(p, name) for name in hints.TENSOR_STRUCTURES for p in _instances(doc, name)]


def _tensor_lists(doc: Doc, class_name: str) -> list[Doc]:
    """The tensors (inputs or outputs) listed in the Item properties."""
    props = doc.get("properties", {})
    keys = [f.key for f in M.class_info(hints.ITEM_PROPERTIES_CLASS).fields if class_name in f.ranges]
    return [t for key in keys for t in (props.get(key) or []) if isinstance(t, dict)]


def _lists_nonempty(tensor: Doc, key: str) -> bool:
    return isinstance(tensor.get(key), list) and len(tensor[key]) > 0


def _triggered(doc: Doc, list_key: str) -> bool:
    """R7/R8 apply when every input (at least one) lists bands, or every output does."""
    return any(
        (tensors := _tensor_lists(doc, name)) and all(_lists_nonempty(t, list_key) for t in tensors)
        for name in hints.TENSOR_STRUCTURES
    )


def _dim_name(existing: list[str]) -> st.SearchStrategy[str]:
    dim = field_of("InputStructure", "dim_order")
    return single_values(dim).filter(lambda n: n not in existing and n not in hints.STACKED_LISTS)


def _requirement(doc: Doc, def_name: str, draw: Any) -> None:
    """Make ``doc`` satisfy a `defs` entry of rules.yaml of the form {required, properties: {K: ...}}."""
    for key, schema in M.rule_defs[def_name]["properties"].items():
        if "contains" in schema:
            listed = doc.setdefault(key, [])
            value = draw(st.from_regex(schema["contains"]["pattern"], fullmatch=True, alphabet=PATTERN_ALPHABET))
            listed.insert(draw(st.integers(0, len(listed))), value)
        else:
            doc[key] = draw(st.from_regex(schema["pattern"], fullmatch=True, alphabet=PATTERN_ALPHABET))


def _undo_requirement(doc: Doc, def_name: str, draw: Any) -> None:
    for key, schema in M.rule_defs[def_name]["properties"].items():
        if "contains" in schema:
            pattern = schema["contains"]["pattern"]
            doc[key] = [v for v in doc.get(key, []) if not (isinstance(v, str) and re.search(pattern, v))]
        elif key in doc and re.search(schema["pattern"], str(doc[key])):
            doc[key] = draw(st.sampled_from(hints.OLDER_STAC_VERSIONS))


def _definition_value(definition: hints.Definition) -> st.SearchStrategy[Any]:
    name = st.text(min_size=1, max_size=8)
    if definition.shape == "object":
        return st.dictionaries(
            name, st.fixed_dictionaries({}, optional={"type": st.just("data")}), min_size=1, max_size=3
        )
    return st.lists(st.fixed_dictionaries({"name": name}), min_size=1, max_size=3)


def _define(doc: Doc, definition: hints.Definition, draw: Any) -> None:
    _requirement(doc, definition.requires, draw)
    place = draw(st.sampled_from(definition.places))
    targets = [doc["properties"]] if place == "properties" else _model_assets(doc)
    for target in targets:
        target[definition.key] = draw(_definition_value(definition))


def satisfy_definitions(rule: str) -> Callable[[Doc, Any], None]:
    list_key, definitions = hints.DEFINITIONS_BY_RULE[rule]

    def satisfy(doc: Doc, draw: Any) -> None:
        if not _is_item(doc):
            return
        if _triggered(doc, list_key) or draw(st.booleans()):
            _define(doc, draw(st.sampled_from(definitions)), draw)

    return satisfy


def definitions_apply(rule: str) -> Callable[[Doc], bool]:
    list_key = hints.DEFINITIONS_BY_RULE[rule][0]
    return lambda doc: _is_item(doc) and _triggered(doc, list_key)


def break_definitions(rule: str) -> Callable[[Doc, Any], None]:
    definitions = hints.DEFINITIONS_BY_RULE[rule][1]

    def break_(doc: Doc, draw: Any) -> None:
        for definition in definitions:
            vacuous = "model_assets" in definition.places and not _model_assets(doc)  # "every model asset": none
            if vacuous or draw(st.booleans()):
                _undo_requirement(doc, definition.requires, draw)
            else:
                for target in [doc["properties"], *_assets(doc).values()]:
                    if isinstance(target, dict):
                        target.pop(definition.key, None)

    return break_


def satisfy_stacked_dimensions(doc: Doc, draw: Any) -> None:
    """R6: a tensor's dimension order holds `bands` (`variables`) exactly when it lists some."""
    for path, class_name in _tensor_paths(doc):
        tensor = get(doc, path)
        dims = tensor[hints.TENSOR_STRUCTURES[class_name]][hints.DIM_ORDER_KEY]
        for key in hints.STACKED_LISTS:
            if _lists_nonempty(tensor, key) and key not in dims:
                dims.insert(draw(st.integers(0, len(dims))), key)
            elif not _lists_nonempty(tensor, key) and key in dims:
                dims.remove(key)
        if not dims:
            dims.append(draw(_dim_name(dims)))


def break_stacked_dimensions(doc: Doc, draw: Any) -> None:
    path, class_name = draw(st.sampled_from(_tensor_paths(doc)))
    tensor = get(doc, path)
    dims = tensor[hints.TENSOR_STRUCTURES[class_name]][hints.DIM_ORDER_KEY]
    key = draw(st.sampled_from(hints.STACKED_LISTS))
    if key in dims:
        dims.remove(key)
        if not dims:
            dims.append(draw(_dim_name(dims)))
    else:
        dims.insert(draw(st.integers(0, len(dims))), key)


def satisfy_model_asset(doc: Doc, draw: Any) -> None:
    """R9: an Item with assets has one with the model role."""
    assets = _assets(doc)
    if _is_item(doc) and assets and not _model_assets(doc):
        asset = assets[draw(st.sampled_from(sorted(assets)))]
        asset[hints.ROLES_KEY].insert(draw(st.integers(0, len(asset[hints.ROLES_KEY]))), hints.MODEL_ROLE)


def break_model_asset(doc: Doc, draw: Any) -> None:
    artifact = field_of(hints.ASSET_CLASS, hints.ARTIFACT_TYPE_SLOT).key
    for asset in _model_assets(doc):
        asset[hints.ROLES_KEY] = [r for r in asset[hints.ROLES_KEY] if r != hints.MODEL_ROLE]
        asset.pop(artifact, None)


def satisfy_artifact_type(doc: Doc, draw: Any) -> None:
    """R10: on an Item, model assets state their artifact type and other assets do not."""
    if not _is_item(doc):
        return
    field = field_of(hints.ASSET_CLASS, hints.ARTIFACT_TYPE_SLOT)
    for asset in _assets(doc).values():
        if _has_role(asset, hints.MODEL_ROLE):
            asset.setdefault(field.key, draw(values(field)))
        else:
            asset.pop(field.key, None)


def break_artifact_type(doc: Doc, draw: Any) -> None:
    assets = _assets(doc)
    field = field_of(hints.ASSET_CLASS, hints.ARTIFACT_TYPE_SLOT)
    asset = assets[draw(st.sampled_from(sorted(assets)))]
    if field.key in asset:
        del asset[field.key]
    else:
        asset[field.key] = draw(values(field))


def satisfy_entrypoint(doc: Doc, draw: Any) -> None:
    """R11: an Item asset with an entrypoint has the code role."""
    if not _is_item(doc):
        return
    key = field_of(hints.ASSET_CLASS, hints.ENTRYPOINT_SLOT).key
    for asset in _assets(doc).values():
        if key in asset and not _has_role(asset, hints.CODE_ROLE):
            asset[hints.ROLES_KEY].insert(draw(st.integers(0, len(asset[hints.ROLES_KEY]))), hints.CODE_ROLE)


def break_entrypoint(doc: Doc, draw: Any) -> None:
    assets = _assets(doc)
    field = field_of(hints.ASSET_CLASS, hints.ENTRYPOINT_SLOT)
    asset = assets[draw(st.sampled_from(sorted(assets)))]
    asset[hints.ROLES_KEY] = [r for r in asset[hints.ROLES_KEY] if r != hints.CODE_ROLE]
    asset.setdefault(field.key, draw(values(field)))


def _summary_forbidden() -> list[str]:
    """R5: the keys a summary object may not hold all together (read from the rule's JSON Schema)."""
    rule = next(r for r in M.rules if r["id"] == "R5")
    return list(rule["apply"][0]["json_schema"]["not"]["required"])


def satisfy_summaries(doc: Doc, draw: Any) -> None:
    forbidden = _summary_forbidden()
    for path in _instances(doc, hints.SUMMARY_CLASS):
        summary = get(doc, path)
        if all(k in summary for k in forbidden):
            del summary[draw(st.sampled_from(forbidden))]


def break_summaries(doc: Doc, draw: Any) -> None:
    info = M.class_info(hints.SUMMARY_CLASS)
    summaries = doc.setdefault("summaries", {})
    names = st.text(min_size=1, max_size=8)
    name = draw(st.sampled_from(sorted(summaries)) | names if summaries else names)
    summary = summaries.setdefault(name, {})
    for key in _summary_forbidden():
        summary.setdefault(key, draw(values(info.field(key))))


#: Rule id -> function that makes a document satisfy it, in the order they are applied.
SATISFY: dict[str, Callable[[Doc, Any], None]] = {
    "R9": satisfy_model_asset,
    "R10": satisfy_artifact_type,
    "R11": satisfy_entrypoint,
    "R6": satisfy_stacked_dimensions,
    "R7": satisfy_definitions("R7"),
    "R8": satisfy_definitions("R8"),
    "R5": satisfy_summaries,
}


@dataclass(frozen=True)
class RuleBreak:
    applies: Callable[[Doc], bool]  # whether the rule can be broken in this valid document
    apply: Callable[[Doc, Any], None]


def _is_item(doc: Doc) -> bool:
    return M.entry_points().get(doc.get(M.discriminator)) == "Item"


def _item_with_assets(doc: Doc) -> bool:
    return _is_item(doc) and bool(_assets(doc))


#: Rule id -> how to break exactly that rule in a valid document.
BREAK: dict[str, RuleBreak] = {
    "R5": RuleBreak(lambda doc: M.entry_points().get(doc.get(M.discriminator)) == "Collection", break_summaries),
    "R6": RuleBreak(lambda doc: bool(_tensor_paths(doc)), break_stacked_dimensions),
    "R7": RuleBreak(definitions_apply("R7"), break_definitions("R7")),
    "R8": RuleBreak(definitions_apply("R8"), break_definitions("R8")),
    "R9": RuleBreak(_item_with_assets, break_model_asset),
    "R10": RuleBreak(_item_with_assets, break_artifact_type),
    "R11": RuleBreak(_item_with_assets, break_entrypoint),
}


# --------------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------------

ROLE_VALUES = st.sampled_from(M.enum_values(hints.ROLE_ENUM)) | st.text(min_size=1, max_size=10)


@st.composite
def documents(draw: Any, kinds: tuple[str, ...] | None = None, wide: bool = False) -> Doc:
    """An MLM Item or Collection, valid by construction (``wide``: patterned strings use any character)."""
    entries = M.entry_points()
    kind = draw(st.sampled_from(sorted(kinds or entries)))
    doc = draw(objects(entries[kind], wide))
    doc[M.discriminator] = kind
    doc["stac_version"] = draw(st.sampled_from(hints.STAC_VERSIONS))
    for asset in _assets(doc).values():
        asset[hints.HREF_KEY] = draw(st.text(min_size=1, max_size=12))
        asset[hints.ROLES_KEY] = draw(st.lists(ROLE_VALUES, max_size=3, unique=True))
    for satisfy in SATISFY.values():
        satisfy(doc, draw)
    return doc


# --------------------------------------------------------------------------------------------------
# Near misses
# --------------------------------------------------------------------------------------------------

JSON_TYPE_SAMPLES: dict[str, Any] = {
    "null": None,
    "boolean": True,
    "integer": 7,
    "number": 1.5,
    "string": "x",
    "array": [],
    "object": {},
}
ALL_TYPES = frozenset(JSON_TYPE_SAMPLES)


def _single_types(field: Field) -> frozenset[str]:
    types: set[str] = set()
    for name in field.ranges:
        if M.is_enum(name):
            types.add("string")
        elif M.is_class(name):
            types |= ALL_TYPES if M.class_info(name).is_any else {"object"}
        else:
            base = M.value_type(name).base
            types |= {"integer", "number"} if base == "number" else {base}
    return frozenset(types)


def accepted_types(field: Field) -> frozenset[str]:
    """The JSON types a field's value may have."""
    single = _single_types(field)
    if field.json_map == "lenient":
        types = set(ALL_TYPES)
    elif field.json_map:
        types = {"object"}
    elif field.one_or_many:
        types = {*single, "array"}
    elif field.multivalued:
        types = {"array"}
    else:
        types = set(single)
    if field.nullable:
        types.add("null")
    return frozenset(types)


def _free_strings(field: Field) -> bool:
    """Whether some branch of the field accepts strings outside any enum."""
    return any(not M.is_enum(r) and not M.is_class(r) and M.value_type(r).base == "string" for r in field.ranges)


def _string_rejected(field: Field, value: str) -> bool:
    """Whether no branch of the field accepts the string ``value``."""
    if any(M.is_class(r) and M.class_info(r).is_any for r in field.ranges):
        return False
    for name in field.ranges:
        if M.is_enum(name):
            if value in M.enum_values(name):
                return False
        elif not M.is_class(name):
            vtype = M.value_type(name)
            if vtype.base != "string":
                continue
            pattern = field.pattern or vtype.pattern
            longest = field.max_length if field.max_length is not None else vtype.max_length
            fits = max(field.min_length, vtype.min_length) <= len(value) <= (longest or len(value))
            if fits and (pattern is None or re.search(pattern, value)):
                return False
    return field.equals_string is None or value != field.equals_string


def _string_variants(value: str) -> list[str]:
    return ["", " ", "!", value + " ", " " + value, "-" + value, value + "-", "1" + value, value.upper(), value + "!"]


@dataclass(frozen=True)
class Break:
    """What a near miss broke: a field-level constraint (``kind``) or a cross-object rule (``rule``)."""

    family: str  # "field" or "rule"
    kind: str  # the constraint kind, or the rule id
    where: str  # JSON pointer of the object (or document) changed
    detail: str = ""
    class_name: str = ""  # the model class of the object changed (field breaks)


@dataclass(frozen=True)
class NearMiss:
    document: Doc
    broken: Break


def _pointer(path: Path) -> str:
    return join_pointer(path) if path else "/"


def _scalar_breaks(field: Field, container: Any, slot: str | int, value: Any) -> Iterator[tuple[str, Any]]:
    """(kind, change) pairs that make one single value of ``field`` invalid."""
    wrong = sorted(ALL_TYPES - _single_types(field) - ({"null"} if field.nullable and slot == field.key else set()))
    for json_type in wrong:
        yield "type", JSON_TYPE_SAMPLES[json_type]
    enums = any(M.is_enum(r) for r in field.ranges)
    if isinstance(value, str) and enums and not _free_strings(field) and field.equals_string is None:
        for variant in _string_variants(value):
            if _string_rejected(field, variant):
                yield "enum", variant
                break
    if isinstance(value, str) and _free_strings(field):
        if _string_rejected(field, ""):
            yield "min_length", ""
        for variant in _string_variants(value)[1:]:
            if _string_rejected(field, variant):
                yield "pattern", variant
                break
    if isinstance(value, int | float) and not isinstance(value, bool):
        minimum = field.minimum
        for name in field.ranges:
            if not M.is_enum(name) and not M.is_class(name) and minimum is None:
                minimum = M.value_type(name).minimum
        if minimum is not None:
            yield "minimum", minimum - 1 if isinstance(value, int) else minimum - 0.5
        maximum = field.maximum
        for name in field.ranges:
            if not M.is_enum(name) and not M.is_class(name) and maximum is None:
                maximum = M.value_type(name).maximum
        if maximum is not None:
            yield "maximum", maximum + 1 if isinstance(value, int) else maximum + 0.5
    if field.equals_string is not None:
        yield "equals_string", field.equals_string + "-x"


@dataclass(frozen=True)
class _Candidate:
    kind: str
    path: Path  # of the object changed
    class_name: str
    key: str | int
    apply: Callable[[Doc, Any], None]
    detail: str


def field_breaks(doc: Doc) -> list[_Candidate]:
    """Every single-constraint break of the field-level constraints the model declares in ``doc``."""
    out: list[_Candidate] = []
    for loc in locations(doc):
        obj = get(doc, loc.path)
        info = M.class_info(loc.class_name)

        def add(kind: str, key: str | int, apply: Callable[[Doc, Any], None], detail: str = "") -> None:
            out.append(_Candidate(kind, loc.path, loc.class_name, key, apply, detail))  # noqa: B023 - used at once

        for field in info.fields:
            where = (*loc.path, field.key)
            if field.key == M.discriminator and not loc.path:
                continue  # another `type` only makes the document unchecked (R1)
            if field.key not in obj:
                if field.absent:
                    add("absent", field.key, _setter(where, values(field)))
                continue
            value = obj[field.key]
            if field.required:
                add("required", field.key, _deleter(where))
            for json_type in sorted(ALL_TYPES - accepted_types(field)):
                add("type", field.key, _setter(where, st.just(JSON_TYPE_SAMPLES[json_type])), json_type)
            if field.multivalued and isinstance(value, list):
                if field.min_items:
                    add("cardinality", field.key, _setter(where, st.just([])))
                if field.unique and value:
                    add("unique", field.key, _setter(where, st.just([*value, value[0]])))
                if field.has_member is not None:
                    rest = [v for v in value if v != field.has_member]
                    add("has_member", field.key, _setter(where, st.just(rest)))
            for rel, element in _elements(value, field):
                if _class_of(element, field.ranges) is not None:
                    continue  # objects of a class are broken field by field, at their own location
                for kind, bad in _scalar_breaks(field, obj, field.key, element):
                    add(kind, field.key, _setter((*where, *rel), st.just(bad)), repr(bad))
        for a, b in info.together:
            if a in obj and b in obj:
                for key in (a, b):
                    add("together", key, _deleter((*loc.path, key)))
        if info.closed:
            taken = set(obj) | {f.key for f in info.fields}
            extra = next(_extra_key_variants(info, taken))
            add("extra_key", extra, _setter((*loc.path, extra), st.just(1)))
        if info.min_properties and loc.path and not any(f.required for f in info.fields):
            add("min_properties", "", _setter(loc.path, st.just({})))
    return out


def _extra_key_variants(info: ClassInfo, taken: set[str]) -> Iterator[str]:
    for key in sorted(taken) or ["k"]:
        for variant in (key + "x", key + "!", key + " ", "!" + key):
            if variant in taken:
                continue
            if info.extra_keys_pattern is None or not re.search(info.extra_keys_pattern, variant):
                yield variant


def _setter(path: Path, value: st.SearchStrategy[Any]) -> Callable[[Doc, Any], None]:
    def apply(doc: Doc, draw: Any) -> None:
        get(doc, path[:-1])[path[-1]] = copy.deepcopy(draw(value))

    return apply


def _deleter(path: Path) -> Callable[[Doc, Any], None]:
    def apply(doc: Doc, draw: Any) -> None:
        del get(doc, path[:-1])[path[-1]]

    return apply


@st.composite
def near_misses(
    draw: Any, family: str | None = None, kinds: tuple[str, ...] | None = None, wide: bool = False
) -> NearMiss:
    """A valid document with one field-level constraint or one cross-object rule broken."""
    doc = draw(documents(kinds, wide))
    family = family or draw(st.sampled_from(["field", "rule"]))
    if family == "rule":
        rules = [r for r in BREAK if BREAK[r].applies(doc)]
        if rules:
            rule = draw(st.sampled_from(rules))
            BREAK[rule].apply(doc, draw)
            return NearMiss(doc, Break("rule", rule, "/"))
    candidates = field_breaks(doc)
    kind = draw(st.sampled_from(sorted({c.kind for c in candidates})))  # rare kinds as often as common ones
    chosen = draw(st.sampled_from([c for c in candidates if c.kind == kind]))
    chosen.apply(doc, draw)
    where = _pointer(chosen.path)
    return NearMiss(doc, Break("field", chosen.kind, where, f"{chosen.key}: {chosen.detail}", chosen.class_name))
