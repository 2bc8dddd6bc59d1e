"""CODEBOOK.md is generated from the schema and must be current."""

from __future__ import annotations

from engagements.schema.registry import TABLES
from engagements.schema.types import field_type
from engagements.schema.vocab import describe

from engagements.codebook import CODEBOOK, render


def test_the_codebook_is_current():
    assert CODEBOOK.read_text(encoding="utf-8") == render(), (
        "CODEBOOK.md is stale: regenerate it with `engagements schema write` and commit it"
    )


def test_the_codebook_lists_every_table_field_and_vocabulary_value():
    text = render()
    for table in TABLES:
        assert f"## `{table.name}`" in text
        for name in table.fields:
            assert f"| `{name}` |" in text, f"{table.name}.{name} missing"
            ft = field_type(table.model.model_fields[name].annotation)
            for value in describe(ft.vocabulary) if ft.vocabulary else ():
                assert f"| `{value}` |" in text, f"{ft.vocabulary.__name__}.{value} missing"


def test_constraints_are_spelt_out():
    text = render()
    assert "| `meeting_id` | `string` | primary key; required; matches `^mtg-" in text
    assert "| `confidence` | `double` | required; ≥ 0; ≤ 1 |" in text
