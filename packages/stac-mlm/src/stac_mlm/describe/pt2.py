"""``torch.export`` archives (``.pt2``) read as data: the zip's JSON program, weights and constants configs,
never unpickled and never loaded with torch.

What torch would run when loading is refused up front: payloads marked ``use_pickle``, custom or opaque
object constants, and AOTInductor native libraries. Sample inputs (a torch pickle) are never read. The
archive itself goes through ``stac_mlm.reading.ZipArchive`` (entry names, counts and sizes capped).
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from .. import reading, vocab
from .facts import DescribeError, Facts, shaped

MEDIA_TYPE = "application/octet-stream; application=pytorch"
#: torch.export's serialized ScalarType codes -> torch dtype names (torch/_export/serde/schema.py).
SCALAR_TYPES = {
    1: "uint8",
    2: "int8",
    3: "int16",
    4: "int32",
    5: "int64",
    6: "float16",
    7: "float32",
    8: "float64",
    9: "complex32",
    10: "complex64",
    11: "complex128",
    12: "bool",
    13: "bfloat16",
    28: "uint16",
    34: "uint32",
    35: "uint64",
}
#: Bytes per element of each code (float8 codes 29-33 are one byte).
ITEM_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 2, 7: 4, 8: 8, 9: 4, 10: 8, 11: 16, 12: 1, 13: 2, 28: 2, 34: 4, 35: 8}
#: Entries whose presence means torch would load native code or unpickle objects.
NATIVE_FOLDERS = ("data/aotinductor/", "data/mtia/")
OBJECT_PREFIXES = ("custom_obj_", "opaque_obj_")
NATIVE_SUFFIXES = (".so", ".dll", ".dylib", ".pyd")


class Archive:
    """A ``.pt2`` archive's entries under its top folder."""

    def __init__(self, zipped: reading.ZipArchive, source: str) -> None:
        self.zip = zipped
        self.source = source
        names = zipped.names()
        tops = {name.split("/", 1)[0] for name in names if "/" in name}
        self.prefix = f"{next(iter(tops))}/" if len(tops) == 1 else ""
        self.entries = {name[len(self.prefix) :]: name for name in names if name.startswith(self.prefix)}

    def json(self, inner: str) -> Any:
        raw = self.zip.read(self.entries[inner])
        return reading.parse_json(raw, f"{self.source}: entry {inner!r}")

    def text(self, inner: str) -> str | None:
        if inner not in self.entries:
            return None
        return self.zip.read(self.entries[inner], cap=4096).decode("utf-8", "replace").strip()


def refuse_code(archive: Archive) -> None:
    """Raise ``DescribeError`` when loading the archive with torch would run code from it."""
    for inner in archive.entries:
        lowered = inner.lower()
        if lowered.startswith(NATIVE_FOLDERS) or lowered.endswith(NATIVE_SUFFIXES):
            raise DescribeError(
                f"{archive.source}: holds native code ({inner}, an AOTInductor or device package): "
                "not loaded; describe reads only torch.export programs"
            )
        if inner.startswith("data/constants/") and inner.rsplit("/", 1)[-1].startswith(OBJECT_PREFIXES):
            raise DescribeError(
                f"{archive.source}: holds a pickled custom object ({inner}); loading it would run code: not loaded"
            )
    for inner in _configs(archive):
        config = archive.json(inner)
        payloads = config.get("config") if isinstance(config, dict) else None
        if not isinstance(payloads, dict):
            raise DescribeError(f"{archive.source}: entry {inner!r} is not a payload config")
        for key, meta in payloads.items():
            if not isinstance(meta, dict) or meta.get("use_pickle") is not False:
                raise DescribeError(
                    f"{archive.source}: {key!r} in {inner} is stored as a pickle (use_pickle); "
                    "unpickling runs code: not loaded"
                )


def _configs(archive: Archive) -> list[str]:
    return sorted(
        inner
        for inner in archive.entries
        if re.fullmatch(r"data/(weights|constants)/[^/]+_(weights|constants)_config\.json", inner)
    )


def _size(value: Any, fixed: dict[str, int]) -> int:
    """One serialized SymInt: a number, or -1 for a symbol whose range allows more than one value."""
    if isinstance(value, dict) and isinstance(value.get("as_int"), int):
        return int(value["as_int"])
    expression = value.get("as_expr") if isinstance(value, dict) else None
    text = expression.get("expr_str") if isinstance(expression, dict) else None
    symbol = re.search(r"Symbol\('(\w+)'|^(\w+)$", text) if isinstance(text, str) else None
    name = next((g for g in symbol.groups() if g), None) if symbol else None
    return fixed.get(name, -1) if name else -1


def _meta(meta: Any, where: str, fixed: dict[str, int]) -> tuple[list[int], int]:
    if not isinstance(meta, dict) or not isinstance(meta.get("sizes"), list) or not isinstance(meta.get("dtype"), int):
        raise DescribeError(f"{where}: tensor metadata without sizes and dtype")
    return [_size(s, fixed) for s in meta["sizes"]], meta["dtype"]


