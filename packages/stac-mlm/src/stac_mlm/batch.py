"""Judge documents given as JSON text, one verdict record each: the core of ``stac-mlm validate`` and of
``stac_mlm.dask``.

A verdict record is a plain dict, the shape the command line prints with ``--format json``: ``{"source": str,
"valid": bool, "mlm_version": str | None, "errors": [{"path": str, "message": str, ...}]}``, plus
``"warnings": [str, ...]`` when there are any. ``mlm_version`` is the MLM version whose schema judged the
document (the one it declares, or the latest release when it declares none; null when it was not judged by
any, e.g. text that is not JSON, or a declared version that does not exist). Errors also carry ``rule`` and
``pattern`` when they apply. Text that is empty, not UTF-8, not JSON, or
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

from . import stac_core
from ._placeholder_scan import finished, may_hold, placeholders
from .problems import _validator as _schema_validator
from .validation import judge, single_release

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


def _judged(
    document: Any, mlm_version: str | None = None, require_mlm: bool = False
) -> tuple[list[dict[str, str]], str | None, list[str]]:
    """Errors, the version judged by, and warnings of one parsed document; never raises on bad input."""
    if not isinstance(document, dict):
        kind = "null" if document is None else _JSON_TYPES.get(type(document), type(document).__name__)
        return [_error(f"expected a JSON object (a STAC Item or Collection), got {kind}")], None, []
    known_invalid, may_hold_placeholder = False, True
    try:
        version = single_release(document) if mlm_version is None else None
        if version is not None:  # the common case, without building a verdict
            one_pass = finished(version)
            if one_pass is not None and one_pass.is_valid(document):  # valid and no placeholder, in one pass
                return [], version, []
            may_hold_placeholder = may_hold(document)
            if may_hold_placeholder and _schema_validator(version).is_valid(document):
                return [], version, _placeholder_warnings(document)
            known_invalid = True  # the schema rejected it (or, with no placeholder, the one pass did)
    except (ValueError, RecursionError) as error:  # e.g. the validator's own nesting limit
        return [_error(f"cannot be checked: {error}")], None, []
    try:
        verdict = judge(document, mlm_version, require_mlm, known_invalid=known_invalid)
    except ValueError:
        raise  # an unknown forced version: the caller's mistake, not the document's
    except Exception as error:  # judging failed: a verdict for this document rather than a failed batch
        if known_invalid:  # the schema did reject it; only describing why failed
            detail = f"the details could not be described: {type(error).__name__}: {error}"
            return [_error(f"does not match the MLM schema ({detail})")], None, []
        return [_error(f"cannot be checked: {type(error).__name__}: {error}")], None, []
    errors = []
    for problem in verdict.problems:
        entry = problem.to_dict()
        entry["message"] = _clip(entry["message"])
        errors.append(entry)
    warnings = verdict.warnings + (_placeholder_warnings(document) if may_hold_placeholder else [])
    return errors, ", ".join(verdict.versions) or None, warnings


def _placeholder_warnings(document: dict[str, Any]) -> list[str]:
    """One warning per stand-in a tool left for a person to fill (valid or not, it is not finished)."""
    return [f"{found.path}: a placeholder is left to fill: {found.fill}" for found in placeholders(document)]


def check_document(document: Any, mlm_version: str | None = None, require_mlm: bool = False) -> list[dict[str, str]]:
    """The problems of one parsed document, as ``{"path", "message"}`` dicts ([] when valid); never raises."""
    return _judged(document, mlm_version, require_mlm)[0]


def record(
    source: str,
    document: Any,
    mlm_version: str | None = None,
    require_mlm: bool = False,
    stac: tuple[str, ...] | None = None,
) -> dict[str, Any]:
    """The verdict record of one parsed document; ``stac``: also check STAC core and the other extensions,
    with local schema copies from these folders (``stac_core``)."""
    errors, version, warnings = _judged(document, mlm_version, require_mlm)
    errors, warnings = stac_core.extend(document, errors, warnings, stac)
    result: dict[str, Any] = {"source": source, "valid": not errors, "mlm_version": version, "errors": errors}
    if warnings:
        result["warnings"] = warnings
    return result


def check_text(
    data: bytes | str,
    source: str = "",
    mlm_version: str | None = None,
    require_mlm: bool = False,
    stac: tuple[str, ...] | None = None,
) -> dict[str, Any]:
    """The verdict record for one document given as JSON text (bytes or str); never raises on bad input."""
    try:
        document = parse(data)
    except NotJSON as error:
        return {"source": source, "valid": False, "mlm_version": None, "errors": [_error(str(error))]}
    return record(source, document, mlm_version, require_mlm, stac)


def dumps(record: dict[str, Any]) -> str:
    """One verdict record as one line of JSON (no newline)."""
    if _orjson is not None:
        try:
            return str(_orjson.dumps(record).decode())
        except TypeError:  # e.g. a lone surrogate the standard parser let through
            return json.dumps(record, separators=(",", ":"))
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
