"""Suppliers of required v1.5.2 fields the input does not give (``required`` in common.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ... import vocab
from ...pointer import MISSING
from ..match import DocumentView

# required fields: ``fn(document, segments) -> (value, action)``, value MISSING for the table's stand-in;
# a supplier reads the document (a read-only view) and returns the value: the finishing step writes it
Supplier = Callable[[DocumentView, tuple[str, ...]], tuple[Any, str]]
SUPPLIERS: dict[str, Supplier] = {}


def supplier(function: Supplier) -> Supplier:
    """Register a supplier under its function name (the name the rule tables use)."""
    SUPPLIERS[function.__name__] = function
    return function


@supplier
def name_from_title_or_id(document: DocumentView, segments: tuple[str, ...]) -> tuple[Any, str]:
    """A model name from the title or id, or a placeholder."""
    for source in (document.get("/properties/title"), document.get("/id")):
        name = vocab.model_name(source)
        if name:
            return name, "assumed"
    return MISSING, "placeholder"


@supplier
def tasks_from_item(document: DocumentView, segments: tuple[str, ...]) -> tuple[Any, str]:
    """The Item's tasks (assumed), or a placeholder."""
    tasks = document.get("/properties/mlm:tasks")
    return (list(tasks), "assumed") if isinstance(tasks, list) else (MISSING, "placeholder")


@supplier
def tasks_from_outputs(document: DocumentView, segments: tuple[str, ...]) -> tuple[Any, str]:
    """The tasks of the outputs (assumed), or a placeholder."""
    tasks: list[str] = []
    for output in document.get("/properties/mlm:output") or []:
        for task in output.get("tasks", []) if isinstance(output, dict) else []:
            if task not in tasks:
                tasks.append(task)
    return (tasks, "assumed") if tasks else (MISSING, "placeholder")


@supplier
def placeholder_output(document: DocumentView, segments: tuple[str, ...]) -> tuple[Any, str]:
    """A placeholder output for the Item's tasks."""
    tasks = list(document.get("/properties/mlm:tasks") or [])
    output = {
        "name": tasks[0] if tasks else "output",
        "description": "PLACEHOLDER: the source document does not describe the model output; "
        "fill in name, tasks, shape, dim_order and data_type",
        "tasks": tasks,
        "result": {"shape": [-1], "dim_order": ["unknown"], "data_type": "other"},
    }
    return [output], "placeholder"


@supplier
def output_name(document: DocumentView, segments: tuple[str, ...]) -> tuple[Any, str]:
    """An output's name from its first task (assumed), or a placeholder."""
    tasks = document.get((*segments[:-1], "tasks")) or []
    return (tasks[0], "assumed") if tasks else (MISSING, "placeholder")
