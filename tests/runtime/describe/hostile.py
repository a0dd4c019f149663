"""Hostile model files, built by the tests: ``.pt2`` archives laid out as torch.export writes them, with
payloads that would run code if anything loaded them (they create a marker file)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from support.cli import STAC_MLM_SRC, Run

#: Address-space cap for the command under test (the attacks reached several GiB without the caps).
MEMORY_CAP = 1536 * 2**20


class Marker:
    """Unpickling this calls ``os.system`` to create the marker file: proof that code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, (f"touch {self.marker}",))


def evil_pickle(marker: Path) -> bytes:
    return pickle.dumps(Marker(marker))


def _meta(sizes: list[Any], dtype: int = 7) -> dict[str, Any]:
    return {
        "dtype": dtype,
        "sizes": [{"as_int": s} if isinstance(s, int) else s for s in sizes],
        "requires_grad": False,
    }


def program(weight_shape: tuple[int, ...] = (4, 3)) -> dict[str, Any]:
    """A serialized program: one parameter, one user input with a symbolic batch, one output."""
    batch = {"as_expr": {"expr_str": "Symbol('s0', positive=True, integer=True)", "hint": {"as_int": 2}}}
    return {
        "graph_module": {
            "graph": {
                "inputs": [{"as_tensor": {"name": "p_fc_weight"}}, {"as_tensor": {"name": "x"}}],
                "outputs": [{"as_tensor": {"name": "linear"}}],
                "nodes": [
                    {
                        "target": "torch.ops.aten.linear.default",
                        "metadata": {"nn_module_stack": "L__self__,,__main__.Tiny;L__self__fc,fc,torch.nn.Linear"},
                    }
                ],
                "tensor_values": {
                    "p_fc_weight": _meta(list(weight_shape)),
                    "x": _meta([batch, weight_shape[1]]),
                    "linear": _meta([batch, weight_shape[0]]),
                },
            },
            "signature": {
                "input_specs": [
                    {"parameter": {"arg": {"name": "p_fc_weight"}, "parameter_name": "fc.weight"}},
                    {"user_input": {"arg": {"as_tensor": {"name": "x"}}}},
                ],
                "output_specs": [{"user_output": {"arg": {"as_tensor": {"name": "linear"}}}}],
            },
        },
        "range_constraints": {"s0": {"min_val": 2, "max_val": None}},
        "schema_version": {"major": 8, "minor": 20},
        "torch_version": "2.9.1+cpu",
    }


def pt2(
    path: Path,
    *,
    weights_config: dict[str, Any] | None = None,
    extra: dict[str, bytes] | None = None,
    model: Any = None,
    weight_bytes: int | None = None,
) -> Path:
    """A ``.pt2`` archive: ``extra`` entries (names relative to the top folder, or absolute/``..`` names
    written as given when they start with ``!``) are added to a well-formed program."""
    top = path.stem
    found = program() if model is None else model
    config = weights_config or {
        "config": {"fc.weight": {"path_name": "weight_0", "is_param": True, "use_pickle": False, "tensor_meta": {}}}
    }
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{top}/archive_format", "pt2")
        archive.writestr(f"{top}/archive_version", "0")
        archive.writestr(f"{top}/byteorder", "little")
        archive.writestr(f"{top}/models/model.json", found if isinstance(found, bytes) else json.dumps(found))
        archive.writestr(f"{top}/data/weights/model_weights_config.json", json.dumps(config))
        archive.writestr(f"{top}/data/weights/weight_0", b"\0" * (48 if weight_bytes is None else weight_bytes))
        for name, data in (extra or {}).items():
            archive.writestr(name[1:] if name.startswith("!") else f"{top}/{name}", data)
    return path


def run_capped(argv: list[str], cwd: Path, cap: int = MEMORY_CAP, timeout: float = 120) -> Run:
    """``python -m stac_mlm ARGV`` under ``prlimit --as=cap`` (address space), from ``cwd``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(STAC_MLM_SRC), env.get("PYTHONPATH")]))
    env.pop("STAC_MLM_DEBUG", None)
    command = ["prlimit", f"--as={cap}", sys.executable, "-m", "stac_mlm", *argv]
    done = subprocess.run(command, capture_output=True, env=env, timeout=timeout, cwd=cwd, stdin=subprocess.DEVNULL)
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def listing(folder: Path) -> set[str]:
    """Every path under ``folder`` (to prove nothing was written)."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}
