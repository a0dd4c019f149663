"""Edits that a spec editor might make to a scratch copy of schema/, shared by the single-truth tests.

The new names are chosen so that they are not in the model yet (a suite run on a model that already has
``change-detection`` or ``mlm:carbon_footprint``, e.g. a draft that added them, still adds something new).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from .paths import SCHEMA_DIR


def _unused(name: str, taken: str, separator: str) -> str:
    """``name``, or ``name<separator>2``, ``...3``: the first one that does not occur in ``taken``."""
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name}{separator}{number}"
    return candidate


_SOURCES = "".join(p.read_text(encoding="utf-8") for p in sorted(SCHEMA_DIR.glob("*.yaml")))
NEW_TASK = _unused("change-detection", _SOURCES, "-")
NEW_FIELD = _unused("mlm:carbon_footprint", _SOURCES.replace("mlm_", "mlm:"), "_")
NEW_SLOT = NEW_FIELD.replace(":", "_")
#: The value the new task is inserted before, and the enum that holds it (read from the model).
_ANCHOR = "downscaling"
TASK_ENUM = next(
    name
    for name, enum in (yaml.safe_load((SCHEMA_DIR / "enums.yaml").read_text(encoding="utf-8"))["enums"]).items()
    if _ANCHOR in (enum.get("permissible_values") or {})
)


def copy_schema(tmp_path: Path) -> Path:
    """A scratch copy of schema/ to edit."""
    scratch = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, scratch)
    return scratch


def add_task_value(scratch: Path) -> None:
    """Add the task value NEW_TASK to the tasks enum (with the title every value has)."""
    enums = scratch / "enums.yaml"
    enums.write_text(
        enums.read_text().replace(
            f"      {_ANCHOR}:",
            f"      {NEW_TASK}: {{title: Changes, description: Finds what changed.}}\n      {_ANCHOR}:",
        )
    )


def add_optional_field(scratch: Path) -> None:
    """Add NEW_FIELD (a number >= 0, with a title) as a slot and list it among the MLM fields."""
    fields = scratch / "fields.yaml"
    fields.write_text(
        fields.read_text()
        + f'\n  {NEW_SLOT}:\n    title: Training Emissions\n    alias: "{NEW_FIELD}"\n    slot_uri: {NEW_FIELD}\n'
        "    description: Kilograms of CO2 emitted by training.\n    range: float\n    minimum_value: 0\n"
    )
    root = scratch / "mlm.yaml"
    root.write_text(
        root.read_text().replace("      - mlm_entrypoint\n", f"      - mlm_entrypoint\n      - {NEW_SLOT}\n")
    )
