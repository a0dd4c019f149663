"""PyTorch: ``torch.export`` programs, read from a ``.pt2`` archive or exported from a live module.

The exported graph states every user input and output with its shape (a symbolic size where the dimension
may vary, written -1) and type; the parameters are the program's lifted parameters.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from .. import reading, vocab
from .facts import DescribeError, Facts, MissingExtra, Note, shaped

MEDIA_TYPE = "application/octet-stream; application=pytorch"


def _torch() -> Any:
    try:
        return importlib.import_module("torch")
    except ImportError:
        raise MissingExtra("describing a PyTorch model", "torch", "torch") from None


def _size(dimension: Any, ranges: dict[Any, Any]) -> int:
    """A traced size: the number, or -1 for a symbolic size that may take more than one value."""
    if isinstance(dimension, int):
        return dimension
    expression: Any = getattr(getattr(dimension, "node", None), "expr", None)
    if getattr(expression, "is_number", False):  # a size the trace fixed (the module needs that value)
        return int(str(expression))
    bounds = ranges.get(expression)
    lower, upper = getattr(bounds, "lower", None), getattr(bounds, "upper", None)
    return int(str(lower)) if lower is not None and lower == upper else -1


def _structure(value: Any, ranges: dict[Any, Any]) -> tuple[list[int], str] | None:
    """(shape with -1 for sizes that vary, MLM data type) of a traced tensor value, or None if not a tensor."""
    shape = getattr(value, "shape", None)
    dtype = getattr(value, "dtype", None)
    if shape is None or dtype is None:
        return None
    return [_size(d, ranges) for d in shape], vocab.data_type(str(dtype))


def _tensors(
    values: list[tuple[str, Any]], ranges: dict[Any, Any], output: bool, notes: list[Note], asks: list[Note]
) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for name, value in values:
        structure = _structure(value, ranges)
        if structure is None:
            continue
        shape, data_type = structure
        found.append(shaped(name, shape, data_type, output=output, index=len(found), notes=notes, asks=asks))
    return found


def _architecture(program: Any) -> str | None:
    """The class of the exported root module, as recorded in the graph's module stacks."""
    for node in program.graph.nodes:
        stack = node.meta.get("nn_module_stack") or {}
        for fqn, kind in stack.values():
            if fqn == "":
                name = kind if isinstance(kind, str) else getattr(kind, "__name__", "")
                return name.rsplit(".", 1)[-1] or None
    return None


def facts(program: Any, artifact: Path | None, architecture: str | None = None) -> Facts:
    """What an ExportedProgram states (``artifact``: the ``.pt2`` it was read from or saved to)."""
    torch = _torch()
    signature = program.graph_signature
    nodes = {node.name: node for node in program.graph.nodes}
    notes: list[Note] = []
    asks: list[Note] = []
    ranges = dict(program.range_constraints)
    user_inputs = [(n, nodes[n].meta.get("val")) for n in signature.user_inputs]
    inputs = _tensors(user_inputs, ranges, False, notes, asks)
    outputs_node = next(node for node in program.graph.nodes if node.op == "output")
    returned = [a for a in outputs_node.args[0] if hasattr(a, "meta")]
    user = set(signature.user_outputs)
    values = [a.meta.get("val") for a in returned if a.name in user]
    names = ["output"] if len(values) == 1 else [f"output_{i}" for i in range(len(values))]
    outputs = _tensors(list(zip(names, values, strict=True)), ranges, True, notes, asks)
    parameters = sum(program.state_dict[name].numel() for name in signature.parameters)
    return Facts(
        source="PyTorch exported program",
        name=artifact.stem if artifact else architecture,
        architecture=architecture or _architecture(program),
        framework="pytorch",
        framework_version=vocab.semantic_version(torch.__version__),
        total_parameters=int(parameters),
        inputs=inputs,
        outputs=outputs,
        artifact=artifact,
        expected_artifact=None if artifact else "model.pt2",
        artifact_type=vocab.artifact_type_for(".pt2"),
        media_type=MEDIA_TYPE,
        notes=notes,
        asks=asks,
        output_names_made_up=True,
    )


def read_trusted(path: Path) -> Facts:
    """Load the archive with ``torch.export.load`` (which may unpickle and run code from it): only for a
    file the user trusts (``trust_code=True``); the framework version is the one the archive records."""
    from .pt2 import recorded_version

    with reading.ZipArchive(path):  # trusted or not, no entry may point outside the archive's folder
        pass
    torch = _torch()
    try:
        program = torch.export.load(str(path))
    except Exception as error:  # the archive reader raises many kinds of errors on a file it cannot read
        raise DescribeError(f"{path}: not a readable torch.export archive ({type(error).__name__}: {error})") from error
    found = facts(program, path)
    found.framework_version = recorded_version(path) or found.framework_version
    return found


def export(module: Any, example_input: Any, path: str | Path | None, dynamic_batch: bool) -> Facts:
    """Export ``module`` on ``example_input`` (saved to ``path`` when given) and read the program."""
    torch = _torch()
    if not isinstance(module, torch.nn.Module):
        raise DescribeError(f"describe_torch needs a torch.nn.Module, not a {type(module).__name__}")
    args = example_input if isinstance(example_input, tuple) else (example_input,)
    dynamic = None
    if dynamic_batch:
        auto = torch.export.Dim.AUTO
        dynamic = tuple({0: auto} if isinstance(a, torch.Tensor) and a.dim() > 0 else None for a in args)
    program = torch.export.export(module, args, dynamic_shapes=dynamic)
    target = Path(path) if path is not None else None
    if target is not None:
        torch.export.save(program, str(target))
    found = facts(program, target, type(module).__name__)
    found.total_parameters = sum(p.numel() for p in module.parameters())
    return found
