"""Property 4: `stac_mlm.migrate` is idempotent on every generated document and never produces an
invalid document while calling it valid.

- A valid v1.5.2 document comes back unchanged, valid, with an empty report.
- On any document (valid or a near miss), migration either fails with a ``MigrationError`` (a clear
  message, never another exception) or returns a result whose ``valid`` flag is the generated
  schema's verdict on the result; migrating that result again changes nothing.
"""

from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st
from stac_mlm import migration
from support import validators

from . import strategies as S
from .profiles import PROPERTY_SETTINGS
from .tally import record


def _string_extensions(doc: dict) -> dict:
    """The model lets `stac_extensions` hold any JSON values; keep the strings, so that most documents
    get past the structure check (an array inside it is a MigrationError, bug M2 fixed) and are migrated
    (the MLM URL, a string, stays: validity does not change)."""
    if isinstance(doc.get("stac_extensions"), list):
        doc["stac_extensions"] = [x for x in doc["stac_extensions"] if isinstance(x, str)]
    return doc


@PROPERTY_SETTINGS
@given(S.documents())
def test_a_valid_document_is_returned_unchanged(doc: dict) -> None:
    before = copy.deepcopy(doc)
    result = migration.migrate(doc)
    record("4a migrate keeps valid documents", valid=result.valid, disagreement=result.document != before)
    assert result.valid and result.document == before and result.report == []
    again = migration.migrate(result.document)
    assert again.document == result.document and again.report == []


@PROPERTY_SETTINGS
@given(st.one_of(S.documents(), S.near_misses().map(lambda miss: miss.document)).map(_string_extensions))
def test_migration_is_idempotent_and_honest_about_validity(doc: dict) -> None:
    before = copy.deepcopy(doc)
    try:
        result = migration.migrate(doc)
    except migration.MigrationError as error:
        record("4b migrate idempotent, verdict honest", kind="MigrationError")
        assert str(error), "a migration error must say why"
        return
    assert doc == before, "migrate must not change its input"
    schema_valid = validators.generated_validator().is_valid(result.document)
    again = migration.migrate(copy.deepcopy(result.document))
    idempotent = again.document == result.document
    record(
        "4b migrate idempotent, verdict honest",
        valid=schema_valid,
        disagreement=result.valid != schema_valid or not idempotent,
    )
    assert result.valid == schema_valid, f"migrate says valid={result.valid}, the schema says {schema_valid}"
    assert idempotent, "migrating a migrated document changed it again"
    if schema_valid:
        assert again.report == [], "a second migration of a valid result must report nothing"
