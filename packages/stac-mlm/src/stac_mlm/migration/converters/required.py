"""Suppliers of required v1.5.2 fields the input does not give (``required`` in common.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...pointer import MISSING
from ..context import Context
from .common import sanitize_name

# required fields: ``fn(context, segments) -> (value, action)``, value MISSING for the table's stand-in --
Supplier = Callable[[Context, tuple[str, ...]], tuple[Any, str]]
SUPPLIERS: dict[str, Supplier] = {}


def supplier(function: Supplier) -> Supplier:
    SUPPLIERS[function.__name__] = function
    return function


@supplier
def name_from_title_or_id(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    for source in (context.get("/properties/title"), context.document.get("id")):
        name = sanitize_name(source, context)
        if name:
            return name, "assumed"
    return MISSING, "placeholder"


@supplier
def tasks_from_item(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    tasks = context.get("/properties/mlm:tasks")
    return (list(tasks), "assumed") if isinstance(tasks, list) else (MISSING, "placeholder")


@supplier
def tasks_from_outputs(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    tasks: list[str] = []
    for output in context.get("/properties/mlm:output") or []:
        for task in output.get("tasks", []) if isinstance(output, dict) else []:
            if task not in tasks:
                tasks.append(task)
    return (tasks, "assumed") if tasks else (MISSING, "placeholder")


@supplier
def placeholder_output(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    tasks = list(context.get("/properties/mlm:tasks") or [])
    output = {
        "name": tasks[0] if tasks else "output",
        "description": "PLACEHOLDER: the source document does not describe the model output; "
        "fill in name, tasks, shape, dim_order and data_type",
        "tasks": tasks,
        "result": {"shape": [-1], "dim_order": ["unknown"], "data_type": "other"},
    }
    return [output], "placeholder"


@supplier
def output_name(context: Context, segments: tuple[str, ...]) -> tuple[Any, str]:
    output = context.get(segments[:-1]) or {}
    tasks = output.get("tasks") or []
    return (tasks[0], "assumed") if tasks else (MISSING, "placeholder")
