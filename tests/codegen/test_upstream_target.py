"""The `upstream` target: each version in the upstream repository's layout (README, json-schema, examples,
CHANGELOG), checked against the official v1.5.2 README's tables, upstream's own remark configuration
(with the real npm packages), and the version's schema."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from support.npm import installed
from support.paths import GENERATED_DIR, OFFICIAL_VERSION, REPO

UPSTREAM_OUT = GENERATED_DIR / "upstream"
VERSIONS = json.loads((REPO / "packages/stac-mlm/src/stac_mlm/_generated/versions.json").read_text(encoding="utf-8"))
DELIMITER = re.compile(r"^\|(?:-+\|)+$")


def _versions() -> list[str]:
    return sorted(p.name for p in UPSTREAM_OUT.iterdir() if p.is_dir())


def tables(text: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """Every table of a Markdown text: (the heading above it, its columns, its rows' cells)."""
    lines, found, heading = text.split("\n"), [], ""
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        if line.startswith("|") and index + 1 < len(lines) and DELIMITER.match(lines[index + 1].replace(" ", "")):
            cells = [_cells(line)]
            index += 2
            while index < len(lines) and lines[index].startswith("|"):
                cells.append(_cells(lines[index]))
                index += 1
            found.append((heading, cells[0], cells[1:]))
            continue
        index += 1
    return found


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip()[1:-1])]


def _row_name(cell: str) -> str:
    """A first cell without its decorations (footnote marks, code spans, the legacy-role mark)."""
    cell = re.sub(r"<sup>.*?</sup>", "", cell).replace("(\\*)", "")
    return cell.replace("`", "").strip()


@pytest.fixture(scope="module")
def official_readme(upstream: Path) -> str:
    return (upstream / "mlm" / OFFICIAL_VERSION / "repo-files" / "README.md").read_text(encoding="utf-8")


