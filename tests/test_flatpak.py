"""The Flatpak manifest: no network, the narrowest folders, and dependencies that match.

Building the Flatpak needs Flathub's runtimes, out of reach here;
packaging/flatpak/rehearse_build.py (run by tests/test_bundle.py) downloads every
source, checks its hash, runs the build commands and smoke-tests the result.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

import rm_journal
from tests.conftest import HANG_S

ROOT = Path(__file__).resolve().parents[1]
FLATPAK = ROOT / "packaging" / "flatpak"
MANIFEST = FLATPAK / f"{rm_journal.DESKTOP_ID}.json"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
sys.path.insert(0, str(FLATPAK))
import generate_python_deps  # noqa: E402


def show_manifest() -> dict:
    """The manifest as flatpak-builder reads it (file modules expanded); no warning."""
    done = subprocess.run(
        ["flatpak-builder", "--show-manifest", str(MANIFEST)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr  # e.g. "Unknown property … for type …"
    return json.loads(done.stdout)


def test_flatpak_builder_reads_the_manifest_and_its_ids_match_the_app():
    manifest = show_manifest()
    assert manifest["id"] == rm_journal.DESKTOP_ID
    assert manifest["command"] in PYPROJECT["project"]["scripts"]
    assert [m["name"] for m in manifest["modules"]] == ["python3-deps", "rm-journal"]


def test_no_network_at_run_time_or_build_time_and_only_the_folders_it_needs():
    manifest = show_manifest()
    assert "network" not in json.dumps(manifest)  # finish-args, build-args, anything
    finish = manifest["finish-args"]
    folders = sorted(a for a in finish if a.startswith("--filesystem="))
    assert folders == ["--filesystem=xdg-documents", "--filesystem=xdg-download"]
    assert not [a for a in finish if a.startswith(("--device=all", "--socket=session-bus"))]
    assert not [a for a in finish if a.startswith(("--socket=pulseaudio", "--socket=ssh"))]
    # D-Bus: only what locking needs (the screensaver, logind's sleep signal)
    buses = sorted(a for a in finish if "-talk-name" in a or "-own-name" in a)
    assert buses == [
        "--system-talk-name=org.freedesktop.login1",
        "--talk-name=org.freedesktop.ScreenSaver",
    ]


def test_every_file_the_build_installs_exists_in_the_repository():
    (app,) = [m for m in show_manifest()["modules"] if m["name"] == "rm-journal"]
    installed = [c.split()[2] for c in app["build-commands"] if c.startswith("install ")]
    assert len(installed) == 3
    for relative in installed:
        assert (ROOT / relative).is_file(), relative
    (tree,) = [s for s in app["sources"] if s["type"] == "dir"]
    assert (FLATPAK / tree["path"]).resolve() == ROOT


def wheels_by_arch(module: dict) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {arch: {} for arch in generate_python_deps.ARCHES}
    for source in module["sources"]:
        assert source["type"] == "file"
        assert source["url"].startswith("https://files.pythonhosted.org/packages/")
        assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])
        name, version, _, tags = parse_wheel_filename(source["url"].rsplit("/", 1)[-1])
        for arch in source.get("only-arches", generate_python_deps.ARCHES):
            assert name not in found[arch], f"two wheels of {name} for {arch}"
            found[arch][name] = str(version)
            # the runtime's CPython 3.12 can install it
            assert any(t.interpreter in ("py3", "cp312") or t.abi == "abi3" for t in tags), source[
                "url"
            ]
    return found


def test_the_python_modules_cover_every_runtime_dependency_within_its_range():
    (deps,) = [m for m in show_manifest()["modules"] if m["name"] == "python3-deps"]
    wanted = set(generate_python_deps.pinned_closure())
    by_arch = wheels_by_arch(deps)
    for arch, wheels in by_arch.items():
        assert set(wheels) == wanted, arch
    assert by_arch["x86_64"] == by_arch["aarch64"]  # the same versions everywhere
    ranges = {
        canonicalize_name(r.name): r.specifier
        for r in map(Requirement, PYPROJECT["project"]["dependencies"])
    }
    for name, version in by_arch["x86_64"].items():
        if name in ranges:
            assert version in ranges[name], (name, version)
    installs = deps["build-commands"][0].split()
    assert "--no-index" in installs
    assert set(installs) >= wanted


def test_setuptools_for_the_build_meets_the_build_systems_requirement():
    (source,) = json.loads((FLATPAK / "build-tools-sources.json").read_text())
    name, version, _, _ = parse_wheel_filename(source["url"].rsplit("/", 1)[-1])
    assert name == "setuptools"
    requirement = Requirement(generate_python_deps.build_requirement("setuptools"))
    assert version in requirement.specifier
    assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])


@pytest.mark.slow
def test_translations_compile_with_a_plain_lrelease_when_pyside6s_wrapper_is_absent(tmp_path):
    """Inside the Flatpak SDK, Qt's own lrelease may be all there is."""
    import PySide6

    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "lrelease").symlink_to(Path(PySide6.__file__).parent / "lrelease")
    base_python = Path(sys.base_prefix) / "bin" / "python3"  # no pyside6-* beside it
    assert not (base_python.parent / "pyside6-lrelease").exists()
    done = subprocess.run(
        [str(base_python), str(ROOT / "packaging" / "build_translations.py"), "--qm-dir", tmp_path],
        env={"PATH": str(tools), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=HANG_S,
    )
    assert done.returncode == 0, done.stderr
    qm = tmp_path / "rm_journal_fr.qm"
    assert qm.read_bytes()[:4] == b"\x3c\xb8\x64\x18"  # Qt's .qm magic
    done = subprocess.run(
        [str(base_python), str(ROOT / "packaging" / "build_translations.py"), "--qm-dir", tmp_path],
        env={"PATH": str(tmp_path / "nothing"), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=HANG_S,
    )
    assert done.returncode != 0
    assert "lrelease not found" in done.stderr
