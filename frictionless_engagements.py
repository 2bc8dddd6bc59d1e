"""Frictionless discovers plugins as top-level modules named ``frictionless_<name>``: this shim
hands it the Arrow-based Parquet parser of ``engagements.frictionless_plugin``."""

from engagements.frictionless_plugin import EngagementsPlugin

__all__ = ["EngagementsPlugin"]
