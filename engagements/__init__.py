"""diplomatic-engagements: typed, validated, versioned records of diplomatic engagement.

    >>> import engagements
    >>> engagements.load("meetings", version="0.1.0")   # pyarrow.Table, hash-checked
    >>> engagements.connect("0.1.0")                    # DuckDB connection, a view per table

``load`` and ``connect`` are imported on first use, so that importing a submodule (the
extractors in worker processes) does not load DuckDB.
"""

__all__ = ["connect", "load"]


def __getattr__(name: str):
    if name in __all__:
        from engagements import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'engagements' has no attribute {name!r}")
