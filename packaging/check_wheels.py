"""Which wheel of each runtime dependency the Windows and macOS builds will install.

    python packaging/check_wheels.py                      writes packaging/wheels.lock.json
    python packaging/check_wheels.py --constraints TARGET  prints the lock's versions for
                                                          TARGET as pip constraints (offline)

For every dependency in pyproject.toml, and every dependency those bring in turn
(markers evaluated for each target), asks PyPI's JSON API
(https://pypi.org/pypi/<name>/json) for the newest release within our range that has
a wheel for CPython 3.11 on each target:

    win_amd64       Windows 10/11, x86-64
    macos_arm64     macOS 13 or later on Apple silicon (macos-14 runner)
    macos_x86_64    macOS 13 or later on Intel (macos-13 runner)

A wheel counts when pip would install it there: a cp311, abi3 or py3 wheel whose
platform tag is that system's (universal2 counts for both Macs; py3-none-any for all),
as `packaging.tags` lists them. "Newest" is chosen per target, so a target that lags
says so: cryptography's newest macOS x86_64 wheel is older than its newest elsewhere.

The lock is what the builds can expect; pip still resolves at build time (the range in
pyproject.toml decides). tests/test_wheel_lock.py reads it offline and fails when a
range in pyproject.toml changes without a new run of this script. This is not a full
resolver: a dependency's ranges from several packages are intersected, which is enough
for this tree (no conflicts); the script stops with an error if it finds none.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import sys
import tomllib
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.tags import Tag, compatible_tags, cpython_tags, mac_platforms
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "packaging" / "wheels.lock.json"
PYTHON = (3, 11)
MACOS = (13, 0)  # = platform_meta.MACOS_MINIMUM
# The marker environment of each target (PEP 508), and its platform tags.
TARGETS: dict[str, dict[str, str]] = {
    "win_amd64": {"sys_platform": "win32", "platform_system": "Windows",
                  "os_name": "nt", "platform_machine": "AMD64"},
    "macos_arm64": {"sys_platform": "darwin", "platform_system": "Darwin",
                    "os_name": "posix", "platform_machine": "arm64"},
    "macos_x86_64": {"sys_platform": "darwin", "platform_system": "Darwin",
                     "os_name": "posix", "platform_machine": "x86_64"},
}  # fmt: skip


def platform_tags(target: str) -> list[str]:
    if target == "win_amd64":
        return ["win_amd64"]
    return list(mac_platforms(MACOS, target.removeprefix("macos_")))


def supported_tags(target: str) -> set[Tag]:
    """What pip on CPython 3.11 accepts there: cp311, abi3 and none ABIs, py3 wheels."""
    platforms = platform_tags(target)
    return {
        *cpython_tags(PYTHON, abis=["cp311", "abi3", "none"], platforms=platforms),
        *compatible_tags(PYTHON, "cp311", platforms),
    }


def described(tags: list[str]) -> str:
    shown = ", ".join(tags[:3])
    return shown if len(tags) <= 3 else f"{shown} and {len(tags) - 3} older platform tags"


def environment(target: str) -> dict[str, str]:
    return {
        **TARGETS[target],
        "python_version": "3.11",
        "python_full_version": "3.11.9",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "extra": "",
    }


def project_url(name: str) -> str:
    return f"https://pypi.org/pypi/{name}/json"


def fetch(url: str, first: int | None = None, last: int | None = None) -> bytes:
    """The resource at ``url`` (https only), or its bytes ``first`` to ``last``."""
    if not url.startswith("https://"):
        raise SystemExit(f"refusing {url}: https only")
    request = urllib.request.Request(url)  # noqa: S310 - https checked above
    if first is not None:
        request.add_header("Range", f"bytes={first}-{last}")
    with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
        if first is not None and answer.status != 206:
            raise SystemExit(f"{url}: the server ignored a range request")
        data: bytes = answer.read()
    return data


class RemoteFile(io.RawIOBase):
    """A remote file read by HTTP ranges: zipfile finds a wheel's METADATA from the end
    of the archive, so a 70 MB wheel costs a few kilobytes."""

    def __init__(self, url: str, size: int) -> None:
        self.url, self.size, self.position = url, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[whence]
        self.position = base + offset
        return self.position

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer: Any) -> int:
        count = min(len(buffer), self.size - self.position)
        if count <= 0:
            return 0
        data = fetch(self.url, self.position, self.position + count - 1)
        buffer[: len(data)] = data
        self.position += len(data)
        return len(data)


def pypi(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(fetch(project_url(name)))
    return data


def wheel_requires(name: str, file: dict[str, Any]) -> list[str]:
    """The Requires-Dist lines of that very wheel: from the metadata file PyPI serves
    beside it (PEP 658), checked against the hash the JSON gives for it; where there is
    none (PySide6's wheels, and a few the index announces but does not serve), from the wheel's own METADATA, read by ranges (the zip's
    CRC checks what is read)."""
    url = urllib.parse.urljoin(project_url(name), file["url"])
    expected = (file.get("core-metadata") or {}).get("sha256")
    metadata = b""
    if expected:
        try:
            metadata = fetch(url + ".metadata")
        except urllib.error.HTTPError as error:  # announced but not served (a mirror's gap)
            if error.code != 404:
                raise
        if metadata and hashlib.sha256(metadata).hexdigest() != expected:
            raise SystemExit(f"{url}.metadata: not the metadata PyPI's index describes")
    if not metadata:
        remote = io.BufferedReader(RemoteFile(url, int(file["size"])), buffer_size=64 * 1024)
        with zipfile.ZipFile(remote) as wheel:
            (member,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
            metadata = wheel.read(member)
    return BytesParser().parsebytes(metadata).get_all("Requires-Dist") or []


def newest_wheel(
    releases: dict[str, list[dict[str, Any]]], specifier: SpecifierSet, target: str
) -> tuple[Version, dict[str, Any]] | None:
    """The newest release in ``specifier`` (no pre-release, nothing yanked) with a wheel
    pip would take on ``target``, and that wheel's entry in PyPI's JSON."""
    tags = supported_tags(target)
    candidates = []
    for text, files in releases.items():
        try:
            version = Version(text)
        except InvalidVersion:
            continue
        if version.is_prerelease or version not in specifier:
            continue
        for file in files:
            if file.get("yanked") or not file["filename"].endswith(".whl"):
                continue
            if set(parse_wheel_filename(file["filename"])[3]) & tags:
                candidates.append((version, file))
    if not candidates:
        return None
    best = max(version for version, _ in candidates)
    # Of that release's fitting wheels, the most specific: cp311 before abi3 before py3.
    files = sorted((f for v, f in candidates if v == best), key=lambda f: str(f["filename"]))
    files.sort(key=lambda f: [s not in f["filename"] for s in ("cp311-cp311", "abi3")])
    files.sort(key=lambda f: "universal2" in f["filename"])  # a thin wheel first
    return best, files[0]


def applies(requirement: Requirement, target: str) -> bool:
    """Whether ``requirement`` is installed on ``target`` (its marker, if any)."""
    return requirement.marker is None or requirement.marker.evaluate(environment(target))


def bare(requirement: Requirement) -> Requirement:
    """``requirement`` without its marker (evaluated already)."""
    plain = Requirement(str(requirement))
    plain.marker = None
    return plain


def direct_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [Requirement(text) for text in project["dependencies"]]


def lock() -> dict[str, Any]:
    direct = {canonicalize_name(r.name): r for r in direct_requirements()}
    # Per target: name -> the requirements met so far (the ranges intersect).
    wanted = {t: {n: [str(bare(r))] for n, r in direct.items() if applies(r, t)} for t in TARGETS}
    required_by: dict[str, set[str]] = {n: set() for n in direct}
    chosen: dict[str, dict[str, dict[str, str]]] = {}
    releases: dict[str, dict[str, Any]] = {}
    requires_cache: dict[str, list[str]] = {}
    changed = True
    while changed:
        changed = False
        for target in TARGETS:
            for name, texts in list(wanted[target].items()):
                specifier = SpecifierSet()
                for text in texts:
                    specifier &= Requirement(text).specifier
                if name not in releases:
                    releases[name] = pypi(name)
                found = newest_wheel(releases[name]["releases"], specifier, target)
                if found is None:
                    raise SystemExit(f"{name}: no CPython 3.11 wheel for {target} in {specifier}")
                version, file = found
                entry = {
                    "version": str(version),
                    "file": file["filename"],
                    "sha256": file["digests"]["sha256"],
                }
                if chosen.get(name, {}).get(target) == entry:
                    continue
                chosen.setdefault(name, {})[target] = entry
                changed = True
                if file["filename"] not in requires_cache:
                    requires_cache[file["filename"]] = wheel_requires(name, file)
                for text in requires_cache[file["filename"]]:
                    requirement = Requirement(text)
                    if not applies(requirement, target):
                        continue
                    needed = canonicalize_name(requirement.name)
                    plain = str(bare(requirement))
                    if plain not in wanted[target].setdefault(needed, []):
                        wanted[target][needed].append(plain)
                    required_by.setdefault(needed, set()).add(name)
    packages = []
    for name in sorted(chosen):
        texts = sorted({text for target in TARGETS for text in wanted[target].get(name, [])})
        packages.append(
            {
                "name": name,
                "direct": name in direct,
                "requirement": str(direct[name]) if name in direct else None,
                "required_by": sorted(required_by.get(name, set())),
                "ranges": texts,
                "newest_on_pypi": releases[name]["info"]["version"],
                # only the targets that install it (a marker can keep one to a system)
                "wheels": {t: chosen[name][t] for t in TARGETS if t in chosen[name]},
            }
        )
    return {
        "generated_by": "packaging/check_wheels.py (run it again after changing a dependency)",
        "checked_on": datetime.date.today().isoformat(),
        "python": "CPython 3.11 (cp311, abi3 or py3 wheels)",
        "targets": {t: described(platform_tags(t)) for t in TARGETS},
        "packages": packages,
    }


def constraints(target: str) -> str:
    """What the build installs on ``target``: each locked version, for pip's -c."""
    locked = json.loads(LOCK.read_text())
    return "".join(
        f"{p['name']}=={p['wheels'][target]['version']}\n"
        for p in locked["packages"]
        if target in p["wheels"]
    )


def main(argv: list[str]) -> int:
    if argv[:1] == ["--constraints"]:
        if len(argv) != 2 or argv[1] not in TARGETS:
            raise SystemExit(f"usage: check_wheels.py --constraints {'|'.join(TARGETS)}")
        sys.stdout.write(constraints(argv[1]))
        return 0
    result = lock()
    LOCK.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    for package in result["packages"]:
        versions = {t: w["version"] for t, w in package["wheels"].items()}
        same = len(set(versions.values())) == 1
        said = (
            next(iter(versions.values()))
            if same
            else ", ".join(f"{t} {v}" for t, v in versions.items())
        )
        print(f"{package['name']}: {said}")
    print(f"wrote {LOCK.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
