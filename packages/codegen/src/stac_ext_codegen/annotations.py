"""Reading the generator's annotation vocabulary from LinkML elements.

The vocabulary is documented at the top of the model's root file. Values are scalars (LinkML does not
allow nested annotation values); ``json_schema.<keyword>`` annotations carry one JSON Schema keyword.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jsonasobj2 import as_dict

if TYPE_CHECKING:
    from linkml_runtime import SchemaView

JSON_SCHEMA_PREFIX = "json_schema."


def annotation_values(element: Any) -> dict[str, Any]:
    """Return ``{tag: value}`` for the annotations of a LinkML element (none if it has none)."""
    annotations = getattr(element, "annotations", None) or {}
    if not hasattr(annotations, "items"):  # induced slots hold a JsonObj instead of a dict
        annotations = as_dict(annotations)
    values = {}
    for tag, value in annotations.items():
        if isinstance(value, dict):
            value = value.get("value")
        values[str(tag)] = getattr(value, "value", value)
    return values


def class_annotations(view: SchemaView, class_name: str) -> dict[str, Any]:
    """Annotations of a class, inherited from its ancestors (the nearest definition wins)."""
    merged: dict[str, Any] = {}
    for ancestor in reversed(view.class_ancestors(class_name)):
        merged.update(annotation_values(view.get_class(ancestor)))
    return merged


def type_annotations(view: SchemaView, type_name: str) -> dict[str, Any]:
    """Annotations of a type, inherited along its ``typeof`` chain (the nearest definition wins)."""
    merged: dict[str, Any] = {}
    for ancestor in reversed(view.type_ancestors(type_name)):
        merged.update(annotation_values(view.get_type(ancestor)))
    return merged


def json_schema_keywords(annotations: dict[str, Any]) -> dict[str, Any]:
    """The ``json_schema.<keyword>`` annotations, as JSON Schema keywords."""
    return {
        tag[len(JSON_SCHEMA_PREFIX) :]: value
        for tag, value in annotations.items()
        if tag.startswith(JSON_SCHEMA_PREFIX)
    }


def is_true(value: Any) -> bool:
    """Annotation values may arrive as booleans or as strings."""
    return value is True or str(value).strip().lower() in {"true", "yes", "1"}
