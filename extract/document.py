"""The objects that flow between the stages: read -> segment -> extract.

``RawCable`` is what a reader makes of one file's bytes; ``ParsedCable`` is a cable with its
header fields and paragraphs, ready for the extractors; ``Extraction`` is what the extractors
find in one cable.  Tables' rows are the schema's pydantic models; these dataclasses only carry
them between stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engagements.schema import (
    Cable,
    CableTag,
    CableText,
    Dialogue,
    DialogueMention,
    Meeting,
    MeetingParticipant,
    Paragraph,
    Request,
)
from engagements.schema.vocab import SourceForm


@dataclass
class RawCable:
    """One file's cable, split but not yet interpreted.

    ``header`` and ``body`` are normalised text (entities decoded, markup stripped, LF line ends);
    ``page`` holds the WikiLeaks metadata table where the form has one (keys: reference_id,
    created, released, classification, origin).
    """

    source_path: str
    source_form: SourceForm
    header: str
    body: str
    page: dict[str, str] = field(default_factory=dict)
    id_hint: str | None = None  # from the file name, when it looks like a reference id


@dataclass
class ParsedCable:
    """A cable read and segmented: its row, its tags, its stored body and its paragraphs."""

    cable: Cable
    tags: list[CableTag]
    text: CableText
    paragraphs: list[Paragraph]

    @property
    def cable_id(self) -> str:
        return self.cable.cable_id

    def paragraph(self, number: int) -> Paragraph | None:
        for p in self.paragraphs:
            if p.paragraph_number == number:
                return p
        return None


@dataclass
class Extraction:
    """Everything the extractors found in one cable.

    ``dialogues`` are this cable's view of each mechanism (``first_cable_id`` is this cable,
    ``cable_count`` 1); the pipeline merges views of the same ``dialogue_id`` across cables.
    """

    dialogues: list[Dialogue] = field(default_factory=list)
    dialogue_mentions: list[DialogueMention] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    participants: list[MeetingParticipant] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
