"""The repository says how to cite it and under which licences code and data are."""

from __future__ import annotations

import tomllib

import yaml

from engagements import datapackage
from engagements.release import REPO_ROOT


def test_citation_file_parses_and_names_the_package_version():
    citation = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert citation["cff-version"] == "1.2.0"
    assert str(citation["version"]) == project["version"]
    assert {"MIT", "CC-BY-4.0"} <= set(citation["license"])


def test_licences_of_code_and_data_are_stated():
    assert "MIT License" in (REPO_ROOT / "LICENSE").read_text(encoding="utf-8")
    data = (REPO_ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in data and "17 U.S.C. § 105" in data
    assert [lic["name"] for lic in datapackage.descriptor()["licenses"]] == ["CC-BY-4.0"]


def test_the_changelog_exists_with_its_header():
    assert (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8").startswith("# Changelog")
