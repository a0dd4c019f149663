"""Validate documents held in a Dask bag, on whatever cluster the bag runs on (``pip install stac-mlm[dask]``).

Each partition is judged by the same code as ``stac-mlm validate``, so the records are the same:
``{"source", "valid", "errors"}``. See ``docs/dask.md`` for a recipe.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .batch import check_text, record

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag


def judge_partition(elements: Iterable[Any]) -> list[dict[str, Any]]:
    """Verdict records for one partition's elements, in order.

    An element is JSON text (``str`` or ``bytes``, e.g. one NDJSON line), an already parsed document, or a
    ``(value, path)`` pair as ``dask.bag.read_text(..., include_path=True)`` makes. Pairs are named
    ``path:LINE``, counting lines per path from the start of the partition (exact when each file is one
    partition, which is ``read_text``'s default); blank lines are counted but not judged.
    """
    records = []
    lines: Counter[str] = Counter()
    for element in elements:
        value, source = element, ""
        if isinstance(element, tuple) and len(element) == 2 and isinstance(element[1], str):
            value, path = element
            lines[path] += 1
            source = f"{path}:{lines[path]}"
        if isinstance(value, str):
            value = value.rstrip("\r\n")
        elif isinstance(value, bytes):
            value = value.rstrip(b"\r\n")
        if isinstance(value, str | bytes):
            if value.strip():
                records.append(check_text(value, source))
        else:
            records.append(record(source, value))
    return records


def validate_bag(bag: dask.bag.Bag) -> dask.bag.Bag:
    """A bag of verdict records, one per document of ``bag`` (lazy: nothing runs until it is computed)."""
    try:
        import dask.bag  # noqa: F401  (a clear message when the extra is missing)
    except ImportError as error:  # pragma: no cover - only without dask, where no bag can be passed anyway
        raise ImportError("stac_mlm.dask needs dask: pip install 'stac-mlm[dask]'") from error
    bags: dask.bag.Bag = bag.map_partitions(judge_partition)  # type: ignore[no-untyped-call]  # dask has no types
    return bags
