"""The registries the migration tables name converters and suppliers from, and helpers they share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ... import pointer
from ..context import KEEP, PLACED, REPORTED, Context, Drop
from ..match import Match
from ..results import Dropped, Keep, Placed, Result, Value
from ..tables import tables

Converter = Callable[[Match], Result]
CONVERTERS: dict[str, Converter] = {}


def convert(function: Converter) -> Converter:
    """Register a converter under its function name (the name the rule tables use)."""
    CONVERTERS[function.__name__] = function
    return function


def converter(function: Callable[[Any, Context], Any]) -> Callable[[Any, Context], Any]:
    """Transitional: register an old-style converter (value, context), adapted to a Match."""

    def adapted(match: Match) -> Result:
        context: Context = match.document._context  # type: ignore[attr-defined]
        context.notes, context.path, context.target = [], match.path, None
        context.matched = [(s, None) for s in match.matched]
        result = function(match.value, context)
        if result is KEEP:
            return Keep()
        if result is PLACED:
            return Placed(notes=tuple(context.notes), target=context.target)
        if result is REPORTED:
            return Placed(reported=True)
        if isinstance(result, Drop):
            return Dropped(result.reason, tuple(context.notes))
        return Value(result, tuple(context.notes))

    adapted.__name__ = function.__name__
    convert(adapted)
    return function


def _family(name: str) -> dict[str, Any]:
    return tables().families[name].data


def _asset_key(match: Match) -> str:
    return match.segments[1]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
