"""Typed errors with stable codes.

Cable-level errors carry an ``ErrorCode`` from the schema vocabulary, so the exception a reader
raises and the ``quarantine`` row it becomes speak the same code.  Other errors (releases,
loading, validation) have codes of their own, stable for scripts that match on them.
"""

from __future__ import annotations

from engagements.schema.vocab import ErrorCode


class EngagementsError(Exception):
    """Base class: every error the package raises on purpose has a stable kebab-case ``code``."""

    code = "engagements-error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class CableError(EngagementsError):
    """An input file or cable that cannot be read; it is quarantined, never raised past the build."""

    def __init__(self, error: ErrorCode, source_path: str, reason: str, cable_id: str | None = None):
        self.error = ErrorCode(error)
        self.code = self.error.value
        self.source_path = source_path
        self.cable_id = cable_id
        who = f"{source_path} (cable {cable_id})" if cable_id else source_path
        super().__init__(f"{who}: {reason}")


class ReleaseExistsError(EngagementsError):
    code = "release-exists"


class ReleaseIntegrityError(EngagementsError):
    """A release file is missing, altered, or points outside its release folder."""

    code = "release-integrity"


class ReleaseNotFoundError(EngagementsError):
    code = "release-not-found"


class ValidationFailed(EngagementsError):
    code = "validation-failed"


class GoldFormatError(EngagementsError):
    code = "gold-format"


class RecipeError(EngagementsError):
    code = "sql-recipe"
