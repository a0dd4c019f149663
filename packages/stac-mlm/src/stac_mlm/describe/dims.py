"""Dimension names for a tensor: read from the file where it names its axes, inferred from the shape only
with evidence, otherwise left as a placeholder (never a confident wrong order).

``layout`` returns the names, what was assumed, and whether ``dim_order`` still needs a person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from .._generated.models import DimensionNameEnum

#: Axis names that files use for an MLM dimension name, where the meaning is not in doubt (compared in
#: lower case, without ``_ - space``). "sequence" is not here: time steps or tokens, the file does not say.
ALIASES = {
    "n": "batch",
    "b": "batch",
    "bs": "batch",
    "batchsize": "batch",
    "h": "height",
    "imageheight": "height",
    "w": "width",
    "imagewidth": "width",
    "c": "channel",
    "channels": "channel",
    "numchannels": "channel",
    "timesteps": "time",
    "tokens": "token",
    "numclasses": "class",
    "classes": "class",
}
#: Channel counts that mark the channel axis of an image.
IMAGE_CHANNELS = (1, 3, 4)
#: Largest size accepted for one dimension (beyond: the file is not believed).
MAX_DIMENSION = 2**31 - 1
_VALID = re.compile(r"^[a-z-_]+$")


@cache
def _known() -> frozenset[str]:
    return frozenset(member.value for member in DimensionNameEnum)


def from_file(text: str | None) -> str | None:
    """The MLM dimension name for an axis name found in a file, or None when it is no usable name."""
    if not text:
        return None
    key = re.sub(r"[\s_\-]+", "", text.lower())
    if key in _known():
        return key
    if key in ALIASES:
        return ALIASES[key]
    for known in sorted(_known()):  # "batch_size", "image_height": a known name as a whole word
        if re.search(rf"(?:^|[^a-z]){known}(?:[^a-z]|$)", text.lower()) and known not in ("bands", "variables"):
            return known
    own = text.lower()  # any other name of the accepted form is kept as the file writes it
    return own if _VALID.match(own) and len(own) > 1 and own not in ("bands", "variables") else None


@dataclass
class Layout:
    """Dimension names for one tensor: ``names``; ``assumed`` says what was taken by convention; ``unknown``
    is true when no order could be told (the names are stand-ins to replace)."""

    names: list[str]
    assumed: list[str] = field(default_factory=list)
    unknown: bool = False
    image: bool = False  # a channel axis was found on an image-like tensor (its band names can be asked)


def _stand_ins(rank: int) -> list[str]:
    """``dim_a``, ``dim_b``...: names of the accepted form that say nothing."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [f"dim_{letters[i // 26 - 1] if i >= 26 else ''}{letters[i % 26]}" for i in range(rank)]


def _image(shape: Sequence[int], output: bool) -> tuple[list[str], str] | None:
    """Channels-first or channels-last names for a rank 4 or 5 tensor when the shape shows which axis holds
    the channels: a size of 1, 3 or 4 on one end axis and not on the other, or the only fixed axis."""
    spatial = ["height", "width"] if len(shape) == 4 else ["depth", "height", "width"]
    first, last = shape[1], shape[-1]
    first_like, last_like = first in IMAGE_CHANNELS, last in IMAGE_CHANNELS
    middle_free = all(s == -1 for s in shape[2:-1])
    channel = "class" if output and not first_like and not last_like else "channel"
    if (last_like and not first_like) or (last > 0 and first == -1 and all(s == -1 for s in shape[1:-1])):
        return ["batch", *spatial, channel], f"channels last (a last axis of {last})"
    if (first_like and not last_like) or (first > 0 and last == -1 and middle_free):
        return ["batch", channel, *spatial], f"channels first (a second axis of {first})"
    return None


def layout(shape: Sequence[int], names: Sequence[str | None] = (), *, output: bool = False) -> Layout:
    """Dimension names for a tensor of ``shape`` whose axes the file names ``names`` (None where unnamed)."""
    rank = len(shape)
    given = [from_file(n) for n in names] if len(names) == rank else [None] * rank
    if rank == 0:
        return Layout([], ["none: a scalar (shape []), which MLM's schema cannot state (it needs one dimension)"])
    if all(given) and len(set(given)) == rank:
        return Layout([str(n) for n in given])
    if not any(given[1:]):
        if rank in (4, 5) and (found := _image(shape, output)) is not None and given[0] in (None, "batch"):
            names_, why = found
            return Layout(names_, [f"{', '.join(names_)}: {why}"], image=names_.count("channel") == 1)
        if rank == 2 and output and given[0] in (None, "batch"):
            return Layout(["batch", "class"], ["batch, class: one score per class (a 2-D output)"])
    stand_in = _stand_ins(rank)
    filled = [g if g is not None else stand_in[i] for i, g in enumerate(given)]
    if given[0] is None and rank >= 2 and "batch" not in given and shape[0] in (-1, 1):
        filled[0] = "batch"  # a first axis that varies or holds one item; a fixed 2 (a state) is not a batch
    for index, name in enumerate(filled):  # two axes named alike: the first keeps the name
        if name in filled[:index]:
            filled[index] = stand_in[index]
    open_axes = [n for n in filled if n.startswith("dim_")]
    if not open_axes:
        return Layout(filled, ["batch: the first axis, by convention"] if given[0] is None else [])
    return Layout(filled, [], unknown=True)


def valid(name: str) -> bool:
    """Whether ``name`` has the form MLM accepts for a dimension name."""
    return bool(_VALID.match(name))
