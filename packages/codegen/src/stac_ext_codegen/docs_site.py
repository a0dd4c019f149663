"""The generated part of the docs site: every page rendered, with its navigation (used by the mkdocs plugin)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .docs import REFERENCE, Docs, _env, _fields_context
from .docs_changes import _changes_context, _migration_tables
from .docs_examples import _examples, _verdict, check_rule_examples
from .docs_pages import _diagram, _enum_context, _object_context, _rules_context
from .model import ModelError, SourceModel, load_version
from .versioned import index_of


@dataclass
class Site:
    """The generated part of the docs site: pages (Markdown), raw files, and its navigation."""

    pages: dict[str, str]
    files: dict[str, str]
    nav: dict[str, list[Any]]
    #: the version selector: (label, index page of that version's reference), the head first
    versions: list[tuple[str, str]] = field(default_factory=list)


VERSIONS = "versions"  # the folder of the per-version references


def render_reference(docs: Docs, pages: dict[str, str], *, diagram: bool) -> list[Any]:
    """The reference pages of one model (fields, objects, enumerations, rules, an index) under
    ``docs.reference``, added to ``pages``; returns their navigation."""
    env = _env()
    root = docs.reference

    def render(page: str, template: str, context: Callable[..., dict[str, Any]], *args: Any) -> None:
        docs.page = page  # before building the context: links in it are relative to this page
        pages[page] = env.get_template(template).render(docs=docs, page=page, **context(docs, *args))

    enums = sorted(docs.resolved.enum_map)
    render(f"{root}/fields.md", "fields.md.jinja", _fields_context)
    for name in docs.object_classes:
        render(f"{root}/objects/{name}.md", "object.md.jinja", _object_context, name)
    for name in enums:
        render(f"{root}/enums/{name}.md", "enum.md.jinja", _enum_context, name)
    render(f"{root}/rules.md", "rules.md.jinja", _rules_context)
    if diagram:
        render(f"{root}/diagram.md", "diagram.md.jinja", lambda d: {"diagram": _diagram(d)})
    from .versioned import version_note

    model = docs.model
    index = {"objects": docs.object_classes, "enums": enums, "title": docs.resolved.title, "rules": model.rules}
    index |= {"version_note": version_note(model), "diagram": diagram}
    render(f"{root}/index.md", "reference_index.md.jinja", lambda _: index)
    return [
        f"{root}/index.md",
        f"{root}/fields.md",
        {"Objects": [f"{root}/objects/{n}.md" for n in docs.object_classes]},
        {"Enumerations": [f"{root}/enums/{n}.md" for n in enums]},
        f"{root}/rules.md",
        *([f"{root}/diagram.md"] if diagram else []),
    ]


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

    nav: dict[str, list[Any]] = {f"{REFERENCE}/": render_reference(docs, pages, diagram=True)}
    head = docs.model.version
    selector = [(f"{head.version} (head)" if head else "head", f"{REFERENCE}/index.md")]
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
        refs = {v.version: f"{VERSIONS}/{v.version}/{REFERENCE}/index.md" for v in versions.all}
        render("changes.md", "changes.md.jinja", lambda _: {**_changes_context(versions), "refs": refs})
        nav["changes/"] = ["changes.md"]
        nav[f"{VERSIONS}/"] = []
        for version in reversed(versions.all):  # every version's reference under a path naming it, newest first
            old = Docs(load_version(versions, version), reference=f"{VERSIONS}/{version.version}/{REFERENCE}")
            label = version.version + (" (draft)" if version.status == "draft" else "")
            nav[f"{VERSIONS}/"].append({label: render_reference(old, pages, diagram=False)})
            selector.append((label, refs[version.version]))

    if migrations is not None and migrations.is_dir():
        tables = _migration_tables(migrations)
        if tables:
            render("migrations.md", "migrations.md.jinja", lambda _: {"tables": tables})
            nav["migrations/"] = ["migrations.md"]
    return Site(pages=pages, files=files, nav=nav, versions=selector)
