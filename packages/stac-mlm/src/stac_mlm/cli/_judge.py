"""Judge a chunk of entries and render the verdicts, in the process that runs it (a worker, or the main one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from ..batch import check_text, dumps
from ._sources import Block, Document, Entry, Unusable, read_file, reason

PROGRAM = "stac-mlm"


class Judged(NamedTuple):
    """What a chunk gave: text for stdout, text for stderr, and the counts."""

    out: str
    err: str
    documents: int
    invalid: int
    unusable: int


def unusable_line(entry: Unusable) -> str:
    return f"{PROGRAM}: {entry.source}: {entry.message}\n"


def _text(record: dict[str, Any], quiet: bool) -> str:
    if record["valid"]:
        return "" if quiet else f"{record['source']}: valid\n"
    errors = record["errors"]
    lines = [f"{record['source']}: invalid ({len(errors)} problem{'s' if len(errors) != 1 else ''})"]
    lines += [f"  {error['path'] or '/'}: {error['message']}" for error in errors]
    return "\n".join(lines) + "\n"


def _expand(chunk: list[Entry]) -> Iterator[Document | Unusable]:
    for entry in chunk:
        if isinstance(entry, Block):
            yield from entry.documents()
        elif isinstance(entry, Unusable) or not isinstance(entry[1], Path):
            yield entry
        else:
            try:
                yield (entry[0], read_file(entry[1]))
            except OSError as error:
                yield Unusable(entry[0], reason(error))
            except ValueError as error:
                yield Unusable(entry[0], str(error))


def judge(chunk: list[Entry], fmt: str = "text", quiet: bool = False) -> Judged:
    """Check every document of ``chunk``; ``fmt`` is ``"text"`` or ``"json"``."""
    out: list[str] = []
    err: list[str] = []
    documents = invalid = 0
    for entry in _expand(chunk):
        if isinstance(entry, Unusable):
            err.append(unusable_line(entry))
            continue
        source, payload = entry
        record = check_text(payload, source)
        documents += 1
        invalid += not record["valid"]
        out.append(dumps(record) + "\n" if fmt == "json" else _text(record, quiet))
    return Judged("".join(out), "".join(err), documents, invalid, len(err))
