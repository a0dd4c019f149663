"""Judge documents given as JSON text, one verdict record each: the core of ``stac-mlm validate`` and of
``stac_mlm.dask``.

A verdict record is a plain dict, ``{"source": str, "valid": bool, "errors": [{"path": str, "message": str}]}``,
the same shape the command line prints with ``--format json``. Text that is empty, not UTF-8, not JSON, or
JSON that is not an object is judged *invalid*, with one error at path ``""`` saying why; nothing here raises
on bad input.

``orjson`` is used to parse when it is installed (``pip install stac-mlm[fast]``); the verdict is the same
without it, since any text orjson refuses is read again by the standard library before it is judged. The one
difference is depth: orjson reads up to 1024 nested levels, the standard library up to about 1000.
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

from .validation import is_valid, validate

_orjson: ModuleType | None
try:  # optional fast path
    import orjson as _orjson
except ImportError:  # pragma: no cover - exercised when orjson is absent
    _orjson = None

#: Longest message kept per problem; longer ones (a validator echoing a 30 MB value) are cut.
MAX_MESSAGE = 1000
_BOM = b"\xef\xbb\xbf"
_JSON_TYPES = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}


class NotJSON(ValueError):
    """The text is not one JSON document; the message says why in plain words."""


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _described(error: json.JSONDecodeError) -> str:
    where = f"column {error.colno}" if error.lineno == 1 else f"line {error.lineno}, column {error.colno}"
    return f"{error.msg} {where}" if error.msg.endswith(" at") else f"{error.msg} at {where}"


def parse(data: bytes | str) -> Any:
    """Parse one JSON document (UTF-8, an optional byte-order mark is ignored); raise ``NotJSON`` if it is not."""
    data = data.removeprefix(_BOM) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    if _orjson is not None:
        try:
            return _orjson.loads(data)
        except _orjson.JSONDecodeError:
            pass  # read again below: same verdict and same messages with or without orjson
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise NotJSON(f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})") from None
    if not data.strip():
        raise NotJSON("the document is empty")
    try:
        return json.loads(data, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise NotJSON(f"not valid JSON: {_described(error)}") from None
    except RecursionError:
        raise NotJSON("not readable: nested too deeply for the JSON parser") from None
    except ValueError as error:
        raise NotJSON(f"not valid JSON: {error}") from None


def _clip(message: str) -> str:
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 3] + "..."


def _error(message: str, path: str = "") -> dict[str, str]:
    return {"path": path, "message": _clip(message)}


def check_document(document: Any) -> list[dict[str, str]]:
    """The problems of one parsed document, as ``{"path", "message"}`` dicts ([] when valid); never raises."""
    if not isinstance(document, dict):
        kind = "null" if document is None else _JSON_TYPES.get(type(document), type(document).__name__)
        return [_error(f"expected a JSON object (a STAC Item or Collection), got {kind}")]
    try:
        if is_valid(document):
            return []
    except (ValueError, RecursionError) as error:  # e.g. the validator's own nesting limit
        return [_error(f"cannot be checked: {error}")]
    try:
        problems = [_error(problem.message, problem.path) for problem in validate(document)]
    except Exception as error:  # describing failed: still judge the document rather than fail the batch
        problems = []
        detail = f"the details could not be described: {type(error).__name__}: {error}"
    else:
        detail = "no details given"
    return problems or [_error(f"does not match the MLM schema ({detail})")]


def check_text(data: bytes | str, source: str = "") -> dict[str, Any]:
    """The verdict record for one document given as JSON text (bytes or str); never raises on bad input."""
    try:
        errors = check_document(parse(data))
    except NotJSON as error:
        errors = [_error(str(error))]
    return {"source": source, "valid": not errors, "errors": errors}


def dumps(record: dict[str, Any]) -> str:
    """One verdict record as one line of JSON (no newline)."""
    if _orjson is not None:
        try:
            return _orjson.dumps(record).decode()
        except TypeError:  # e.g. a lone surrogate the standard parser let through
            return json.dumps(record, separators=(",", ":"))
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
