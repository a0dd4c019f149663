"""Two shapes of JSON value written as stock LinkML reads them, and read by the generators as the annotated
slots they stand for.

- A *map* (a JSON object of named values of one range, such as STAC's ``assets``): the slot's range is a map
  class, a class declaring nothing but ``extra_slots: {range_expression: {range: R}}`` (and documentation); the
  slot is single-valued. It stands for a multivalued slot of range ``R`` annotated ``json_map`` (``strict``
  unless the slot sets the annotation itself).
- *One value or a non-empty list of them*: ``any_of: [{range: R}, {range: R, multivalued: true,
  minimum_cardinality: 1}]``. It stands for a slot of range ``R`` annotated ``one_or_many``.

LinkML's own tools (``linkml-validate``, ``gen-json-schema``) read the first forms as they are. The generators
read the annotated ones: :func:`normalized_directory` writes a scratch copy of a model with every such slot
rewritten and the map classes dropped, so that every target sees one form whichever a model (or a frozen
release) is written in.
"""

from __future__ import annotations

import atexit
import copy
import functools
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from .errors import ModelError
from .metamodel import schema_section
from .modelfiles import model_files
from .yamlfile import load_text

#: the metaslots a map class may carry besides ``extra_slots`` (documentation only: no structure)
DOCUMENTATION = frozenset(
    {"description", "title", "comments", "notes", "see_also", "aliases", "todos", "in_subset", "status", "deprecated"}
)
#: what a map-class slot becomes for the generators: the annotation and its default mode (vocabulary.yaml)
MAP_ANNOTATION, DEFAULT_MODE = "json_map", "strict"
ONE_OR_MANY = "one_or_many"  # the annotation a one-value-or-a-list slot becomes
EXTRA_SLOTS, RANGE_EXPRESSION = "extra_slots", "range_expression"  # LinkML's metaslots for a map class
ANY_OF = "any_of"


def value_range(body: Any) -> str | None:
    """The range of a map class's values; None when the class body is not a map class."""
    if not isinstance(body, Mapping):
        return None
    extra = body.get(EXTRA_SLOTS)
    expression = extra.get(RANGE_EXPRESSION) if isinstance(extra, Mapping) else None
    target = expression.get("range") if isinstance(expression, Mapping) else None
    if not isinstance(target, str) or set(body) - DOCUMENTATION - {EXTRA_SLOTS}:
        return None
    return target


@functools.cache
def _sections() -> tuple[str, str, str, str]:
    """The metaslots holding classes, slots, slot usages and attributes (named by LinkML's metamodel)."""
    from linkml_runtime.linkml_model import meta

    names = meta.slots
    return (
        schema_section(meta.ClassDefinition),
        schema_section(meta.SlotDefinition),
        names.slot_usage.name,
        names.attributes.name,
    )


def map_classes(documents: Mapping[str, Any]) -> dict[str, str]:
    """``{map class: range of its values}`` over the parsed files of a model."""
    found: dict[str, str] = {}
    for document in documents.values():
        defined = document.get(_sections()[0]) if isinstance(document, Mapping) else None
        for name, body in (defined or {}).items():
            target = value_range(body)
            if target is not None:
                found[str(name)] = target
    return found


