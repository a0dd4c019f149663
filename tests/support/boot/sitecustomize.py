"""Run at the start of every Python process the tests start (this folder is put on PYTHONPATH while
MLM_TEST_CLOCK_ORIGIN is set): shift its monotonic clocks as ``tests/support/clock.py`` says."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("_mlm_test_clock", Path(__file__).resolve().parents[1] / "clock.py")
if _spec is not None and _spec.loader is not None:
    _clock = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_clock)
    _clock.apply_from_environment()
