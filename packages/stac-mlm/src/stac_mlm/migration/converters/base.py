"""The registries the migration tables name converters and suppliers from, and helpers they share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ... import pointer
from ..context import Context
from ..tables import tables

Converter = Callable[[Any, Context], Any]
CONVERTERS: dict[str, Converter] = {}


def converter(function: Converter) -> Converter:
    CONVERTERS[function.__name__] = function
    return function


def _family(name: str) -> dict[str, Any]:
    return tables().families[name].data


def _asset_key(context: Context) -> str:
    return pointer.parse_pointer(context.path)[1]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
