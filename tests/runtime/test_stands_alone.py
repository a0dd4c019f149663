"""The runtime package stands alone: in the runtime test environment (`nox -s "tests(runtime)"`) neither the
generator nor linkml is installed, so every runtime test passing there proves `stac_mlm` needs neither."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

GENERATOR_SIDE = ["stac_ext_codegen", "linkml", "linkml_runtime"]


@pytest.mark.skipif(
    os.environ.get("MLM_TEST_GROUP") != "runtime",
    reason="only meaningful in the runtime environment of `nox -s tests` (MLM_TEST_GROUP=runtime)",
)
@pytest.mark.parametrize("name", GENERATOR_SIDE)
def test_generator_side_is_not_installed(name: str) -> None:
    assert importlib.util.find_spec(name) is None, f"{name} is importable in the runtime test environment"


def test_stac_mlm_imports_nothing_from_the_generator_side() -> None:
    """Even where the generator is installed, using the package loads none of it (checked in a fresh process)."""
    script = (
        "import json, sys, stac_mlm\n"
        "stac_mlm.validate({})\n"
        "stac_mlm.parse\n"
        "stac_mlm.migrate\n"
        "print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert "stac_mlm" in loaded
    assert loaded.isdisjoint(GENERATOR_SIDE), loaded & set(GENERATOR_SIDE)
