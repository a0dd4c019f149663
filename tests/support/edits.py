"""Edits that a spec editor might make to a scratch copy of schema/, shared by the single-truth tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from .paths import SCHEMA_DIR

NEW_TASK = "change-detection"
NEW_FIELD = "mlm:carbon_footprint"


def copy_schema(tmp_path: Path) -> Path:
    """A scratch copy of schema/ to edit."""
    scratch = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, scratch)
    return scratch


def add_task_value(scratch: Path) -> None:
    """Add the task value NEW_TASK to the tasks enum."""
    enums = scratch / "enums.yaml"
    enums.write_text(
        enums.read_text().replace(
            "      downscaling:", f"      {NEW_TASK}: {{description: Finds what changed.}}\n      downscaling:"
        )
    )


def add_optional_field(scratch: Path) -> None:
    """Add NEW_FIELD (a number >= 0) as a slot and list it among the MLM fields."""
    name = NEW_FIELD.replace(":", "_")
    fields = scratch / "fields.yaml"
    fields.write_text(
        fields.read_text() + f'\n  {name}:\n    alias: "{NEW_FIELD}"\n    slot_uri: {NEW_FIELD}\n'
        "    description: Kilograms of CO2 emitted by training.\n    range: float\n    minimum_value: 0\n"
    )
    root = scratch / "mlm.yaml"
    root.write_text(root.read_text().replace("      - mlm_entrypoint\n", f"      - mlm_entrypoint\n      - {name}\n"))
