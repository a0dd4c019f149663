"""Target: the recommendations ``lint`` checks, copied for the runtime package and listed on a docs page.

Options: ``source`` (the YAML file, relative to the repository root), ``path`` (the JSON copy), ``docs``
(the Markdown page listing every code with its explanation, check message, passing and failing document).
The data is copied as is, entries sorted by code; the generator checks only its shape (each entry has a
unique code, a check with a kind, and both documents), never what a check means.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import ModelError
from ..yamlfile import load_text
from . import Build

_REQUIRED = ("id", "title", "source", "explanation", "check", "passing", "failing")


def _checked(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get("recommendations"), list):
        raise ModelError(f"{where}: needs a `recommendations` list")
    seen: set[str] = set()
    for index, entry in enumerate(data["recommendations"]):
        missing = [key for key in _REQUIRED if not isinstance(entry, dict) or key not in entry]
        if missing:
            raise ModelError(f"{where}: recommendation {index} lacks {', '.join(missing)}")
        if entry["id"] in seen:
            raise ModelError(f"{where}: code {entry['id']} is used twice")
        seen.add(entry["id"])
        if not isinstance(entry["check"], dict) or "kind" not in entry["check"]:
            raise ModelError(f"{where}: {entry['id']}: its check names no kind")
    return {**data, "recommendations": sorted(data["recommendations"], key=lambda e: str(e["id"]))}


def _block(document: Any) -> list[str]:
    return ["```json", json.dumps(document, indent=2, ensure_ascii=False), "```"]


def page(data: dict[str, Any]) -> str:
    """The Markdown list of every code: a table, then one section per code."""
    codes = data.get("codes", {})
    base = codes.get("source_base", "")
    lines = [f"## {codes.get('docs_title', 'Lint codes')}", ""]  # a section of the page that includes it
    lines += ["| Code | Recommendation |", "| ---- | -------------- |"]
    lines += [f"| [{e['id']}](#{e['id'].lower()}) | {e['title']} |" for e in data["recommendations"]]
    for entry in data["recommendations"]:
        check = entry["check"]
        lines += ["", f"### {entry['id']}", "", f"**{entry['title']}** (check: `{check['kind']}`)", ""]
        lines += [" ".join(str(entry["explanation"]).split()), ""]
        source = str(entry["source"])
        lines += [f"Upstream: [{source}]({base}{source})" if base else f"Upstream: `{source}`", ""]
        if "message" in check:
            lines += [f"Warning: {check['message']}", ""]
        lines += ["Passing:", "", *_block(entry["passing"]), "", "Failing:", "", *_block(entry["failing"])]
    return "\n".join(lines) + "\n"


def render(build: Build) -> dict[str, str]:
    from ..jsonschema import dump_json

    source = build.option("source")
    data = _checked(load_text(build.read(source)), source)
    return {build.option("path"): dump_json(data), build.option("docs"): page(data)}
