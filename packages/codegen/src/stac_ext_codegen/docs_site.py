"""The generated part of the docs site: every page rendered, with its navigation (used by the mkdocs plugin)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .docs import REFERENCE, Docs, _env, _fields_context
from .docs_changes import _changes_context, _migration_tables
from .docs_examples import _examples, _verdict, check_rule_examples
from .docs_pages import _diagram, _enum_context, _object_context, _rules_context
from .model import ModelError, SourceModel
from .versioned import index_of


@dataclass
class Site:
    """The generated part of the docs site: pages (Markdown), raw files, and its navigation."""

    pages: dict[str, str]
    files: dict[str, str]
    nav: dict[str, list[Any]]


def build_site(model: SourceModel, root: Path, examples: Path | None = None, migrations: Path | None = None) -> Site:
    """Render every generated page. ``examples`` and ``migrations`` are rendered when they exist."""
    from .jsonschema import json_schema_of

    env = _env()
    pages: dict[str, str] = {}
    files: dict[str, str] = {}
    docs = Docs(model)

    def render(page: str, template: str, context: Callable[..., dict[str, Any]], *args: Any) -> None:
        docs.page = page  # before building the context: links in it are relative to this page
        pages[page] = env.get_template(template).render(docs=docs, page=page, **context(docs, *args))

    enums = sorted(docs.resolved.enum_map)
    render(f"{REFERENCE}/fields.md", "fields.md.jinja", _fields_context)
    for name in docs.object_classes:
        render(f"{REFERENCE}/objects/{name}.md", "object.md.jinja", _object_context, name)
    for name in enums:
        render(f"{REFERENCE}/enums/{name}.md", "enum.md.jinja", _enum_context, name)
    render(f"{REFERENCE}/rules.md", "rules.md.jinja", _rules_context)
    render(f"{REFERENCE}/diagram.md", "diagram.md.jinja", lambda d: {"diagram": _diagram(d)})
    from .versioned import version_note

    index = {"objects": docs.object_classes, "enums": enums, "title": docs.resolved.title, "rules": model.rules}
    index["version_note"] = version_note(model)
    render(f"{REFERENCE}/index.md", "reference_index.md.jinja", lambda _: index)
    nav: dict[str, list[Any]] = {
        f"{REFERENCE}/": [
            f"{REFERENCE}/index.md",
            f"{REFERENCE}/fields.md",
            {"Objects": [f"{REFERENCE}/objects/{n}.md" for n in docs.object_classes]},
            {"Enumerations": [f"{REFERENCE}/enums/{n}.md" for n in enums]},
            f"{REFERENCE}/rules.md",
            f"{REFERENCE}/diagram.md",
        ]
    }

    schema = json_schema_of(model)
    failures = check_rule_examples(model, schema)
    if failures:
        raise ModelError("rule examples with the wrong verdict:\n  " + "\n  ".join(failures))
    found = _examples(root, examples) if examples else []
    for example in found:
        example["problems"] = _verdict(schema, example["document"]) if example["document"] is not None else None
        files[example["raw"]] = example["text"] + "\n"
        render(example["page"], "example.md.jinja", lambda _, e: {"example": e}, example)
    render("examples/index.md", "examples_index.md.jinja", lambda _: {"examples": found})
    groups: dict[str, list[str]] = {}
    for example in found:
        groups.setdefault(example["group"], []).append(example["page"])
    top = groups.pop("valid", [])
    nav["examples/"] = ["examples/index.md", *top, *({group.capitalize(): pages} for group, pages in groups.items())]

    versions = index_of(model)
    if versions is not None:
        render("changes.md", "changes.md.jinja", lambda _: _changes_context(versions))
        nav["changes/"] = ["changes.md"]

    if migrations is not None and migrations.is_dir():
        tables = _migration_tables(migrations)
        if tables:
            render("migrations.md", "migrations.md.jinja", lambda _: {"tables": tables})
            nav["migrations/"] = ["migrations.md"]
    return Site(pages=pages, files=files, nav=nav)
