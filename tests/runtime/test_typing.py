"""What a type checker refuses (``mypy --strict``, no plugin): a misspelt keyword, a value outside a closed
enum, an optional field read as if always present, an accessor that does not exist. Skipped when mypy is not
installed (``nox -s lint`` installs it and runs this module). Names are read from the generated classes."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from stac_mlm.models import InputStructure, ItemProperties

api = pytest.importorskip("mypy.api", reason="mypy is not installed (nox -s lint runs these checks)")

# an integer field that may be left out (JSON integers are typed `int`; see the generated JsonInteger)
OPTIONAL_INT = sorted(
    name for name in ItemProperties._omittable if "_whole_number" in repr(ItemProperties.model_fields[name].annotation)
)[0]
REQUIRED = sorted(name for name, info in ItemProperties.model_fields.items() if info.is_required())

SNIPPETS = {
    "typo": (
        f"""
        from stac_mlm.models import ItemProperties
        ItemProperties({", ".join(f"{n}=[]" for n in REQUIRED)}, {OPTIONAL_INT}x=5)
        """,
        "call-arg",
    ),
    "closed_enum": (
        """
        from stac_mlm.models import InputStructure
        InputStructure(shape=[1], dim_order=["batch"], data_type="not-a-data-type")
        """,
        "arg-type",
    ),
    "optional_read": (
        f"""
        from stac_mlm.models import ItemProperties
        def count(properties: ItemProperties) -> int:
            return properties.{OPTIONAL_INT}
        """,
        "return-value",
    ),
    "accessor": (
        f"""
        import pystac
        from stac_mlm.pystac import StacMLMExtension
        def count(item: pystac.Item) -> object:
            return StacMLMExtension.ext(item).{OPTIONAL_INT.split("_", 1)[1]}x
        """,
        "attr-defined",
    ),
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("typing")
    for name, (code, _) in SNIPPETS.items():
        (folder / f"{name}.py").write_text(textwrap.dedent(code), encoding="utf-8")
    files = [str(folder / f"{name}.py") for name in SNIPPETS]
    out, _, _ = api.run(["--strict", "--no-incremental", "--cache-dir", str(folder / "cache"), *files])
    return {name: "\n".join(line for line in out.splitlines() if f"{name}.py:" in line) for name in SNIPPETS}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_type_checker_refuses(name: str, reports: dict[str, str]) -> None:
    _, code = SNIPPETS[name]
    assert f"[{code}]" in reports[name], reports[name]


def test_a_correct_use_passes(tmp_path: Path) -> None:
    code = f"""
    from stac_mlm.models import DataTypeEnum, InputStructure, ItemProperties
    InputStructure(shape=[1], dim_order=["batch"], data_type=DataTypeEnum.float32)
    InputStructure(shape=[1], dim_order=["batch"], data_type="float32")
    def count(properties: ItemProperties) -> int:
        return properties.{OPTIONAL_INT} or 0
    """
    path = tmp_path / "fine.py"
    path.write_text(textwrap.dedent(code), encoding="utf-8")
    out, _, status = api.run(["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(path)])
    assert status == 0, out
    assert InputStructure.model_fields["data_type"].is_required()


def test_the_package_readme_python_blocks_pass_strict_checking(tmp_path: Path) -> None:
    """The package README's Python blocks, joined in page order as they run, pass ``mypy --strict``."""
    from support import code_blocks
    from support.paths import REPO

    for page in code_blocks.RUNTIME_PAGES:
        blocks = [b for b in code_blocks.page_blocks(REPO / page) if b.language == "python"]
        assert blocks, page
        path = tmp_path / "readme_blocks.py"
        path.write_text("\n".join(block.code for block in blocks), encoding="utf-8")
        out, _, status = api.run(["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(path)])
        assert status == 0, f"{page}:\n{out}"


def _version_modules() -> tuple[str, str]:
    """The latest release's class module and another version's (the oldest), as ``stac_mlm.models`` names them."""
    from stac_mlm._generated import releases

    latest = releases.MODULES[releases.LATEST_RELEASE]
    return latest, next(module for module in releases.MODULES.values() if module != latest)


def test_the_version_modules_are_typed_in_each_import_form(tmp_path: Path) -> None:
    """``import stac_mlm.models.<v>``, ``from stac_mlm.models.<v> import ...`` and ``from stac_mlm.models
    import <v>`` type-check; the latest release's classes are ``stac_mlm.models``'s, another version's differ."""
    latest, other = _version_modules()
    code = f"""
    from typing import assert_type
    import stac_mlm.models.{latest}
    from stac_mlm.models import ItemProperties, {other}
    from stac_mlm.models.{latest} import ItemProperties as LatestProperties
    def same(a: stac_mlm.models.{latest}.ItemProperties, b: LatestProperties) -> ItemProperties:
        assert_type(a, ItemProperties)
        return b
    def older(c: {other}.ItemProperties) -> {other}.ItemProperties:
        return c
    """
    good = tmp_path / "version_modules.py"
    good.write_text(textwrap.dedent(code), encoding="utf-8")
    wrong = tmp_path / "version_mixed.py"
    wrong.write_text(
        textwrap.dedent(f"""
        from stac_mlm.models import ItemProperties, {other}
        from stac_mlm.models.{latest} import ItemPropertiesx
        def mixed(c: {other}.ItemProperties) -> ItemProperties:
            return c
        """),
        encoding="utf-8",
    )
    cache = ["--cache-dir", str(tmp_path / "cache")]
    out, _, status = api.run(["--strict", "--no-incremental", *cache, str(good)])
    assert status == 0, out
    out, _, _ = api.run(["--strict", "--no-incremental", *cache, str(wrong)])
    assert "[attr-defined]" in out and "[return-value]" in out, out
