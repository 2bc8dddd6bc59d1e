"""The semver rule: removing or retyping needs MAJOR, adding needs MINOR, data alone PATCH."""

from __future__ import annotations

import pytest
from engagements.schema.registry import SCHEMA_VERSION

from engagements.release import DATASETS, list_releases
from engagements.versioning import (
    Version,
    VersionError,
    check_bump,
    current_snapshot,
    diff,
    release_snapshot,
    required_bump,
)

OLD = {
    "meetings": {"meeting_id": ("string", False, ()), "status": ("string", False, ("held", "planned"))},
    "requests": {"request_id": ("string", False, ())},
}


def _bump(new) -> str:
    return required_bump(diff(OLD, new))


def test_the_same_schema_needs_only_a_patch():
    assert _bump(OLD) == "patch"


@pytest.mark.parametrize(
    "change, due",
    [
        (lambda s: s.pop("requests"), "major"),  # table removed
        (lambda s: s["meetings"].pop("status"), "major"),  # column removed
        (lambda s: s["meetings"].update(meeting_id=("int64", False, ())), "major"),  # retyped
        (lambda s: s["meetings"].update(meeting_id=("string", True, ())), "major"),  # nullability
        (lambda s: s["meetings"].update(status=("string", False, ("held",))), "major"),  # value removed
        (lambda s: s["meetings"].update(status=("string", False, ("held", "planned", "cancelled"))), "minor"),
        (lambda s: s["meetings"].update(city=("string", True, ())), "minor"),  # column added
        (lambda s: s.update(dialogues={"dialogue_id": ("string", False, ())}), "minor"),  # table added
    ],
)
def test_each_kind_of_change_needs_its_bump(change, due):
    new = {t: dict(cols) for t, cols in OLD.items()}
    change(new)
    assert _bump(new) == due


def test_a_bump_too_small_is_refused_with_the_version_to_use():
    changes = diff(OLD, {"meetings": OLD["meetings"]})
    with pytest.raises(VersionError, match=r"0.3.0 -> 0.3.1 is a patch bump.*table requests removed.*release 1.0.0"):
        check_bump("0.3.0", "0.3.1", changes)
    assert check_bump("0.3.0", "1.0.0", changes) == "major"
    with pytest.raises(VersionError, match="not higher"):
        check_bump("0.3.0", "0.3.0", [])


def test_versions_parse_and_order():
    assert Version.parse("v1.2.3") == Version(1, 2, 3) < Version.parse("1.10.0")
    with pytest.raises(VersionError):
        Version.parse("1.2")


def test_the_current_schema_against_the_last_committed_release():
    """Says which bump the next release needs, and checks SCHEMA_VERSION was bumped to match."""
    releases = list_releases(DATASETS)
    if not releases:
        pytest.skip("no release is committed under datasets/ yet: nothing to compare the schema with")
    version, folder = releases[-1]
    changes = diff(release_snapshot(folder), current_snapshot())
    due = required_bump(changes)
    print(f"schema changes since {version}: {[c.message for c in changes] or 'none'}; the next release needs a {due} bump")
    from engagements.datapackage import read_descriptor

    released_schema = read_descriptor(folder).get("schemaVersion", str(version))
    if due == "patch":
        return
    made = Version.parse(SCHEMA_VERSION).bump_from(Version.parse(released_schema))
    assert made in (("major",) if due == "major" else ("major", "minor")), (
        f"the schema changed since release {version} ({'; '.join(c.message for c in changes)}): "
        f"bump SCHEMA_VERSION in schema/registry.py from {released_schema} to "
        f"{Version.parse(released_schema).bump(due)} and release the next dataset as {version.bump(due)}"
    )
