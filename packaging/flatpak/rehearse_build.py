"""Rehearse the Flatpak build where Flatpak's runtimes are out of reach, then smoke-test it.

    .venv/bin/python packaging/flatpak/rehearse_build.py [--keep DIR]

flatpak-builder needs org.kde.Platform and the PySide BaseApp from Flathub. Without
them, this runs what the manifest can be checked for here:

1. flatpak-builder parses the manifest with no unknown key (`--show-manifest`);
2. every file source is downloaded and its SHA-256 checked, as flatpak-builder would;
3. each module's build-commands run as written, in a folder laid out like
   flatpak-builder's (file sources beside, `dest` honoured, `skip` honoured), with
   pip's index switched off, ${FLATPAK_DEST} a Python 3.12 environment standing for
   /app, PySide6 in it standing for the BaseApp's, and a plain `lrelease` on the
   PATH standing for the SDK's Qt tools;
4. packaging/smoke_bundle.sh then runs the installed `rm-journal` with no PATH and an
   empty HOME.

The runtime's Python is 3.12: without a Python 3.12 here (PYTHON312, python3.12 on
PATH, or pyenv's) the rehearsal stops at step 2 and says so.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "packaging" / "flatpak" / "io.github.rmjournal.RmJournal.json"
ARCH = os.uname().machine


def fail(message: str) -> None:
    raise SystemExit(f"flatpak rehearsal: {message}")


def load_modules() -> list[dict]:
    """The manifest's modules with file references expanded, as flatpak-builder reads them."""
    done = subprocess.run(
        ["flatpak-builder", "--show-manifest", str(MANIFEST)], capture_output=True, text=True
    )
    if done.returncode != 0 or done.stderr.strip():
        fail(f"flatpak-builder does not read the manifest cleanly:\n{done.stderr}")
    return json.loads(done.stdout)["modules"]


def fetch(source: dict, into: Path, cache: Path) -> None:
    name = source["url"].rsplit("/", 1)[-1]
    cached = cache / source["sha256"]
    if not cached.exists():
        with urllib.request.urlopen(source["url"], timeout=120) as response:  # noqa: S310
            data = response.read()
        if hashlib.sha256(data).hexdigest() != source["sha256"]:
            fail(f"{name}: the SHA-256 in the manifest does not match the file")
        cached.write_bytes(data)
    target = into / source.get("dest", "") / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)


def lay_out(module: dict, build: Path, cache: Path) -> None:
    """Put a module's sources where flatpak-builder would."""
    build.mkdir(parents=True)
    for source in module.get("sources", []):
        if ARCH not in source.get("only-arches", [ARCH]):
            continue
        if source["type"] == "file":
            fetch(source, build, cache)
        elif source["type"] == "dir":
            origin = (MANIFEST.parent / source["path"]).resolve()
            skip = set(source.get("skip", []))
            shutil.copytree(
                origin,
                build / source.get("dest", ""),
                dirs_exist_ok=True,
                ignore=lambda folder, names, skip=skip, origin=origin: [
                    n for n in names if str((Path(folder) / n).relative_to(origin)) in skip
                ],
            )
        else:
            fail(f"no rehearsal for a {source['type']!r} source")


def step(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"`{' '.join(command)}` failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def python312() -> str | None:
    """A Python 3.12 that runs (a pyenv shim may exist and still refuse)."""
    candidates = [os.environ.get("PYTHON312")]
    candidates += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.12*/bin/python3.12")))
    candidates += [shutil.which("python3.12")]
    for candidate in filter(None, candidates):
        probe = [candidate, "-c", "import sys; assert sys.version_info[:2] == (3, 12)"]
        if subprocess.run(probe, capture_output=True).returncode == 0:
            return candidate
    return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="rehearse in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="rm_journal-flatpak-"))
    try:
        rehearse(work)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def rehearse(work: Path) -> None:
    modules = load_modules()
    cache = ROOT / "build" / "flatpak-sources"
    cache.mkdir(parents=True, exist_ok=True)
    for index, module in enumerate(modules):
        lay_out(module, work / "build" / f"{index}-{module['name']}", cache)
    print(f"flatpak rehearsal: manifest read; every {ARCH} source fetched and its SHA-256 checked")

    interpreter = python312()
    if interpreter is None:
        print("flatpak rehearsal: no Python 3.12 here (set PYTHON312): build steps not run")
        return
    app = work / "app"  # stands for /app, with the runtime's Python
    step([interpreter, "-m", "venv", str(app)])
    quiet = ["--quiet", "--disable-pip-version-check"]
    pyside = f"PySide6-Essentials=={metadata.version('PySide6-Essentials')}"  # the BaseApp's part
    step([str(app / "bin" / "python"), "-m", "pip", "install", *quiet, pyside])
    # The SDK's Qt, not PySide6's wrappers, may be what compiles the translations there:
    # hide the wrappers and offer a plain `lrelease` on the PATH instead.
    for wrapper in (app / "bin").glob("pyside6-*"):
        wrapper.unlink()
    sdk_bin = work / "sdk-bin"
    sdk_bin.mkdir()
    site = app / "lib" / "python3.12" / "site-packages"
    (sdk_bin / "lrelease").symlink_to(site / "PySide6" / "lrelease")

    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    env.update(
        FLATPAK_DEST=str(app),
        PATH=f"{app / 'bin'}:{sdk_bin}:/usr/bin:/bin",
        PIP_CONFIG_FILE=os.devnull,  # no index, no mirror: only what the manifest brings
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    for index, module in enumerate(modules):
        build = work / "build" / f"{index}-{module['name']}"
        for command in module.get("build-commands", []):
            done = subprocess.run(
                ["bash", "-c", command],
                cwd=build,
                env={**env, "PWD": str(build)},
                capture_output=True,
                text=True,
            )
            if done.returncode != 0:
                fail(f"{module['name']}: `{command}` failed:\n{done.stdout[-2000:]}{done.stderr}")
        print(f"flatpak rehearsal: module {module['name']} built")
    for installed in (
        "share/applications/io.github.rmjournal.RmJournal.desktop",
        "share/metainfo/io.github.rmjournal.RmJournal.metainfo.xml",
        "share/icons/hicolor/scalable/apps/io.github.rmjournal.RmJournal.svg",
    ):
        if not (app / installed).is_file():
            fail(f"{installed} is not installed")
    qm = glob.glob(str(site / "rm_journal" / "ui" / "i18n" / "*.qm"))
    if not qm:
        fail("the French translation was not compiled into the package")
    smoke = subprocess.run([str(ROOT / "packaging" / "smoke_bundle.sh"), str(app / "bin")])
    if smoke.returncode != 0:
        fail("the smoke test failed against the rehearsed build")


if __name__ == "__main__":
    sys.exit(main())