def test_every_version_has_the_upstream_layout() -> None:
    assert _versions() == sorted(v["version"] for v in VERSIONS["versions"])
    for version in _versions():
        folder = UPSTREAM_OUT / version
        for name in ("README.md", "CHANGELOG.md", "json-schema/schema.json"):
            assert (folder / name).is_file(), f"{version}: {name} missing"
        assert f"## [{version}]" in (folder / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.mark.upstream
def test_readme_has_the_official_tables_columns_and_rows(official_readme: str) -> None:
    ours = tables((UPSTREAM_OUT / OFFICIAL_VERSION / "README.md").read_text(encoding="utf-8"))
    theirs = tables(official_readme)
    assert len(ours) == len(theirs), [t[0] for t in ours]
    for (heading, columns, rows), (their_heading, their_columns, their_rows) in zip(ours, theirs, strict=True):
        assert heading == their_heading
        assert columns == their_columns, heading
        assert [_row_name(r[0]) for r in rows] == [_row_name(r[0]) for r in their_rows], heading


def test_tables_are_padded_as_remark_writes_them() -> None:
    for version in _versions():
        text = (UPSTREAM_OUT / version / "README.md").read_text(encoding="utf-8")
        lines = text.split("\n")
        for number, line in enumerate(lines):
            if not DELIMITER.match(line):
                continue
            table_rows = []
            for row in lines[number + 1 :]:
                if not row.startswith("|"):
                    break
                table_rows.append(row)
            block = [lines[number - 1], line, *table_rows]
            pipes = {tuple(m.start() for m in re.finditer(r"(?<!\\)\|", row)) for row in block}
            assert len(pipes) == 1, f"{version}: table at line {number} is not padded"
            assert all(len(cell) >= 3 for cell in line.strip("|").split("|"))


def test_header_bullets_the_extensions_index_reads() -> None:
    for version in _versions():
        text = (UPSTREAM_OUT / version / "README.md").read_text(encoding="utf-8")
        schema = json.loads((UPSTREAM_OUT / version / "json-schema" / "schema.json").read_text(encoding="utf-8"))
        assert f"- **Identifier:** <{schema['$id']}>" in text
        for label in ("Title", "Field Name Prefix", "Scope", "Extension Maturity Classification", "Owner"):
            assert re.search(rf"^- \*\*{label}:\*\*", text, re.M), f"{version}: no {label} bullet"


def test_schema_is_the_generated_one_and_examples_pass_it() -> None:
    for version in _versions():
        folder = UPSTREAM_OUT / version
        text = (folder / "json-schema" / "schema.json").read_text(encoding="utf-8")
        assert text == (GENERATED_DIR / "json-schema" / version / "schema.json").read_text(encoding="utf-8")
        schema = json.loads(text)
        for example in sorted((folder / "examples").glob("*.json")):
            document = json.loads(example.read_text(encoding="utf-8"))
            assert schema["$id"] in document["stac_extensions"], example
            errors = list(jsonschema.Draft7Validator(schema).iter_errors(document))
            assert not errors, f"{example}: {errors[0].message}"
    head = UPSTREAM_OUT / OFFICIAL_VERSION / "examples"
    project = [p.name for p in (REPO / "examples").glob("*.json") if not p.name.endswith(".expected.json")]
    assert sorted(p.name for p in head.glob("*.json")) == sorted(project)


@pytest.mark.slow
@pytest.mark.upstream
def test_remark_with_upstreams_configuration(upstream: Path, tmp_path: Path) -> None:
    """`npm run check-markdown` of upstream, offline, on every version's README and CHANGELOG (the real npm
    packages of upstream's package.json; remark-validate-links only checks the files' own headings here)."""
    repo_files = upstream / "mlm" / OFFICIAL_VERSION / "repo-files"
    manifest = json.loads((repo_files / "package.json").read_text(encoding="utf-8"))
    wanted = [f"{n}@{v}" for n, v in manifest["dependencies"].items() if n.startswith("remark")]
    modules = installed("remark-upstream", wanted)
    remark = modules / "node_modules" / ".bin" / "remark"
    for version in _versions():
        work = tmp_path / version
        shutil.copytree(UPSTREAM_OUT / version, work)
        (work / ".github").mkdir()
        shutil.copy(repo_files / ".github" / "remark.yaml", work / ".github" / "remark.yaml")
        shutil.copy(repo_files / ".remarkignore", work / ".remarkignore")
        (work / "node_modules").symlink_to(modules / "node_modules")  # where remark finds its plugins
        subprocess.run(["git", "init", "-q"], cwd=work, check=True)  # remark-validate-links asks git for the repo
        subprocess.run(["git", "remote", "add", "origin", "https://github.com/stac-extensions/mlm.git"], cwd=work)
        result = subprocess.run(
            [str(remark), ".", "-f", "-r", ".github/remark.yaml", "-i", ".remarkignore", "--no-color"],
            cwd=work,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"{version}:\n{result.stderr[-3000:]}"
        assert "README.md: no issues found" in result.stderr, result.stderr[-2000:]


@pytest.mark.slow
@pytest.mark.upstream
def test_remark_rejects_what_it_should(upstream: Path, tmp_path: Path) -> None:
    """The remark check can fail: a link to a heading that does not exist is reported."""
    repo_files = upstream / "mlm" / OFFICIAL_VERSION / "repo-files"
    manifest = json.loads((repo_files / "package.json").read_text(encoding="utf-8"))
    wanted = [f"{n}@{v}" for n, v in manifest["dependencies"].items() if n.startswith("remark")]
    modules = installed("remark-upstream", wanted)
    remark = modules / "node_modules" / ".bin" / "remark"
    (tmp_path / "node_modules").symlink_to(modules / "node_modules")
    (tmp_path / ".github").mkdir()
    shutil.copy(repo_files / ".github" / "remark.yaml", tmp_path / ".github" / "remark.yaml")
    text = (UPSTREAM_OUT / OFFICIAL_VERSION / "README.md").read_text(encoding="utf-8")
    (tmp_path / "README.md").write_text(text.replace("(#task-enum)", "(#no-such-heading)"), encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "remote", "add", "origin", "https://github.com/stac-extensions/mlm.git"], cwd=tmp_path)
    result = subprocess.run(
        [str(remark), "README.md", "-f", "-r", ".github/remark.yaml", "--no-color"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0 and "no-such-heading" in result.stderr
