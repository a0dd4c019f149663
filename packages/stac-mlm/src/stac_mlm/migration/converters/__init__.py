"""The named converters the migration tables refer to.

A rule converter is ``fn(value, context) -> result``: ``value`` is what the rule's ``from`` holds (a
dict keyed by the last path segment when the rule also has ``with``); the result is written to the
rule's ``to``, or is ``KEEP`` (the rule does not apply), ``PLACED`` (the converter wrote its results
with ``context.put``, and names where in ``context.target``), ``REPORTED`` (it also reported each
input value with its own entry: ``context.sources`` gives the input path of each ``with`` value) or
``Drop(reason)``. A converter that assumes something says so with ``context.assume``. Tables of
names (tasks, roles, data types, model files...) live in schema/migrations/.
"""

from __future__ import annotations

from . import common, dlm, mlm, required
from .base import CONVERTERS, Converter
from .common import _json_schema_summary, task_name
from .required import SUPPLIERS, Supplier

__all__ = [
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
