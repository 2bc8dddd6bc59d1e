"""The schema of diplomatic-engagements: pydantic models, vocabularies and their emitters."""

from .models import (
    Cable,
    CableTag,
    CableText,
    Dialogue,
    DialogueMention,
    Evidence,
    Meeting,
    MeetingParticipant,
    Paragraph,
    Quarantine,
    Request,
)
from .registry import SCHEMA_VERSION, TABLES, Table, table

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "Cable",
    "CableTag",
    "CableText",
    "Dialogue",
    "DialogueMention",
    "Evidence",
    "Meeting",
    "MeetingParticipant",
    "Paragraph",
    "Quarantine",
    "Request",
    "Table",
    "table",
]
