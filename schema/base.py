"""The strict base model and the shared field types every table uses."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Strict: a misspelt field or a wrong type fails loudly instead of vanishing."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        validate_default=True,
        use_enum_values=True,
        frozen=False,
    )


_ISO3 = re.compile(r"^[A-Z]{3}$")
#: Parties that are not states; the gold README writes them by acronym.
ORGANISATION_CODES = ("UN", "OAS", "NATO", "EU", "AU", "IAEA", "OSCE", "IMF", "WB", "ASEAN", "UNASUR", "IDB", "ICC", "WTO", "MERCOSUR", "SICA", "ICRC")


def _check_party(code: str) -> str:
    if code in ORGANISATION_CODES or _ISO3.match(code):
        return code
    raise ValueError(f"{code!r} is neither an ISO 3166-1 alpha-3 code nor a known organisation acronym")


PartyCode = Annotated[
    str,
    AfterValidator(_check_party),
    Field(description="ISO 3166-1 alpha-3 code of a state, or the acronym of an international organisation (UN, OAS, NATO, EU ...)."),
]

CableId = Annotated[
    str,
    Field(pattern=r"^[0-9]{2}[A-Z][A-Z0-9]*[0-9]+$", description="Canonical WikiLeaks reference id: two-digit year, origin code, serial number (e.g. 09LIMA1661)."),
]

Edtf = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?~?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?~?)?$",
        description="Extended Date/Time Format (ISO 8601-2 level 1): YYYY, YYYY-MM, YYYY-MM-DD, '~' for approximate, '/' between the ends of an interval.",
    ),
]