def _slot_bodies(document: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(where, body)`` of every slot definition of a file: its slots, and its classes' slot_usage and attributes."""
    of_classes, of_slots, usage, attributes = _sections()
    for name, body in (document.get(of_slots) or {}).items():
        if isinstance(body, dict):
            yield f"slot {name}", body
    for owner, cls in (document.get(of_classes) or {}).items():
        for group in (usage, attributes):
            for name, body in ((cls or {}).get(group) or {}).items() if isinstance(cls, Mapping) else ():
                if isinstance(body, dict):
                    yield f"class {owner}, slot {name}", body


def _as_json_map(where: str, body: dict[str, Any], target: str) -> dict[str, Any]:
    """A slot body whose range is a map class, rewritten as the multivalued ``json_map`` slot it stands for
    (keys kept in place; the annotation first among the annotations unless the slot sets its own mode)."""
    if body.get("multivalued"):
        raise ModelError(f"{where}: a slot whose range is a map class is single-valued (the map holds the values)")
    out: dict[str, Any] = {}
    for key, value in body.items():
        out[key] = target if key == "range" else value
        if key == "range":
            out["multivalued"] = True
    notes = dict(out.get("annotations") or {})
    if MAP_ANNOTATION not in notes:
        out["annotations"] = {MAP_ANNOTATION: DEFAULT_MODE, **notes}
    return out


def one_or_many_range(body: Mapping[str, Any]) -> str | None:
    """``R`` for a slot body whose ``any_of`` is one ``R`` or a non-empty list of them (None otherwise)."""
    branches = body.get(ANY_OF)
    if not isinstance(branches, list) or len(branches) != 2 or not all(isinstance(b, Mapping) for b in branches):
        return None
    one, many = branches
    target = one.get("range")
    if set(one) != {"range"} or dict(many) != {"range": target, "multivalued": True, "minimum_cardinality": 1}:
        return None
    return str(target)


def _as_one_or_many(body: dict[str, Any], target: str) -> dict[str, Any]:
    """A one-or-many ``any_of`` slot body rewritten as a slot of range ``target`` annotated ``one_or_many`` (keys
    kept in place; the annotation last among the annotations)."""
    out = {("range" if key == ANY_OF else key): (target if key == ANY_OF else value) for key, value in body.items()}
    out["annotations"] = {**dict(out.get("annotations") or {}), ONE_OR_MANY: True}
    return out


def normalize(documents: Mapping[str, Any]) -> dict[str, Any]:
    """The files (parsed) that change when a model's stock forms are written as annotated slots: each slot whose
    range is a map class becomes a multivalued ``json_map`` slot of the map's value range (the map classes are
    dropped), each one-or-many ``any_of`` a ``one_or_many`` slot. Empty when the model has neither form."""
    maps = map_classes(documents)
    for name, target in maps.items():
        if target in maps:
            raise ModelError(f"map class {name}: its values are map class {target} (a map of maps is not supported)")
    changed: dict[str, Any] = {}
    for file, document in documents.items():
        if not isinstance(document, Mapping):
            continue
        new = copy.deepcopy(dict(document))
        defined = new.get(_sections()[0]) or {}
        dropped = [name for name in defined if name in maps]
        for name in dropped:
            del defined[name]
        touched = bool(dropped)
        for where, body in _slot_bodies(new):
            several = one_or_many_range(body)
            if body.get("range") in maps:
                rewritten = _as_json_map(where, body, maps[body["range"]])
            elif several is not None:
                rewritten = _as_one_or_many(body, several)
            else:
                continue
            body.clear()
            body.update(rewritten)
            touched = True
        if touched:
            changed[file] = new
    return changed


def normalized_directory(directory: Path, root: str, rules: str) -> Path:
    """The folder the generators read a model from: ``directory`` itself when it has no stock form, else a scratch
    copy of its LinkML files with them written as annotated slots (see :func:`normalize`)."""
    names = [name for name in model_files(directory, root, rules) if name != rules]
    texts = {name: (directory / name).read_text(encoding="utf-8") for name in names}
    if not any(RANGE_EXPRESSION in text or ANY_OF in text for text in texts.values()):
        return directory
    changed = normalize({name: load_text(text) for name, text in texts.items()})
    if not changed:
        return directory
    scratch = Path(tempfile.mkdtemp(prefix="codegen-stock-"))
    atexit.register(shutil.rmtree, scratch, True)
    for name, text in texts.items():
        target = scratch / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name in changed:
            text = yaml.safe_dump(changed[name], sort_keys=False, allow_unicode=True, width=1 << 16)
        target.write_text(text, encoding="utf-8")
    return scratch
