"""docs/errata.md, the errata cases and the `erratum` annotations of schema/ name the same errata."""

from __future__ import annotations

import re

from stac_ext_codegen.model import SourceModel
from support.cases import ERRATA_CASES
from support.paths import DOCS_DIR, SCHEMA_DIR

ROW = re.compile(r"^\| (E\d+) \|")


def _documented() -> dict[str, str]:
    rows = {}
    for line in (DOCS_DIR / "errata.md").read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            rows[match.group(1)] = line
    return rows


def _annotated() -> set[str]:
    view = SourceModel.load(SCHEMA_DIR).view
    elements = [
        *view.all_classes().values(),
        *view.all_slots().values(),
        *view.all_enums().values(),
        *view.all_types().values(),
    ]
    found = set()
    for element in elements:
        note = (element.annotations or {}).get("erratum")
        if note is not None:
            found.add(str(getattr(note, "value", note)))
    for cls in view.all_classes().values():
        for usage in (cls.slot_usage or {}).values():
            note = (usage.annotations or {}).get("erratum")
            if note is not None:
                found.add(str(getattr(note, "value", note)))
    return found


def test_every_documented_erratum_is_pinned_by_a_named_test() -> None:
    documented = _documented()
    named = _annotated() | {case.id.split("-")[0] for case in ERRATA_CASES}  # by the model and the cases
    assert named and set(documented) >= named, named - set(documented)
    case_ids = {case.id for case in ERRATA_CASES}
    for erratum, row in documented.items():
        pinned = re.findall(r"`([A-Za-z0-9_-]+)`", row.split("|")[-2])
        assert pinned, f"{erratum} names no test"
        for name in pinned:
            assert name in case_ids or name.startswith(("test_", "R")), f"{erratum}: unknown test {name}"


def test_every_errata_case_is_documented() -> None:
    documented = _documented()
    for case in ERRATA_CASES:
        assert case.id.split("-")[0] in documented, case.id


def test_schema_annotations_point_at_documented_errata() -> None:
    annotated = _annotated()
    assert annotated, "schema/ should mark the elements that reproduce errata"
    assert annotated <= set(_documented()), annotated - set(_documented())
