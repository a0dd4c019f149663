"""``--level properties``: a file (JSON, or YAML for ``.yaml``/``.yml``) that holds only the ``mlm:`` properties
of an Item, as metadata files beside model weights do. It is judged as the properties of an Item that
declares the MLM version (the one given, else the latest release); what only the rest of an Item could
satisfy (assets, links) is not asked, and paths are given relative to the file."""

from __future__ import annotations

from typing import Any

from .._schema import bundle
from ..batch import NotJSON, parse, record
from ..reading import InputError, decode, parse_yaml

PROPERTIES = "/properties"
YAML_SUFFIXES = (".yaml", ".yml")


def read_properties(data: bytes, source: str) -> Any:
    """The parsed file: YAML when ``source`` ends like a YAML file, else JSON (raises NotJSON/InputError)."""
    if source.lower().endswith(YAML_SUFFIXES):
        return parse_yaml(decode(data, source), source)
    return parse(data)


def as_item(properties: Any, mlm_version: str | None) -> dict[str, Any]:
    version = bundle().get(mlm_version or bundle().latest)
    extensions = [version.url] if version is not None else []
    return {"type": "Feature", "stac_extensions": extensions, "properties": properties}


def _relative(path: str) -> str:
    return path[len(PROPERTIES) :]


def check_properties(data: bytes, source: str, mlm_version: str | None = None) -> dict[str, Any]:
    """The verdict record of a properties-only file (the shape ``batch.record`` gives)."""
    try:
        properties = read_properties(data, source)
    except (NotJSON, InputError) as error:
        reason = error.reason if isinstance(error, InputError) else str(error)
        return {"source": source, "valid": False, "mlm_version": None, "errors": [{"path": "", "message": reason}]}
    if not isinstance(properties, dict):
        message = "expected an object holding MLM properties"
        return {"source": source, "valid": False, "mlm_version": None, "errors": [{"path": "", "message": message}]}
    judged = record(source, as_item(properties, mlm_version), mlm_version)
    errors = []
    for problem in judged["errors"]:
        path = problem["path"]
        if path == PROPERTIES or path.startswith(PROPERTIES + "/"):
            errors.append({**problem, "path": _relative(path)})
    warnings = [
        _relative(w) if w.startswith(PROPERTIES + "/") else w
        for w in judged.get("warnings", ())
        if w.startswith(PROPERTIES + "/")
    ]
    result: dict[str, Any] = {"source": source, "valid": not errors, "mlm_version": judged["mlm_version"]}
    result["errors"] = errors
    if warnings:
        result["warnings"] = warnings
    return result
