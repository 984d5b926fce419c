"""packaging/wheels.lock.json, read offline: every runtime dependency has a CPython 3.11
wheel on Windows x86-64 and both kinds of Mac, within the range pyproject.toml allows.

packaging/check_wheels.py writes the lock from PyPI (it needs the network; the tests
never do). A range changed in pyproject.toml without running it again fails here.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.tags import Tag
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
LOCK = json.loads((ROOT / "packaging" / "wheels.lock.json").read_text())
PACKAGES = {p["name"]: p for p in LOCK["packages"]}
TARGETS = ("win_amd64", "macos_arm64", "macos_x86_64")
sys.path.insert(0, str(ROOT / "packaging"))
import check_wheels  # noqa: E402


def runtime_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [Requirement(text) for text in project["dependencies"]]


def test_every_runtime_dependency_is_locked_within_its_range_for_each_target():
    for requirement in runtime_requirements():
        package = PACKAGES.get(canonicalize_name(requirement.name))
        assert package is not None, f"{requirement.name}: run packaging/check_wheels.py"
        assert package["direct"] is True
        # the very range of pyproject.toml, so a changed range means a new run
        locked = Requirement(package["requirement"])
        assert locked.specifier == requirement.specifier, (
            f"{requirement}: the range changed since the lock; run packaging/check_wheels.py"
        )
        for target in TARGETS:
            if not check_wheels.applies(requirement, target):  # e.g. PyObjC: macOS only
                assert target not in package["wheels"], (requirement, target)
                continue
            version = Version(package["wheels"][target]["version"])
            assert version in requirement.specifier, (requirement, target, version)


def test_each_locked_wheel_installs_on_cpython_311_there():
    for package in LOCK["packages"]:
        assert package["wheels"], package["name"]
        for target, wheel in package["wheels"].items():
            assert target in TARGETS
            name, version, _build, tags = parse_wheel_filename(wheel["file"])
            assert name == package["name"] and version == Version(wheel["version"])
            assert set(tags) & check_wheels.supported_tags(target), (target, wheel["file"])
            assert len(wheel["sha256"]) == 64


def test_a_wheel_for_another_system_or_python_would_not_count():
    """The tag sets the script chooses with, seen from outside."""
    windows = check_wheels.supported_tags("win_amd64")
    intel, arm = (
        check_wheels.supported_tags("macos_x86_64"),
        check_wheels.supported_tags("macos_arm64"),
    )
    assert Tag("py3", "none", "any") in windows & intel & arm
    assert Tag("cp39", "abi3", "win_amd64") in windows  # abi3 from an older Python
    assert Tag("cp311", "cp311", "macosx_10_9_universal2") in intel & arm
    assert Tag("cp311", "cp311", "macosx_11_0_arm64") in arm - intel
    assert Tag("cp312", "cp312", "win_amd64") not in windows
    assert Tag("cp311", "cp311", "win_arm64") not in windows
    assert Tag("cp311", "cp311", "macosx_14_0_arm64") not in arm  # newer than macOS 13


def test_transitive_dependencies_are_locked_within_the_ranges_that_brought_them():
    for package in LOCK["packages"]:
        if package["direct"]:
            continue
        assert package["required_by"], package["name"]
        assert set(package["required_by"]) <= set(PACKAGES)
        for target, wheel in package["wheels"].items():
            version = Version(wheel["version"])
            for text in package["ranges"]:
                assert version in Requirement(text).specifier, (package["name"], target, text)


def test_the_mac_on_intel_shows_its_own_older_cryptography():
    """cryptography stopped publishing macOS x86_64 wheels after 48.0.1: the lock
    says which release each target really gets instead of one version for all."""
    wheels = PACKAGES["cryptography"]["wheels"]
    intel = Version(wheels["macos_x86_64"]["version"])
    assert intel >= Version("47")  # HPKE, which the exchange files need
    assert intel <= Version(wheels["macos_arm64"]["version"])
    assert (
        "x86_64" in wheels["macos_x86_64"]["file"]
        or "universal2" in (wheels["macos_x86_64"]["file"])
    )


def test_the_constraints_a_build_installs_are_the_locked_versions():
    pins = check_wheels.constraints("macos_x86_64").splitlines()
    assert len(pins) == sum("macos_x86_64" in p["wheels"] for p in LOCK["packages"])
    version = PACKAGES["cryptography"]["wheels"]["macos_x86_64"]["version"]
    assert f"cryptography=={version}" in pins


def test_a_dependency_marked_for_one_system_is_locked_for_it_alone():
    """PyObjC (pyproject.toml: sys_platform == 'darwin') goes on both Macs, never on
    Windows, and Windows' constraints do not name it."""
    cocoa = PACKAGES["pyobjc-framework-cocoa"]
    assert set(cocoa["wheels"]) == {"macos_arm64", "macos_x86_64"}
    assert "pyobjc-core" in PACKAGES  # what it brings, locked too
    assert not any(
        pin.startswith("pyobjc") for pin in check_wheels.constraints("win_amd64").splitlines()
    )
