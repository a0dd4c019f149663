"""Where the tests find the project's files and the optional upstream reference data."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO / "schema"
GENERATED_DIR = REPO / "generated"
GENERATED_SCHEMA = GENERATED_DIR / "json-schema" / "schema.json"
CODEGEN_SRC = REPO / "packages" / "codegen" / "src"
EXAMPLES_DIR = REPO / "examples"
DOCS_DIR = REPO / "docs"

#: One configurable path to the upstream data (official schemas and examples); tests that need it
#: skip with a clear reason when it is absent.
UPSTREAM_ENV = "MLM_UPSTREAM_DATA"
UPSTREAM_DATA = Path(os.environ.get(UPSTREAM_ENV, REPO.parent / "shared" / "upstream-data")).resolve()
OFFICIAL_VERSION = "v1.5.2"


def upstream_available() -> bool:
    return (UPSTREAM_DATA / "mlm" / OFFICIAL_VERSION / "json-schema" / "schema.json").is_file()


UPSTREAM_SKIP_REASON = (
    f"upstream reference data not found at {UPSTREAM_DATA} "
    f"(set {UPSTREAM_ENV} to the folder holding mlm/{OFFICIAL_VERSION}/json-schema/schema.json)"
)
