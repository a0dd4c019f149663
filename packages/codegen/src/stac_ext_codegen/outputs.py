"""The generated artifacts: which files exist and how each is produced from the source model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .jsonschema import build_json_schema, dump_json
from .model import SourceModel


@dataclass(frozen=True)
class Output:
    """One generated file, relative to the repository root."""

    path: str
    render: Callable[[SourceModel], str]


def _json_schema(model: SourceModel) -> str:
    return dump_json(build_json_schema(model))


def _pydantic(model: SourceModel) -> str:
    from .pydantic import build_pydantic

    return build_pydantic(model)


OUTPUTS: tuple[Output, ...] = (
    Output("generated/json-schema/schema.json", _json_schema),
    # The runtime package ships the same schema as package data (its one validation authority).
    Output("packages/stac-mlm/src/stac_mlm/_generated/schema.json", _json_schema),
    # Its typed classes (pydantic v2 only, no linkml at run time).
    Output("packages/stac-mlm/src/stac_mlm/_generated/models.py", _pydantic),
)


def render_all(model: SourceModel) -> dict[str, str]:
    """Every generated file's text, keyed by its path relative to the repository root."""
    return {output.path: output.render(model) for output in OUTPUTS}


def write_all(model: SourceModel, root: Path) -> list[Path]:
    written = []
    for relative, text in render_all(model).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
