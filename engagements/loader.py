"""Load a pinned release in one line, after checking it is exactly the release that was published.

    >>> import engagements
    >>> meetings = engagements.load("meetings", version="0.1.0")        # a pyarrow.Table
    >>> con = engagements.connect("0.1.0")                              # DuckDB, a view per table
    >>> con.sql("select status, count(*) from meetings group by all").show()

Releases are found in the installed package (``engagements.datasets``, which ships every
committed ``datasets/v*/`` folder), or in the folder given as ``path`` (a release kept elsewhere,
e.g. one built from a larger corpus with ``engagements release VERSION PATH --out DIR``).

Both functions verify the sha256 of what they read against the release's ``datapackage.json``
and raise ``ReleaseIntegrityError`` for a changed or missing file; neither reads a resource path
that leads outside its release folder.  ``load`` hashes the very bytes it parses, so what it
returns is what was published.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from engagements import datapackage
from engagements.errors import ReleaseIntegrityError, ReleaseNotFoundError
from engagements.versioning import Version, VersionError

DEFAULT_VERSION = "0.1.0"


def datasets_root() -> Path:
    """Where the committed releases are: the installed ``engagements.datasets`` package, or the
    source checkout's ``datasets/`` folder."""
    try:
        import engagements.datasets as shipped

        return Path(next(iter(shipped.__path__)))
    except (ImportError, StopIteration):
        return Path(__file__).resolve().parents[1] / "datasets"


def available_versions(root: Path | None = None) -> list[str]:
    root = root or datasets_root()
    found = []
    for child in root.glob("v*") if root.is_dir() else []:
        try:
            found.append(Version.parse(child.name))
        except VersionError:
            continue
    return [str(v) for v in sorted(found)]


def release_dir(version: str = DEFAULT_VERSION, path: Path | str | None = None) -> Path:
    """The folder of release ``version``: ``path`` itself when given, else the shipped one."""
    wanted = str(Version.parse(version))
    if path is not None:
        folder = Path(path)
        if not (folder / datapackage.DESCRIPTOR).is_file() and (folder / f"v{wanted}").is_dir():
            folder = folder / f"v{wanted}"  # a folder of releases, as `release --out` writes
        if not folder.is_dir():
            raise ReleaseNotFoundError(f"{folder} is not a folder: give the path of a release folder (the one holding datapackage.json)")
        return folder
    folder = datasets_root() / f"v{wanted}"
    if not folder.is_dir():
        have = ", ".join(available_versions()) or "none"
        raise ReleaseNotFoundError(f"no release {wanted} in {datasets_root()} (available: {have}); pass path= for a release kept elsewhere")
    return folder


def _descriptor(folder: Path, version: str) -> dict:
    desc = datapackage.read_descriptor(folder)
    recorded = desc.get("version")
    if recorded != str(Version.parse(version)):
        raise ReleaseIntegrityError(f"{folder} holds release {recorded!r}, not {version!r}")
    return desc


def _resource(desc: dict, folder: Path, table: str) -> dict:
    for resource in desc.get("resources", []):
        if resource.get("name") == table:
            return resource
    names = ", ".join(r.get("name", "?") for r in desc.get("resources", []))
    raise ReleaseNotFoundError(f"release {desc.get('version')} in {folder} has no table {table!r}; its tables are: {names}")


def load(table: str, version: str = DEFAULT_VERSION, path: Path | str | None = None) -> pa.Table:
    """One table of a release as a ``pyarrow.Table``, after checking its sha256."""
    folder = release_dir(version, path)
    desc = _descriptor(folder, version)
    resource = _resource(desc, folder, table)
    file = datapackage.resource_file(folder, resource)
    if not file.is_file():
        raise ReleaseIntegrityError(f"{file} is missing from release {version}; restore the release folder")
    data = file.read_bytes()
    expected = resource.get("hash", "")
    if not expected.startswith("sha256:"):
        raise ReleaseIntegrityError(f"{folder} records no sha256 for {table}: it is not a frozen release")
    if hashlib.sha256(data).hexdigest() != expected.removeprefix("sha256:"):
        raise ReleaseIntegrityError(f"{file} does not match the sha256 recorded in release {version}: the file was changed; refusing to load it")
    return pq.read_table(pa.BufferReader(data))


def _quote(text: str, mark: str = "'") -> str:
    return mark + text.replace(mark, mark * 2) + mark


def connect(version: str = DEFAULT_VERSION, path: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with a view per table of the release, after checking every
    file's sha256; views and columns carry the descriptions of the schema as comments."""
    folder = release_dir(version, path)
    _descriptor(folder, version)
    desc = datapackage.verify(folder)
    con = duckdb.connect()
    for resource in desc["resources"]:
        name, file = resource["name"], datapackage.resource_file(folder, resource)
        con.execute(f"create view {_quote(name, chr(34))} as select * from read_parquet({_quote(str(file))})")
        if resource.get("description"):
            con.execute(f"comment on view {_quote(name, chr(34))} is {_quote(resource['description'])}")
        for field in resource.get("schema", {}).get("fields", []):
            if field.get("description"):
                con.execute(f"comment on column {_quote(name, chr(34))}.{_quote(field['name'], chr(34))} is {_quote(field['description'])}")
    return con
