"""The generated JSON Schema documents what users validate against: every field and every
vocabulary value has a description there, as in the codebook."""

import json

from engagements.schema import TABLES
from engagements.schema.emit import JSON_DIR


def _schemas():
    for t in TABLES:
        yield t, json.loads((JSON_DIR / f"{t.name}.schema.json").read_text(encoding="utf-8"))


def test_every_field_has_a_description():
    for t, schema in _schemas():
        missing = [name for name, prop in schema["properties"].items() if not prop.get("description")]
        assert missing == [], f"{t.name}: fields without description: {missing}"


def test_every_vocabulary_value_has_a_description():
    for t, schema in _schemas():
        for name, definition in schema.get("$defs", {}).items():
            if "enum" in definition:
                described = {o["const"]: o["description"] for o in definition.get("oneOf", [])}
                assert set(described) == set(definition["enum"]), f"{t.name}.{name}"
                assert all(described.values()), f"{t.name}.{name} has a value without description"
