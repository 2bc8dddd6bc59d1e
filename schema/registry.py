"""The table registry: which model is which table, with its keys.  Everything tabular reads this."""

from __future__ import annotations

from dataclasses import dataclass, field

from .base import Record
from .models import (
    Cable,
    CableTag,
    CableText,
    Dialogue,
    DialogueMention,
    Meeting,
    MeetingParticipant,
    Paragraph,
    Quarantine,
    Request,
)

#: The schema's own version: bumped by the rules in ``engagements.versioning``.
SCHEMA_VERSION = "0.1.0"


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    model: type[Record]
    primary_key: tuple[str, ...]
    description: str
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

    @property
    def fields(self) -> list[str]:
        """Column order users see: keys first, then the table's own fields, then shared evidence
        and coding fields inherited from the mixins."""
        own = [f for f in self.model.__annotations__ if f in self.model.model_fields]
        rest = list(self.model.model_fields)
        ordered = list(self.primary_key) + ["cable_id"] * ("cable_id" in rest) + own + rest
        return list(dict.fromkeys(ordered))


def _fk(fields: str, table: str, reference: str | None = None) -> ForeignKey:
    return ForeignKey(tuple(fields.split(",")), table, tuple((reference or fields).split(",")))


TABLES: tuple[Table, ...] = (
    Table("cables", Cable, ("cable_id",), "One row per cable, with its header fields and the renderings it was read from."),
    Table("cable_tags", CableTag, ("cable_id", "position"), "The TAGS of each cable, typed.", (_fk("cable_id", "cables"),)),
    Table("cable_texts", CableText, ("cable_id",), "The normalised body of each cable; paragraph offsets and quotes point into it.", (_fk("cable_id", "cables"),)),
    Table("paragraphs", Paragraph, ("cable_id", "paragraph_number"), "The numbered paragraphs of each cable with their portion markings.", (_fk("cable_id", "cables"),)),
    Table("dialogues", Dialogue, ("dialogue_id",), "Standing mechanisms between governments, one row each across all cables.", (_fk("first_cable_id", "cables", "cable_id"),)),
    Table("dialogue_mentions", DialogueMention, ("dialogue_id", "cable_id"), "Which cables describe which dialogue, with evidence.", (_fk("dialogue_id", "dialogues"), _fk("cable_id", "cables"))),
    Table("meetings", Meeting, ("meeting_id",), "Meetings reported or planned by cables; dialogue sessions included.", (_fk("cable_id", "cables"), _fk("dialogue_id", "dialogues"))),
    Table("meeting_participants", MeetingParticipant, ("participant_id",), "People and titles at each meeting, with side, role and level.", (_fk("meeting_id", "meetings"), _fk("cable_id", "cables"))),
    Table("requests", Request, ("request_id",), "Requests by one party to another, one per item.", (_fk("cable_id", "cables"), _fk("meeting_id", "meetings"))),
    Table("quarantine", Quarantine, ("quarantine_id",), "Inputs that could not become cables and records that could not be kept, with the reason."),
)

BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}


def table(name: str) -> Table:
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"no table named {name!r}; tables are: {', '.join(BY_NAME)}") from None
