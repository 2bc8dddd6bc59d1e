"""The SQL cookbook: one DuckDB recipe per question, as ``*.sql`` files shipped with the package.

Each recipe starts with a header of machine-readable comment lines, which ``engagements sql
list`` shows and ``engagements.recipes`` uses to bind parameters::

    -- question: Which items were requested, by which requester country, in which year?
    -- tables: requests, cables
    -- param: item varchar null  Only this item (item vocabulary); null for every item.
    -- param: top integer 20  How many rows to return.
    -- param: record_id varchar required  The record to explain.
    -- returns: one row per item, requester country and year, with counts by status.
    -- example: engagements sql run requests_by_item --data datasets/v0.1.0 --param item=training

A ``param`` line is ``name type default description``; ``type`` is one of ``varchar``,
``integer``, ``double``, ``boolean``, ``date``; ``default`` is a SQL literal, ``null`` (the
filter is off) or ``required``.  A line that starts with ``--`` and two or more spaces continues
the previous key.  The header ends at the first line that is not a comment.

How a recipe finds its data and parameters (the same file text in the duckdb CLI and Python):

- tables: ``read_parquet(coalesce(getvariable('data'), '.') || '/requests.parquet')`` - the
  release folder is the DuckDB variable ``data``, or the current folder when it is unset;
- parameters: ``getvariable('item')``, set with ``SET VARIABLE item = ...`` in the CLI and bound
  with ``SET VARIABLE item = ?`` by ``engagements.recipes``; defaults sit in the SQL as
  ``coalesce(getvariable('top'), 20)``, and required ones as
  ``coalesce(getvariable('record_id'), error('...'))``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from importlib import resources

from engagements.errors import RecipeError

#: Parameter types a header may declare, as DuckDB spells them.
PARAM_TYPES = ("varchar", "integer", "double", "boolean", "date")
#: The variable that names the release folder; no recipe may declare it as a parameter.
DATA_VARIABLE = "data"

_KEY = re.compile(r"^--\s*([a-z_]+):\s?(.*)$")
_CONTINUATION = re.compile(r"^--\s{2,}(\S.*)$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None  # SQL literal text; None when the default is null or the param is required
    required: bool
    description: str

    @property
    def default_text(self) -> str:
        if self.required:
            return "required"
        return "null" if self.default is None else self.default


@dataclass(frozen=True)
class Recipe:
    name: str
    question: str
    tables: tuple[str, ...]
    params: tuple[Param, ...]
    returns: str
    examples: tuple[str, ...]
    text: str = field(repr=False)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise RecipeError(f"recipe {self.name!r} has no parameter {name!r}; its parameters: {known}")


def _parse_param(recipe: str, value: str) -> Param:
    parts = value.split(None, 3)
    if len(parts) < 3:
        raise RecipeError(f"recipe {recipe!r}: a param line needs 'name type default description', got {value!r}")
    name, typ, default = parts[0], parts[1].lower(), parts[2]
    description = parts[3].strip() if len(parts) > 3 else ""
    if not _NAME.match(name) or name == DATA_VARIABLE:
        raise RecipeError(f"recipe {recipe!r}: bad parameter name {name!r} (lowercase identifier, not {DATA_VARIABLE!r})")
    if typ not in PARAM_TYPES:
        raise RecipeError(f"recipe {recipe!r}: parameter {name!r} has type {typ!r}; types are {', '.join(PARAM_TYPES)}")
    required = default.lower() == "required"
    return Param(name, typ, None if required or default.lower() == "null" else default, required, description)


def parse(name: str, text: str) -> Recipe:
    """Read a recipe's header comment into a ``Recipe``."""
    keys: dict[str, list[str]] = {}
    last: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("--"):
            break
        cont = _CONTINUATION.match(stripped)
        m = _KEY.match(stripped)
        if m and not cont:
            last = m.group(1)
            keys.setdefault(last, []).append(m.group(2).strip())
        elif cont and last:
            keys[last][-1] = f"{keys[last][-1]} {cont.group(1).strip()}"
        else:
            last = None
    if not keys.get("question"):
        raise RecipeError(f"recipe {name!r} has no '-- question:' line in its header")
    if not keys.get("tables"):
        raise RecipeError(f"recipe {name!r} has no '-- tables:' line in its header")
    tables = tuple(t.strip() for t in ",".join(keys["tables"]).split(",") if t.strip())
    params = tuple(_parse_param(name, v) for v in keys.get("param", []))
    return Recipe(
        name=name,
        question=keys["question"][0],
        tables=tables,
        params=params,
        returns=" ".join(keys.get("returns", [])),
        examples=tuple(keys.get("example", [])),
        text=text,
    )


def _files():
    return sorted(
        (f for f in resources.files(__name__).iterdir() if f.name.endswith(".sql") and not f.name.startswith("_")),
        key=lambda f: f.name,
    )


def names() -> list[str]:
    """Recipe names (file names without ``.sql``), sorted."""
    return [f.name[:-4] for f in _files()]


def recipe(name: str) -> Recipe:
    """The recipe called ``name``; ``RecipeError`` naming the close matches when there is none."""
    for f in _files():
        if f.name[:-4] == name:
            return parse(name, f.read_text(encoding="utf-8"))
    close = difflib.get_close_matches(name, names(), n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise RecipeError(f"no recipe named {name!r}.{hint} Recipes: {', '.join(names())} (see `engagements sql list`)")


def recipes() -> list[Recipe]:
    """Every recipe, parsed, in name order."""
    return [parse(f.name[:-4], f.read_text(encoding="utf-8")) for f in _files()]


def path(name: str):
    """The recipe file (a ``Traversable``; a real path in an installed or editable package)."""
    recipe(name)
    return resources.files(__name__).joinpath(f"{name}.sql")
