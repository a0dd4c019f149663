"""Target: one version in the layout of the upstream repository (the stac-extensions template), under the
option ``folder`` (``{version}`` filled): ``README.md``, ``json-schema/schema.json``, ``examples/*.json`` and
``CHANGELOG.md`` (the version's section, from the diff with the version before it).

The README follows the layout file named by the option ``layout`` (header facts, sections in order, which
table each carries; see the header of that file); rows, types and descriptions come from the version's
model, tables are padded as remark writes them (``paddedTable``), prose is wrapped at 120 characters.
A deprecated field or enum value carries the docs' badge and its replacement (history marks stay out).
Examples are the project's example documents declaring this version, kept when they pass its schema.
A release's files are cached (its source is frozen): the key also covers the layout and the examples.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from ..docmarks import deprecation, value_deprecation
from ..docs import Docs, Link, _cell, _ifabsent
from ..jsonschema import dump_json
from ..markdown import angle_urls, escape_text, github_anchor, list_item, padded_table, wrap
from ..model import ModelError, SourceModel, per_model
from ..resolved import EnumValue, ResolvedSlot
from . import Build

FIELD_COLUMNS = ["Field Name", "Type", "Description"]


@dataclass
class ReadmeDocs(Docs):
    """The model read for one README: elements link to the README section that documents them."""

    headings: dict[str, str] = field(default_factory=dict)

    def heading_of(self, name: str) -> str | None:
        """The README section that documents ``name`` (or its parent object), if any."""
        if name in self.headings:
            return self.headings[name]
        for parent, children in self.grouped.items():
            if name in children and parent in self.headings:
                return self.headings[parent]
        return None

    def link_of(self, name: str) -> Link | None:
        """A link to the README section of ``name``."""
        heading = self.heading_of(name)
        return Link("", github_anchor(heading)) if heading else None

    def ref(self, name: str, text: str | None = None) -> str:
        """``name`` as a Markdown link to its README section, or plain text."""
        heading = self.heading_of(name)
        return f"[{heading}](#{github_anchor(heading)})" if heading else (text or name)

    def type_cell(self, slot: ResolvedSlot) -> str:
        """As upstream writes it: only the opening bracket of a list is escaped."""
        return super().type_cell(slot).replace("\\]", "]")

    def notes(self, slot: ResolvedSlot, *, with_rules: bool = False) -> list[str]:
        """Deprecation, constraints, default and suggestions (the project's errata and history stay out of
        upstream's text)."""
        out = [mark for mark in [deprecation(slot)] if mark] + self.constraints(slot)
        default = _ifabsent(slot.default)
        if default is not None:
            out.append(f"Default: `{default}`.")
        if slot.recommended is not None:
            out.append(f"Recommended values: {self.ref(slot.recommended)} (others are accepted).")
        return out


def _element(table: dict[str, Any]) -> str | None:
    for kind in ("fields", "enum", "kinds", "list"):
        if kind in table:
            return str(table[kind])
    return None


def _present(docs: ReadmeDocs, name: str | None) -> bool:
    return name is None or name in docs.resolved.class_map or name in docs.resolved.enum_map


def _in_range(section: dict[str, Any], version: str) -> bool:
    def key(text: str) -> tuple[int, ...]:
        return tuple(int(part) for part in text.lstrip("v").split("-")[0].split("."))

    since, until = section.get("since"), section.get("until")
    return (since is None or key(version) >= key(since)) and (until is None or key(version) <= key(until))


def _field_rows(docs: ReadmeDocs, table: dict[str, Any]) -> list[list[str]]:
    cls = docs.cls(table["fields"])
    by_key = {slot.key: slot for slot in cls.slots if slot.presence != "forbidden"}
    wanted = table.get("rows") or list(by_key)
    rows = []
    for item in wanted:
        if isinstance(item, list):
            rows.append([str(cell) for cell in item])
        elif item in by_key:
            row = docs.row(by_key[item], required=by_key[item].presence == "required")
            rows.append([row["field"], row["type"], row["description"]])
    return rows


def _enum_rows(docs: ReadmeDocs, table: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    enum = docs.resolved.enum_map[table["enum"]]
    columns = table["columns"]
    order = [str(v) for v in table.get("order", [])]
    values = sorted(enum.values, key=lambda v: order.index(v.value) if v.value in order else len(order))
    rows = []
    for value in values:
        if value.value in table.get("exclude", []):
            continue
        cells = []
        for column in columns:
            if column.get("cell") == "value":
                text = f"`{value.value}`" if column.get("monospace", True) else value.value
                cells.append(text + str(column.get("suffix", {}).get(value.value, "")))
            elif column.get("cell") == "description":
                cells.append(_cell(_value_text(value)))
            else:
                cells.append(str(column.get("values", {}).get(value.value, column.get("default", ""))))
        rows.append(cells)
    return [str(c["title"]) for c in columns], rows


def _kind_rows(docs: ReadmeDocs, name: str) -> list[list[str]]:
    rows = []
    inherited = {slot.name for slot in docs.cls(name).slots}
    for child in docs.grouped.get(name, []):
        slots = docs.cls(child).slots
        discriminator = next((s for s in slots if s.equals_string is not None), None)
        required = [f"`{s.key}`" for s in slots if s.required and s.name not in inherited]
        value = f"`{discriminator.equals_string}`" if discriminator else child
        rows.append([value, ", ".join(required), _cell(docs.cls(child).description)])
    return rows


def _value_text(value: EnumValue) -> str:
    """An enum value's description, then its deprecation mark (the badge and the replacement) if any."""
    mark = value_deprecation(value)
    return f"{value.description} {mark}".lstrip() if mark else value.description


def _bullets(docs: ReadmeDocs, name: str) -> str:
    items = []
    for value in docs.resolved.enum_map[name].values:
        text = _value_text(value)
        items.append(list_item(angle_urls(f"`{value.value}`" + (f": {text}" if text else ""))))
    return "\n".join(items)


def _table(docs: ReadmeDocs, table: dict[str, Any]) -> str:
    """A section's table (or list); bare URLs in cells become autolinks before the padding is measured."""
    if "list" in table:
        return _bullets(docs, table["list"])
    if "fields" in table:
        columns, rows = FIELD_COLUMNS, _field_rows(docs, table)
    elif "enum" in table:
        columns, rows = _enum_rows(docs, table)
    elif "kinds" in table:
        columns, rows = table["columns"], _kind_rows(docs, table["kinds"])
    else:
        columns, rows = table["columns"], [[str(cell) for cell in row] for row in table["rows"]]
    return padded_table(columns, [[angle_urls(cell) for cell in row] for row in rows])


def _intro(docs: ReadmeDocs, section: dict[str, Any]) -> str:
    if section.get("intro"):
        return str(section["intro"])
    name = _element(section.get("table") or {})
    if name in docs.resolved.class_map:
        return docs.cls(name).description
    if name in docs.resolved.enum_map:
        return docs.resolved.enum_map[name].description
    return ""


def readme(build: Build, layout: dict[str, Any]) -> str:
    """The README of one version."""
    header, sections = layout["header"], layout["sections"]
    docs = ReadmeDocs(build.model, links=False)
    shown = [
        s
        for s in sections
        if _in_range(s, build.version)
        and _present(docs, _element(s.get("table") or {}))
        and all(_present(docs, e) for e in s.get("elements", []))
    ]
    for section in shown:
        for name in [_element(section.get("table") or {}), *section.get("elements", [])]:
            if name is not None:
                docs.headings.setdefault(name, section["heading"])
    prefix = docs.resolved.field_prefix.rstrip(":")
    owners = "".join(f"\n  - [@{o}](https://github.com/{o})" for o in header.get("owners", []))
    parts = [
        f"# {header['heading']}",
        "\n".join(
            [
                f"- **Title:** {header['title']}",
                f"- **Identifier:** <{build.json_schema()['$id']}>",
                f"- **Field Name Prefix:** {prefix}",
                f"- **Scope:** {header['scope']}",
                f"- **Extension Maturity Classification:** {header['maturity']}",
                f"- **Owner:**{owners}",
            ]
        ),
        wrap(angle_urls(docs.resolved.description)),
    ]
    for section in shown:
        parts.append("#" * int(section["level"]) + " " + section["heading"])
        parts.append(wrap(angle_urls(_intro(docs, section))))
        if section.get("table"):
            parts.append(_table(docs, section["table"]))
        after = section.get("after") or {}
        if after.get("intro"):
            parts.append(wrap(angle_urls(after["intro"])))
        if after.get("table"):
            parts.append(_table(docs, after["table"]))
    return "\n\n".join(part for part in parts if part.strip()) + "\n"


def changelog(build: Build) -> str:
    """This version's section in Keep a Changelog form, from the diff with the version before it."""
    from ..diff import diff_versions
    from ..versioned import index_of

    index, version = index_of(build.model), build.model.version
    names = [v for v, _, _ in build.versions]
    lines = ["# Changelog", "", "All notable changes to this extension are listed here, newest first.", ""]
    if index is None or version is None:
        return "\n".join(lines)
    date = f" - {version.date}" if version.date else (" - Unreleased" if version.status == "draft" else "")
    lines += [f"## [{version.version}]{date}", ""]
    position = names.index(build.version)
    if position == 0:
        lines += ["### Added", "", "- The first version this project holds.", ""]
    else:
        groups: dict[str, list[str]] = {}
        for change in diff_versions(index, names[position - 1], build.version):
            heading = (
                "Added"
                if change.kind.endswith("added")
                else "Removed"
                if change.kind.endswith("removed")
                else "Changed"
            )
            mark = "**Breaking:** " if change.breaking else ""
            groups.setdefault(heading, []).append(list_item(mark + escape_text(angle_urls(change.summary))))
        for heading in ("Added", "Changed", "Removed"):
            if heading in groups:
                lines += [f"### {heading}", "", *groups[heading], ""]
        if not groups:
            lines += ["### Changed", "", "- No change to the fields, objects or rules.", ""]
    lines += [f"[{version.version}]: <{version.url}>"]
    return "\n".join(lines) + "\n"


def _head(build: Build) -> SourceModel:
    return build.versions[-1][2] if build.versions else build.model


def examples(build: Build) -> dict[str, str]:
    """The project's example documents re-declared for this version, kept when its schema accepts them."""
    import jsonschema

    from ..fixtures import render_fixtures

    head = _head(build)
    head_url = head.version.url if head.version else None
    own_url = build.model.version.url if build.model.version else None
    validator = jsonschema.Draft7Validator(build.json_schema())
    kept = {}
    for name, text in sorted(render_fixtures(head).items()):
        if "/" in name or name.endswith(".expected.json"):
            continue  # the must-fail and errata groups are the project's own tests
        document = json.loads(text)
        if isinstance(document.get("stac_extensions"), list) and head_url and own_url:
            document["stac_extensions"] = [own_url if u == head_url else u for u in document["stac_extensions"]]
        if validator.is_valid(document):
            kept[f"examples/{name}"] = dump_json(document)
    return kept


def _layout(build: Build) -> tuple[dict[str, Any], str]:
    from ..yamlfile import load_text

    text = build.read(build.option("layout"))
    layout = load_text(text)
    if not isinstance(layout, dict) or "header" not in layout or "sections" not in layout:
        raise ModelError(f"{build.option('layout')}: needs `header` and `sections`")
    return layout, text


def files(build: Build) -> dict[str, str]:
    """Every file of the version, relative to its folder."""
    layout, _ = _layout(build)
    return {
        "README.md": readme(build, layout),
        "CHANGELOG.md": changelog(build),
        "json-schema/schema.json": dump_json(build.json_schema()),
        **examples(build),
    }


@per_model
def _examples_digest(head: SourceModel) -> str:
    """A hash of the example sources of the head (what ``examples`` reads), without rendering them."""
    folder = head.directory / head.config.get("fixtures", "sources")
    hasher = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        hasher.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


def render(build: Build) -> dict[str, str]:
    """A release's files in the upstream repository's layout (README, schema, examples, changelog)."""
    from ..versioned import cached_text, index_of

    folder = build.option("folder")
    index, version = index_of(build.model), build.model.version
    if index is None or version is None or version.status != "release":
        produced = files(build)
    else:
        _, layout_text = _layout(build)
        dates = [(v.version, v.date, v.url) for v in index.all]
        inputs = json.dumps([layout_text, _examples_digest(_head(build)), dates])
        digest = hashlib.sha256(inputs.encode()).hexdigest()[:12]
        produced = json.loads(cached_text(index, version, f"upstream-{digest}", lambda: json.dumps(files(build))))
    return {f"{folder}/{name}": text for name, text in produced.items()}
