"""Frictionless discovers plugins as top-level modules named ``frictionless_<name>``: this shim
hands it the Arrow-based Parquet parser of ``engagements.frictionless_plugin``.

It fails soft: if ``engagements`` is gone (uninstalled) frictionless simply finds no plugin here,
instead of failing to start."""

try:
    from engagements.frictionless_plugin import EngagementsPlugin
except ImportError:  # pragma: no cover - only after engagements is uninstalled
    pass
else:
    __all__ = ["EngagementsPlugin"]
