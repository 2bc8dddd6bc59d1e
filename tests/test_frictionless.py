"""`frictionless validate` passes on a release, lists and hashes included, without pandas.

frictionless 5.21 finds plugins only as top-level modules named ``frictionless_*`` that
``pkgutil.iter_modules()`` lists.  An installed wheel ships ``frictionless_engagements.py`` at the
top level of site-packages, so the plain CLI finds it; an editable install serves modules through
setuptools' import hook, which pkgutil cannot list: there ``python -m engagements.frictionless_plugin``
copies the shim into site-packages once, and until then the CLI test puts a copy on PYTHONPATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import release_samples as samples  # tests/ is on sys.path, as conftest.py's folder
from frictionless import validate

from engagements.frictionless_plugin import register, shim_discoverable

SHIM = Path(__file__).resolve().parents[1] / "frictionless_engagements.py"


@pytest.fixture(scope="module")
def release_folder(tmp_path_factory) -> Path:
    return samples.release_sample(tmp_path_factory.mktemp("frictionless"), "0.1.0")


def _cli_env(tmp_path: Path) -> dict:
    env = dict(os.environ)
    if not shim_discoverable():
        shutil.copy(SHIM, tmp_path / SHIM.name)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tmp_path), env.get("PYTHONPATH")]))
    return env


def test_a_release_is_valid_for_frictionless(release_folder):
    register()
    report = validate(str(release_folder / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "type", "note"])
    stats = {task.name: task.stats for task in report.tasks}
    assert stats["cables"]["rows"] == 2  # list columns (renderings, tags ...) read and checked


def test_frictionless_checks_the_recorded_hash_through_the_plugin(release_folder, tmp_path):
    register()
    copy = tmp_path / "copy"
    shutil.copytree(release_folder, copy)
    samples.make_writable(copy)
    desc = json.loads((copy / "datapackage.json").read_text())
    desc["resources"][0]["hash"] = "sha256:" + "0" * 64
    (copy / "datapackage.json").write_text(json.dumps(desc))
    report = validate(str(copy / "datapackage.json"))
    assert [e[0] for e in report.flatten(["type"])] == ["hash-count"]


def test_the_plain_frictionless_cli_passes(release_folder, tmp_path):
    cli = shutil.which("frictionless") or pytest.skip("the frictionless command is not installed")
    result = subprocess.run(
        [cli, "validate", str(release_folder / "datapackage.json"), "--json"],
        check=False, capture_output=True, text=True, env=_cli_env(tmp_path), timeout=300,
    )
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["valid"], result.stdout[-2000:] + result.stderr[-2000:]


def test_frictionless_finds_the_shim_as_a_plugin(tmp_path):
    code = "from frictionless import system; print(type(system.plugins['engagements']).__name__)"
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, env=_cli_env(tmp_path), timeout=120)
    assert result.stdout.strip() == "EngagementsPlugin", result.stderr[-2000:]
