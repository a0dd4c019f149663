"""The registries the migration tables name converters and suppliers from, and helpers they share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, overload

from ..match import Match
from ..results import Result
from ..tables import tables

Converter = Callable[[Match], Result]
AsIs = Callable[[Any], bool]
CONVERTERS: dict[str, Converter] = {}
# For some converters, a test of the value alone that says the converter would return it as it is
# (``Value(value)``, no note, no entry): the engine skips the call for such a value. Most values a
# migration meets are already right, and the test costs a fraction of building a match and a result.
AS_IS: dict[str, AsIs] = {}


@overload
def convert(function: Converter, /) -> Converter: ...
@overload
def convert(*, as_is: AsIs) -> Callable[[Converter], Converter]: ...
def convert(
    function: Converter | None = None, /, *, as_is: AsIs | None = None
) -> Converter | Callable[[Converter], Converter]:
    """Register a converter under its function name (the name the rule tables use): a function of a
    ``Match`` that returns a ``Result`` and changes nothing itself.

    ``@convert(as_is=test)``: ``test(value)`` is true only for values the converter returns as they
    are (``Value(value)``), which the engine then does not convert (a test holds each converter to it).
    """

    def register(converter: Converter) -> Converter:
        CONVERTERS[converter.__name__] = converter
        if as_is is not None:
            AS_IS[converter.__name__] = as_is
        return converter

    return register(function) if function is not None else register


def _family(name: str) -> dict[str, Any]:
    return tables().families[name].data


def _asset_key(match: Match) -> str:
    return match.segments[1]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
