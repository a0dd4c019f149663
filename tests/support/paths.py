"""Where the tests find the project's files and the optional upstream reference data."""

from __future__ import annotations

import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO / "schema"
GENERATED_DIR = REPO / "generated"
GENERATED_SCHEMA = GENERATED_DIR / "json-schema" / "schema.json"  # the latest release
#: The runtime's index of the versions the source holds (written by `nox -s generate`).
VERSIONS_INDEX = REPO / "packages" / "stac-mlm" / "src" / "stac_mlm" / "_generated" / "versions.json"
CODEGEN_SRC = REPO / "packages" / "codegen" / "src"
EXAMPLES_DIR = REPO / "examples"
DOCS_DIR = REPO / "docs"

#: One configurable path to the upstream data (official schemas and examples); tests that need it
#: skip with a clear reason when it is absent.
UPSTREAM_ENV = "MLM_UPSTREAM_DATA"
UPSTREAM_DATA = Path(os.environ.get(UPSTREAM_ENV, REPO.parent / "shared" / "upstream-data")).resolve()
OFFICIAL_VERSION = "v1.5.2"


#: The file whose presence says the upstream data is there.
UPSTREAM_PROBE = UPSTREAM_DATA / "mlm" / OFFICIAL_VERSION / "json-schema" / "schema.json"
UPSTREAM_SKIP_REASON = (
    f"upstream reference data not found at {UPSTREAM_DATA}: {UPSTREAM_PROBE} is missing "
    f"(set {UPSTREAM_ENV} to the folder holding mlm/{OFFICIAL_VERSION}/json-schema/schema.json)"
)
#: Set to true by CI: there, missing upstream data is an error, never a skip.
CI_ENV = "CI"


def under_ci() -> bool:
    return os.environ.get(CI_ENV, "").strip().lower() in {"1", "true", "yes"}


def upstream_available() -> bool:
    """Whether the upstream data is there. Under CI its absence is an error (a failed test, or a collection
    error at import time) naming the missing path, so that no test quietly runs without it."""
    if UPSTREAM_PROBE.is_file():
        return True
    if under_ci():
        import pytest

        pytest.fail(f"{CI_ENV}={os.environ[CI_ENV]}: {UPSTREAM_SKIP_REASON}", pytrace=False)
    return False


def require_upstream() -> Path:
    """The upstream data folder; when it is missing, the calling test is skipped (an error under CI)."""
    if not upstream_available():
        import pytest

        pytest.skip(UPSTREAM_SKIP_REASON)
    return UPSTREAM_DATA


def head_version() -> str:
    """The version the live model in schema/ is: the draft when there is one, else the latest release."""
    index = json.loads(VERSIONS_INDEX.read_text(encoding="utf-8"))
    return str(index["draft"] or index["latest"])


def latest_release() -> str:
    """The latest release the source holds (``v1.5.2``...): what the runtime validates and migrates to."""
    return str(json.loads(VERSIONS_INDEX.read_text(encoding="utf-8"))["latest"])


def release_url(version: str) -> str:
    """The canonical schema URL of a version the source holds, from the generated index."""
    index = json.loads(VERSIONS_INDEX.read_text(encoding="utf-8"))
    return str(next(v["url"] for v in index["versions"] if v["version"] == version))


def release_urls() -> list[str]:
    """The canonical schema URLs of the releases the source holds, newest first."""
    index = json.loads(VERSIONS_INDEX.read_text(encoding="utf-8"))
    return [str(v["url"]) for v in reversed(index["versions"]) if v["status"] == "release"]


def head_is_draft() -> bool:
    return json.loads(VERSIONS_INDEX.read_text(encoding="utf-8"))["draft"] is not None


def version_schema_path(version: str) -> Path:
    """The generated JSON Schema of one version the source holds (a release or the draft)."""
    return GENERATED_DIR / "json-schema" / version / "schema.json"


def head_schema_path() -> Path:
    return version_schema_path(head_version())
