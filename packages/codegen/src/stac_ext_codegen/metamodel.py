"""Names from LinkML's metamodel that model files are read by (a leaf module: every name comes from the
metamodel, none is written out)."""

from __future__ import annotations

import dataclasses
from typing import Any


def schema_section(definition: Any) -> str:
    """The schema's metaslot holding a dict of one kind of element (``meta.ClassDefinition``, ...)."""
    from linkml_runtime.linkml_model import meta

    name = f"{definition.__name__}Name]"
    fields = dataclasses.fields(meta.SchemaDefinition)
    return next(f.name for f in fields if str(f.type).startswith("typing.Union[dict[") and name in str(f.type))
