"""The strings that name a version inside the LinkML files of a model, written out in full (no placeholders,
so that stock LinkML tools read the files as committed) and rewritten when a draft starts.

A version string is: the version's schema URL (anywhere), the schema's ``version`` metaslot, and the version
name or number inside the schema-level ``annotations``. Element descriptions are never rewritten.
"""

from __future__ import annotations

import re
from pathlib import Path

from .modelfiles import model_files
from .versions import PLACEHOLDER, Version
from .yamlfile import load_text

_TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):")


def linkml_files(directory: Path, root: str, rules: str) -> list[str]:
    """The LinkML files of a model (its root and local imports; not the rules file)."""
    return [name for name in model_files(directory, root, rules) if name != rules]


def rewrite_text(text: str, old: Version, new: Version) -> str:
    """A LinkML file's text with ``old``'s version strings replaced by ``new``'s (comments and layout kept)."""
    words = {old.version: new.version, old.semver: new.semver}
    pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w])")
    out, section = [], None
    for line in text.replace(old.url, new.url).split("\n"):
        top = _TOP_KEY.match(line)
        if top:
            section = top["key"]
        in_annotations = not top and section == "annotations" and line.startswith(" ")
        if (top and section == "version") or in_annotations:
            line = pattern.sub(lambda m: words[m.group(1)], line)
        out.append(line)
    return "\n".join(out)


def rewrite_head(directory: Path, root: str, rules: str, old: Version, new: Version) -> list[str]:
    """Rewrite the head's LinkML files from ``old`` to ``new``; the names of the files changed."""
    changed = []
    for name in linkml_files(directory, root, rules):
        path = directory / name
        text = path.read_text(encoding="utf-8")
        fresh = rewrite_text(text, old, new)
        if fresh != text:
            path.write_text(fresh, encoding="utf-8")
            changed.append(name)
    return changed


def problems(directory: Path, root: str, rules: str, version: Version, others: list[Version]) -> list[str]:
    """``file:line: message`` for version strings that disagree with ``version`` (placeholders, which stock
    LinkML cannot read; a schema ``version`` of another number; another version's URL)."""
    found = []
    foreign = {other.url: other.version for other in others if other.url != version.url}
    for name in linkml_files(directory, root, rules):
        text = (directory / name).read_text(encoding="utf-8")
        for number, line in enumerate(text.split("\n"), 1):
            code = line.split("#", 1)[0] if not line.lstrip().startswith("#") else ""
            placeholder = PLACEHOLDER.search(code)
            if placeholder:
                found.append(
                    f"{name}:{number}: `{placeholder.group(0)}` is a placeholder; write the value in full "
                    f"({version.fill(placeholder.group(0))}): LinkML tools read these files as they are"
                )
            for url, other in foreign.items():
                if url in code:
                    found.append(f"{name}:{number}: the URL of {other} in a file of {version.version} ({url})")
        document = load_text(text)
        declared = document.get("version") if isinstance(document, dict) else None
        if declared is not None and str(declared) != version.semver:
            line = next((n for n, t in enumerate(text.split("\n"), 1) if t.startswith("version:")), 1)
            found.append(f"{name}:{line}: `version: {declared}`, but versions.yaml says {version.semver}")
    return found
