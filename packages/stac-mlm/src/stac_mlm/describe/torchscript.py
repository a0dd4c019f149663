"""TorchScript files (``torch.jit.save``: ``.jit``, ``.torchscript``, ``.ts``) read as data: the zip's
TorchScript source (``code/``) gives the root module's class and its ``forward`` arguments, ``data.pkl``'s
first opcode names the root class (disassembled with ``pickletools``, never unpickled).

Shapes are not stored in a TorchScript file; the inputs and outputs are left to fill. Loading with
``torch.jit.load`` (which runs the archive's code) happens only with ``trust_code=True``.
"""

from __future__ import annotations

import importlib
import pickletools
import re
from pathlib import Path
from typing import Any

from .. import reading, vocab
from .facts import DescribeError, Facts, MissingExtra, Note

MEDIA_TYPE = "application/octet-stream; application=pytorch"
#: Largest ``data.pkl`` disassembled (only its first opcodes are looked at).
MAX_PICKLE = 64 * 2**20


def _root_class(archive: reading.ZipArchive, prefix: str) -> str | None:
    """The module path and class of the root object: the first ``GLOBAL`` opcode of ``data.pkl``."""
    name = f"{prefix}data.pkl"
    if name not in archive.sizes:
        return None
    data = archive.read(name, cap=MAX_PICKLE)
    try:
        for index, (opcode, argument, _position) in enumerate(pickletools.genops(data)):
            if opcode.name == "GLOBAL" and isinstance(argument, str):
                return argument.replace(" ", ".")
            if index > 16:
                break
    except ValueError:  # pickletools reports malformed opcodes as ValueError
        return None
    return None


def _forward_arguments(source: str, cls: str) -> list[str]:
    """The argument names of ``cls.forward`` in TorchScript source, without ``self``."""
    found = re.search(rf"class {re.escape(cls)}\(.*?def forward\(self[^,)]*,?(.*?)\)\s*->", source, re.DOTALL)
    if not found:
        return []
    names = [part.split(":", 1)[0].strip() for part in found.group(1).split(",")]
    return [n for n in names if n.isidentifier()]


def read(path: Path) -> Facts:
    source = reading.label(path)
    with reading.ZipArchive(path) as archive:
        names = archive.names()
        tops = {n.split("/", 1)[0] for n in names if "/" in n}
        prefix = f"{next(iter(tops))}/" if len(tops) == 1 else ""
        if f"{prefix}data.pkl" not in archive.sizes or not any(n.startswith(f"{prefix}code/") for n in names):
            raise DescribeError(f"{source}: not a TorchScript archive (no data.pkl and code/ entries)")
        root = _root_class(archive, prefix)
        arguments: list[str] = []
        if root:
            module, _, cls = root.rpartition(".")
            code = f"{prefix}code/{module.replace('.', '/')}.py"
            if code in archive.sizes:
                text = archive.read(code).decode("utf-8", "replace")
                arguments = _forward_arguments(text, cls)
    architecture = root.rsplit(".", 1)[-1] if root else None
    facts = Facts(
        source="TorchScript model",
        name=path.stem,
        architecture=architecture,
        framework="pytorch",
        artifact=path,
        artifact_type=vocab.artifact_type_for(".torchscript"),
        media_type=MEDIA_TYPE,
    )
    if arguments:
        facts.notes.append(
            Note("/properties/mlm:input", f"forward({', '.join(arguments)}): TorchScript stores no input shapes")
        )
    return facts


def read_trusted(path: Path) -> Facts:
    """As ``read``, plus the parameter count from ``torch.jit.load`` (which runs code from the file: only
    for files the user trusts)."""
    facts = read(path)
    try:
        torch: Any = importlib.import_module("torch")
    except ImportError:
        raise MissingExtra("loading a TorchScript model", "torch", "torch") from None
    try:
        module = torch.jit.load(str(path), map_location="cpu")
    except Exception as error:  # torch raises many kinds of errors on a file it cannot load
        raise DescribeError(f"{reading.label(path)}: torch.jit.load failed ({type(error).__name__})") from None
    facts.total_parameters = int(sum(p.numel() for p in module.parameters()))
    return facts