def _parameters(archive: Archive, program: dict[str, Any], values: dict[str, Any]) -> int:
    """Elements of the program's parameters, each checked against its stored bytes in data/weights/."""
    signature = program["graph_module"].get("signature") or {}
    config: dict[str, Any] = {}
    for inner in _configs(archive):
        if inner.startswith("data/weights/"):
            found = archive.json(inner).get("config")
            config.update(found if isinstance(found, dict) else {})
    total = 0
    for spec in signature.get("input_specs") or []:
        parameter = spec.get("parameter") if isinstance(spec, dict) else None
        if not isinstance(parameter, dict):
            continue
        key = str(parameter.get("parameter_name"))
        arg: dict[str, Any] = parameter["arg"] if isinstance(parameter.get("arg"), dict) else {}
        sizes, code = _meta(values.get(str(arg.get("name"))), f"{archive.source}: parameter {key!r}", {})
        if any(s < 0 for s in sizes):
            raise DescribeError(f"{archive.source}: parameter {key!r} declares an impossible shape {sizes}")
        count = math.prod(sizes)
        stored = config.get(key)
        if isinstance(stored, dict):
            inner = f"data/weights/{stored.get('path_name')}"
            need = count * ITEM_SIZES.get(code, 1)
            if inner not in archive.entries or archive.zip.sizes[archive.entries[inner]] < need:
                raise DescribeError(
                    f"{archive.source}: parameter {key!r} declares shape {sizes} ({need} bytes) but its "
                    f"stored data ({inner}) is missing or shorter"
                )
        total += count
    return total


def _tensors(program: dict[str, Any], values: dict[str, Any], fixed: dict[str, int], facts: Facts, source: str) -> None:
    graph = program["graph_module"]
    signature = graph.get("signature") or {}
    user_in = [s["user_input"]["arg"] for s in signature.get("input_specs") or [] if "user_input" in s]
    user_out = [s["user_output"]["arg"] for s in signature.get("output_specs") or [] if "user_output" in s]
    facts.inputs, facts.outputs = [], []
    for found, args, output in ((facts.inputs, user_in, False), (facts.outputs, user_out, True)):
        names = [a["as_tensor"]["name"] for a in args if isinstance(a, dict) and isinstance(a.get("as_tensor"), dict)]
        for index, name in enumerate(names):
            sizes, code = _meta(values.get(name), f"{source}: tensor {name!r}", fixed)
            label = name if not output else ("output" if len(names) == 1 else f"output_{index}")
            data_type = vocab.data_type(SCALAR_TYPES.get(code, "unknown"))
            found.append(
                shaped(
                    label,
                    sizes,
                    data_type,
                    output=output,
                    index=index,
                    notes=facts.notes,
                    asks=facts.asks,
                    source=source,
                )
            )


def _architecture(program: dict[str, Any]) -> str | None:
    """The root module's class, from the first node's ``nn_module_stack`` (``key,fqn,class;...``)."""
    for node in program["graph_module"]["graph"].get("nodes") or []:
        stack = (node.get("metadata") or {}).get("nn_module_stack") if isinstance(node, dict) else None
        for frame in str(stack or "").split(";"):
            parts = frame.split(",")
            if len(parts) >= 3 and parts[1] == "":
                return parts[-1].rsplit(".", 1)[-1] or None
    return None


def program(archive: Archive) -> dict[str, Any]:
    models = sorted(inner for inner in archive.entries if re.fullmatch(r"models/[^/]+\.json", inner))
    if not models:
        raise DescribeError(f"{archive.source}: no models/*.json entry: not a torch.export archive")
    chosen = "models/model.json" if "models/model.json" in models else models[0]
    found = archive.json(chosen)
    graph = found.get("graph_module") if isinstance(found, dict) else None
    if not isinstance(graph, dict) or not isinstance(graph.get("graph"), dict):
        raise DescribeError(f"{archive.source}: {chosen} holds no serialized graph")
    return found  # type: ignore[no-any-return]


def recorded_version(path: Path) -> str | None:
    """The torch version the archive records (read as data)."""
    with reading.ZipArchive(path) as zipped:
        found = program(Archive(zipped, reading.label(path)))
    return vocab.semantic_version(found.get("torch_version"))


def read(path: Path) -> Facts:
    """What the archive states, read as data; odd-typed JSON is a ``DescribeError``, never a crash."""
    try:
        return _read(path)
    except (KeyError, TypeError, AttributeError, IndexError) as error:  # a program JSON of unexpected structure
        raise DescribeError(
            f"{reading.label(path)}: the archive's program has an unexpected structure "
            f"({type(error).__name__}: {error})"
        ) from None


def _read(path: Path) -> Facts:
    source = reading.label(path)
    with reading.ZipArchive(path) as zipped:
        archive = Archive(zipped, source)
        if archive.text("archive_format") not in ("pt2", None):
            raise DescribeError(f"{source}: archive_format is not pt2")
        refuse_code(archive)
        found = program(archive)
        graph = found["graph_module"]["graph"]
        values = graph.get("tensor_values") if isinstance(graph.get("tensor_values"), dict) else {}
        ranges: dict[str, Any] = found["range_constraints"] if isinstance(found.get("range_constraints"), dict) else {}
        fixed = {
            k: int(v["min_val"])
            for k, v in ranges.items()
            if isinstance(v, dict) and isinstance(v.get("min_val"), int) and v.get("min_val") == v.get("max_val")
        }
        facts = Facts(
            source="PyTorch exported program",
            name=path.stem,
            architecture=_architecture(found),
            framework="pytorch",
            framework_version=vocab.semantic_version(found.get("torch_version")),
            artifact=path,
            artifact_type=vocab.artifact_type_for(".pt2"),
            media_type=MEDIA_TYPE,
        )
        _tensors(found, values, fixed, facts, source)
        facts.output_names_made_up = True
        facts.total_parameters = _parameters(archive, found, values)
    return facts
