"""Judge a chunk of entries and render the verdicts, in the process that runs it (a worker, or the main one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from ..batch import check_text, dumps
from ..reading import InputError
from ..validation import show_path
from ._level import check_properties
from ._sources import Block, Document, Entry, Unusable, read_file, reason

PROGRAM = "stac-mlm"


class Judged(NamedTuple):
    """What a chunk gave: text for stdout, text for stderr, the counts, and the bytes of input it covered."""

    out: str
    err: str
    documents: int
    invalid: int
    unusable: int
    size: int


def unusable_line(entry: Unusable) -> str:
    return f"{PROGRAM}: {entry.source}: {entry.message}\n"


def _text(record: dict[str, Any], quiet: bool) -> str:
    warnings = [f"  warning: {warning}" for warning in record.get("warnings", ())]
    if record["valid"]:
        if quiet and not warnings:
            return ""
        return "\n".join([f"{record['source']}: valid", *warnings]) + "\n"
    errors = record["errors"]
    lines = [f"{record['source']}: invalid ({len(errors)} problem{'s' if len(errors) != 1 else ''})"]
    lines += [f"  {show_path(error['path'])}: {error['message']}" for error in errors]
    return "\n".join(lines + warnings) + "\n"


def _documents(entry: Entry) -> tuple[list[Document] | Iterator[Document], int] | Unusable:
    """The documents of one entry and their size in bytes, or why it cannot be read."""
    if isinstance(entry, Block):
        return entry.documents(), len(entry.data)
    if isinstance(entry, Unusable):
        return entry
    source, payload = entry
    if isinstance(payload, Path):
        try:
            payload = read_file(payload)
        except InputError as error:
            return Unusable(source, error.reason)
        except OSError as error:
            return Unusable(source, reason(error))
    return [(source, payload)], len(payload)


def judge(
    chunk: list[Entry],
    fmt: str = "text",
    quiet: bool = False,
    mlm_version: str | None = None,
    require_mlm: bool = False,
    level: str = "document",
    stac: tuple[str, ...] | None = None,
) -> Judged:
    """Check every document of ``chunk``; ``fmt`` is ``"text"`` or ``"json"``; ``mlm_version`` forces the
    MLM version to judge by; ``require_mlm`` makes JSON objects that are not Items or Collections invalid;
    ``level="properties"``: each document holds only an Item's properties (see ``_level``); ``stac``
    (folders of schema copies) also checks STAC core and the other extensions (whole documents only)."""
    out: list[str] = []
    err: list[str] = []
    documents = invalid = size = 0
    for entry in chunk:
        found = _documents(entry)
        if isinstance(found, Unusable):
            err.append(unusable_line(found))
            continue
        size += found[1]
        for source, payload in found[0]:
            data = read_file(payload) if isinstance(payload, Path) else payload
            if level == "properties":
                record = check_properties(data, source, mlm_version)
            else:
                record = check_text(data, source, mlm_version, require_mlm, stac)
            documents += 1
            invalid += not record["valid"]
            out.append(dumps(record) + "\n" if fmt == "json" else _text(record, quiet))
    return Judged("".join(out), "".join(err), documents, invalid, len(err), size)
