"""The design card's folders form one namespaced package; the bare folder names do not leak."""

import importlib
import importlib.util

from conftest import ROOT


def test_the_card_folders_import_as_one_package():
    for name in ("engagements.schema", "engagements.extract", "engagements.sql"):
        assert importlib.import_module(name)


def test_bare_folder_names_are_not_importable_under_pytest():
    # `python -m pytest` from the root would put the root on sys.path and let `import schema`
    # find the folder instead of the installed package; `pytest` must not.
    for bare in ("schema", "extract"):
        assert importlib.util.find_spec(bare) is None, f"`import {bare}` resolves to the folder"


def test_package_code_never_imports_bare_folder_names():
    offenders = [
        str(p.relative_to(ROOT))
        for folder in ("engagements", "schema", "extract", "sql")
        for p in (ROOT / folder).rglob("*.py")
        if any(line.startswith(("import schema", "from schema", "import extract", "from extract")) for line in p.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []
