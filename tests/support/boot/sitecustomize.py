"""Run at the start of every Python process the tests start (this folder is put on PYTHONPATH while a
fresh-machine variable is set): apply ``tests/support/clock.py`` and ``listing.py`` as the environment says."""

import importlib.util
from pathlib import Path

for _name in ("clock", "listing"):
    _spec = importlib.util.spec_from_file_location(
        f"_mlm_test_{_name}", Path(__file__).resolve().parents[1] / f"{_name}.py"
    )
    if _spec is not None and _spec.loader is not None:
        _module = importlib.util.module_from_spec(_spec)
        _spec.loader.exec_module(_module)
        _module.apply_from_environment()
