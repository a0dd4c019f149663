"""A second, independent class set: datamodel-code-generator run on each generated JSON Schema.

The classes are built at test time into memory (not committed): they are a test oracle, not a product, and
building them from the committed schema on every run checks the schema as it is now with the generator
installed now, without a second set of committed files to keep in step (about 5 s, once per session).

Options: Pydantic v2 models, constraints as field arguments, strict scalar types (JSON's types: no "1"
for 1), and ``generate_schema_validators`` so that keys a class's ``patternProperties`` admit are kept
(without it datamodel-code-generator closes such classes). One known defect is patched (``HOOKS``).
"""

from __future__ import annotations

import json
import sys
import types
import warnings
from functools import cache
from pathlib import Path
from typing import Any

from support.paths import GENERATED_DIR, head_schema_path

#: Text fixes applied to the generated code, each with the reason. datamodel-code-generator 0.89 gives an
#: object with no declared property, `additionalProperties: false` and `patternProperties` both
#: `min_length` (from `minProperties`) and `max_length=0` (as if no key were allowed), so it rejects every
#: non-empty map that the patterns admit.
HOOKS: tuple[tuple[str, str, str], ...] = (
    ("Field(..., max_length=0, min_length=", "Field(..., min_length=", "closed map with pattern keys read as empty"),
)


def schemas() -> list[Path]:
    """Every generated JSON Schema file, one per distinct content."""
    seen: dict[str, Path] = {}
    for path in sorted((GENERATED_DIR / "json-schema").rglob("schema.json")):
        seen.setdefault(path.read_text(encoding="utf-8"), path)
    return sorted(seen.values())


def generate_code(schema: dict[str, Any]) -> str:
    from datamodel_code_generator import DataModelType, InputFileType, PythonVersion, generate
    from datamodel_code_generator.enums import StrictTypes
    from datamodel_code_generator.format import Formatter

    with warnings.catch_warnings():  # it warns about the draft-07 keywords it cannot express
        warnings.simplefilter("ignore")
        code = generate(
            schema,
            input_file_type=InputFileType.JsonSchema,
            output_model_type=DataModelType.PydanticV2BaseModel,
            target_python_version=PythonVersion.PY_311,
            field_constraints=True,
            strict_types=[StrictTypes.str, StrictTypes.int, StrictTypes.float, StrictTypes.bool],
            formatters=[Formatter.BUILTIN],
            generate_schema_validators=True,
            disable_timestamp=True,
        )
    assert isinstance(code, str)
    for old, new, _why in HOOKS:
        code = code.replace(old, new)
    return code


def classes(path: Path | None = None) -> types.ModuleType:
    """The oracle classes of one generated JSON Schema (default: the head's, which the fixtures and the
    project's classes follow), as an in-memory module."""
    return _classes(path or head_schema_path())


@cache
def _classes(path: Path) -> types.ModuleType:
    code = generate_code(json.loads(path.read_text(encoding="utf-8")))
    name = f"_oracle_{abs(hash(str(path)))}"
    module = types.ModuleType(name)
    sys.modules[name] = module  # pydantic resolves the forward references through the module
    exec(compile(code, f"<datamodel-code-generator: {path.name}>", "exec"), module.__dict__)
    return module


def accepts(module: types.ModuleType, entry_class: str, document: Any) -> tuple[bool, str]:
    import pydantic

    try:
        getattr(module, entry_class).model_validate(document)
    except pydantic.ValidationError as error:
        return False, str(error)[:400]
    return True, ""
