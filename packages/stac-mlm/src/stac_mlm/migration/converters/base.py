"""The registries the migration tables name converters and suppliers from, and helpers they share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..match import Match
from ..results import Result
from ..tables import tables

Converter = Callable[[Match], Result]
CONVERTERS: dict[str, Converter] = {}


def convert(function: Converter) -> Converter:
    """Register a converter under its function name (the name the rule tables use): a function of a
    ``Match`` that returns a ``Result`` and changes nothing itself."""
    CONVERTERS[function.__name__] = function
    return function


def _family(name: str) -> dict[str, Any]:
    return tables().families[name].data


def _asset_key(match: Match) -> str:
    return match.segments[1]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
