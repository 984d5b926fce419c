"""Write python3-deps.json: the Flatpak module that installs rm_journal's Python dependencies.

    .venv/bin/python packaging/flatpak/generate_python_deps.py

Flatpak builds offline, so every wheel is a source with its URL and SHA-256. The
versions are the ones installed in the running environment, the ones the tests ran
against; pip resolves them again from PyPI for the runtime's Python (3.12) on
x86_64 and aarch64, and a wheel that differs by architecture carries `only-arches`.
PySide6 and shiboken6 are left out: the PySide BaseApp provides them.

It also writes build-tools-sources.json: the setuptools wheel that builds the app's
own package inside the sandbox (kept out of the app).

This is what flatpak-pip-generator does, with pip's own resolution report instead
of its parsing of pip's download log.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "python3-deps.json"
BUILD_TOOLS = HERE / "build-tools-sources.json"
RUNTIME_PYTHON = "3.12"  # org.kde.Platform 6.8 (freedesktop 24.08)
ARCHES = ("x86_64", "aarch64")
GLIBC_MINORS = range(40, 4, -1)  # the runtime's glibc is 2.40: every older manylinux tag
PROVIDED_BY_BASE = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}
INDEX = "https://pypi.org/simple"


def runtime_environment() -> dict[str, str]:
    env = dict(default_environment())
    env.update(python_version=RUNTIME_PYTHON, python_full_version=f"{RUNTIME_PYTHON}.0")
    env.update(sys_platform="linux", platform_system="Linux", os_name="posix")
    env.update(implementation_name="cpython", platform_python_implementation="CPython")
    return env


def pinned_closure(root: str = "rm-journal") -> dict[str, str]:
    """{name: installed version} of every runtime dependency of `root`, recursively."""
    env = runtime_environment()
    pins: dict[str, str] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        for line in metadata.requires(name) or []:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({**env, "extra": ""}):
                continue
            key = canonicalize_name(requirement.name)
            if key in PROVIDED_BY_BASE or key in pins:
                continue
            pins[key] = metadata.version(requirement.name)
            pending.append(requirement.name)
    return pins


def build_requirement(name: str) -> str:
    """The requirement pyproject.toml's [build-system] states for `name`."""
    text = (HERE.parents[1] / "pyproject.toml").read_text()
    build_system = tomllib.loads(text)["build-system"]["requires"]
    return next(r for r in build_system if canonicalize_name(Requirement(r).name) == name)


def resolve(requirements: list[str], arch: str) -> list[dict[str, str]]:
    """pip's resolution of `requirements` for the runtime on `arch`: name, version, url,
    sha256 of each wheel."""
    platforms = [f"manylinux_2_{minor}_{arch}" for minor in GLIBC_MINORS]
    platforms += [f"manylinux2014_{arch}"]
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed"]
        command += ["--quiet", "--only-binary=:all:", "--index-url", INDEX]
        command += [arg for platform in platforms for arg in ("--platform", platform)]
        command += ["--python-version", RUNTIME_PYTHON, "--implementation", "cp"]
        command += ["--abi", f"cp{RUNTIME_PYTHON.replace('.', '')}"]
        command += ["--target", str(Path(scratch) / "none"), "--report", str(report)]
        command += requirements
        # Only PyPI: no local wheel folder or mirror from this machine's pip settings.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
        env["PIP_CONFIG_FILE"] = os.devnull
        if "PIP_CERT" in os.environ:
            env["PIP_CERT"] = os.environ["PIP_CERT"]
        subprocess.run(command, check=True, env=env)
        resolved = json.loads(report.read_text())["install"]
    wheels = []
    for item in resolved:
        info = item["download_info"]
        wheels.append(
            {
                "name": canonicalize_name(item["metadata"]["name"]),
                "version": item["metadata"]["version"],
                "url": info["url"],
                "sha256": info["archive_info"]["hashes"]["sha256"],
            }
        )
    return wheels


def module(by_arch: dict[str, list[dict[str, str]]]) -> dict[str, object]:
    sources: dict[str, dict[str, object]] = {}
    names: set[str] = set()
    for arch, wheels in by_arch.items():
        for wheel in wheels:
            names.add(wheel["name"])
            source = sources.setdefault(
                wheel["url"], {"type": "file", "url": wheel["url"], "sha256": wheel["sha256"]}
            )
            source.setdefault("arches", []).append(arch)  # type: ignore[union-attr]
    for source in sources.values():
        arches = source.pop("arches")
        if sorted(arches) != sorted(by_arch):  # type: ignore[arg-type]
            source["only-arches"] = arches
    ordered = sorted(sources.values(), key=lambda s: str(s["url"]).rsplit("/", 1)[-1])
    return {
        "name": "python3-deps",
        "buildsystem": "simple",
        "build-commands": [
            "pip3 install --verbose --exists-action=i --no-index --find-links=file://${PWD}"
            " --prefix=${FLATPAK_DEST} --no-build-isolation " + " ".join(sorted(names))
        ],
        "sources": ordered,
    }


def main() -> None:
    pins = pinned_closure()
    wanted = [f"{name}=={version}" for name, version in sorted(pins.items())]
    by_arch = {arch: resolve(wanted, arch) for arch in ARCHES}
    for arch, wheels in by_arch.items():
        got = {w["name"]: w["version"] for w in wheels}
        if got != pins:
            raise SystemExit(f"{arch}: pip resolved {got}, the environment has {pins}")
    header = {"//": "Generated by generate_python_deps.py from the tested versions; do not edit."}
    OUTPUT.write_text(json.dumps({**header, **module(by_arch)}, indent=2) + "\n")
    print(f"{OUTPUT.name}: {len(pins)} packages, {sum(map(len, by_arch.values()))} wheels")
    # setuptools builds the app's own package, then is thrown away: never shipped.
    (tool,) = resolve([build_requirement("setuptools")], ARCHES[0])
    source = {"type": "file", "url": tool["url"], "sha256": tool["sha256"], "dest": "build-tools"}
    BUILD_TOOLS.write_text(json.dumps([source], indent=2) + "\n")
    print(f"{BUILD_TOOLS.name}: setuptools {tool['version']}")


if __name__ == "__main__":
    main()
