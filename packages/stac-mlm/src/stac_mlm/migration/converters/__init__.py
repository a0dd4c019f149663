"""The named converters the migration tables refer to.

A rule converter is ``fn(match) -> result``. The ``Match`` (match.py) is frozen: ``match.value`` is
what the rule's ``from`` holds (a dict keyed by the last path segment when the rule also has
``with``; ``match.sources`` gives each of those values' input path), ``match.path`` its input path,
and ``match.document`` reads the rest of the document (copies, never the document itself). The
result (results.py) says what should happen, and the engine does it: ``Value(v)`` is written to the
rule's ``to``, ``Keep()`` leaves the input as it is, ``Dropped(reason)`` removes it with the reason,
``Placed(writes=...)`` lists where the converter's results go (``reported=True`` when its entries
report every input value). Notes and report entries (assumed values, placeholders, dropped parts)
travel with the result. A converter checks its input and returns ``Dropped`` or ``Keep`` for what it
cannot read; it raises only on a defect. A converter registered with ``@convert(as_is=test)`` is not
called for a value ``test(value)`` accepts: the test says, cheaply, that the converter would return
the value as it is (test_migration_as_is.py holds each converter to its test). Suppliers of required
fields (``required.py``) read a ``DocumentView`` and return the value. Tables of names (tasks, roles,
data types, model files...) live in schema/migrations/.
"""

from __future__ import annotations

from . import common, dlm, mlm, required
from .base import AS_IS, CONVERTERS, Converter
from .common import _json_schema_summary, task_name
from .required import SUPPLIERS, Supplier

__all__ = [
    "AS_IS",
    "CONVERTERS",
    "SUPPLIERS",
    "Converter",
    "Supplier",
    "_json_schema_summary",
    "common",
    "dlm",
    "mlm",
    "required",
    "task_name",
]
