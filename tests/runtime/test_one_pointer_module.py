"""JSON Pointer escaping (``~0``, ``~1``) and the "no value here" sentinel live in ``stac_mlm/pointer.py``
only: the runtime's source (generated modules aside) is scanned, and any other module that writes the
escapes or makes its own sentinel fails the test."""

from __future__ import annotations

import ast
from pathlib import Path

import stac_mlm

PACKAGE = Path(stac_mlm.__file__).parent
THE_MODULE = PACKAGE / "pointer.py"


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "_generated" not in p.relative_to(PACKAGE).parts)


def findings(source: str) -> list[str]:
    """Where ``source`` escapes JSON Pointers itself (a string holding ``~0``/``~1``, a ``replace`` of
    ``~``) or makes a sentinel (``object()``, or a class made with ``type(...)()``), as line: what."""
    found = []
    for node in ast.walk(ast.parse(source)):
        text = node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
        if text is not None and ("~0" in text or "~1" in text):
            found.append(f"{node.lineno}: the escape {text!r}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "replace":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and "~" in first.value:
                found.append(f"{node.lineno}: replace({first.value!r}, ...)")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "object":
            found.append(f"{node.lineno}: a sentinel object()")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Call):
            inner = node.func.func
            if isinstance(inner, ast.Name) and inner.id == "type" and len(node.func.args) == 3:
                found.append(f"{node.lineno}: a sentinel type(...)()")
    return found


def test_the_scan_sees_what_it_looks_for() -> None:
    """The scanner finds each way the runtime used to write escapes and sentinels (so it can fail)."""
    samples = [
        'def f(p):\n    return "/" + str(p).replace("~", "~0").replace("/", "~1")\n',
        'def f(k):\n    return [s.replace("~1", "/") for s in k[1:].split("/")]\n',
        "MISSING = object()\n",
        'GONE = type("Gone", (), {})()\n',
    ]
    for sample in samples:
        assert findings(sample), sample
    assert findings(THE_MODULE.read_text(encoding="utf-8"))  # the one module does hold them
    assert not findings('def f(a):\n    return a.replace("-", "_")\n')


def test_the_runtime_has_one_pointer_module() -> None:
    assert THE_MODULE in _sources()
    elsewhere = {
        str(path.relative_to(PACKAGE)): found
        for path in _sources()
        if path != THE_MODULE and (found := findings(path.read_text(encoding="utf-8")))
    }
    assert elsewhere == {}, "JSON Pointer escaping or a sentinel outside stac_mlm/pointer.py"
