"""The Windows and macOS workflow, read here: no runner of either system is available to
these machines, so what can be known without one is checked (.github/workflows/desktop.yml's
own header says the rest).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW_FILE = ROOT / ".github" / "workflows" / "desktop.yml"
TEXT = WORKFLOW_FILE.read_text()
WORKFLOW = yaml.safe_load(TEXT)
JOBS = WORKFLOW["jobs"]
SECRETS = {
    "WINDOWS_CERT_PFX_BASE64",
    "WINDOWS_CERT_PASSWORD",
    "MACOS_CERT_P12_BASE64",
    "MACOS_CERT_PASSWORD",
    "MACOS_SIGN_IDENTITY",
    "APPLE_ID",
    "APPLE_TEAM_ID",
    "APPLE_APP_PASSWORD",
}
# A step doing any of these handles a certificate, a signature or a notarisation.
SIGNING_WORDS = ("CERT_", "security import", "Get-AuthenticodeSignature", "stapler", "keychain")


def runners(job: dict) -> set[str]:
    label = job["runs-on"]
    if "matrix.os" not in label:
        return {label}
    return {row["os"] for row in job["strategy"]["matrix"]["include"]}


def steps() -> list[tuple[str, dict]]:
    return [(name, step) for name, job in JOBS.items() for step in job["steps"]]


def test_it_says_at_the_top_that_it_never_ran_and_what_was_checked_instead():
    header = TEXT.split("\nname:")[0]
    assert "THIS WORKFLOW HAS NEVER RUN" in header
    assert "What was checked instead, on Linux" in header
    assert "tests/test_desktop_workflow.py" in header


def test_it_runs_on_windows_and_both_kinds_of_mac_with_python_311():
    assert runners(JOBS["test"]) == {"windows-latest", "macos-14", "macos-15-intel"}
    assert runners(JOBS["windows-installer"]) == {"windows-latest"}
    assert runners(JOBS["macos-dmg"]) == {"macos-14", "macos-15-intel"}  # arm64, x86_64
    # macos-13 (retired by GitHub on 2025-12-04) would queue forever: the header says so
    assert "macos-13" not in {r for job in JOBS.values() for r in runners(job)}
    assert "retired" in TEXT.split("\nname:")[0]
    pythons = [
        s["with"]["python-version"] for _, s in steps() if "setup-python" in s.get("uses", "")
    ]
    assert pythons and set(pythons) == {"3.11"}
    assert WORKFLOW["permissions"] == {"contents": "read"}


def test_the_tests_run_offscreen_without_the_slow_ones_and_without_secrets():
    job = JOBS["test"]
    (suite,) = [s for s in job["steps"] if "pytest" in s.get("run", "")]
    assert suite["env"]["QT_QPA_PLATFORM"] == "offscreen"
    assert '-m "${{ matrix.markers }}"' in suite["run"]
    assert all(
        row["markers"].startswith("not slow") for row in job["strategy"]["matrix"]["include"]
    )
    assert "secrets." not in yaml.safe_dump(job)  # the suite's code never sees a secret


def referenced_paths(text: str) -> set[str]:
    found = set()
    for match in re.finditer(r"(?<![\w$%])((?:packaging|tests|\.github)[/\\][\w./\\-]*\w)", text):
        found.add(match.group(1).replace("\\", "/"))
    return found


def test_every_script_and_file_it_names_is_in_the_repository():
    named = set()
    for _, step in steps():
        named |= referenced_paths(step.get("run", ""))
    expected = {
        "packaging/check_wheels.py",
        "packaging/build_translations.py",
        "packaging/windows/build.ps1",
        "packaging/macos/build_dmg.sh",
        "tests/test_flatpak.py",
    }
    assert expected <= named
    for path in named:
        assert (ROOT / path).exists(), path
    for deselected in re.findall(r"--deselect (\S+)", TEXT):
        file, test = deselected.split("::")
        assert f"def {test}(" in (ROOT / file).read_text(), deselected
    # and what the scripts themselves name
    for script in ("packaging/windows/build.ps1", "packaging/macos/build_dmg.sh"):
        for path in referenced_paths((ROOT / script).read_text()):
            assert (ROOT / path).exists(), (script, path)


def test_each_signing_step_runs_only_when_its_secret_is_there():
    signing = [
        (job, step)
        for job, step in steps()
        if any(word in step.get("run", "") for word in SIGNING_WORDS)
        and "::warning::" not in step["run"]  # (the notes of unsigned builds, below)
    ]
    assert len(signing) >= 3  # Windows signatures, the keychain in, the keychain out
    for job, step in signing:
        condition = re.search(r"env\.([A-Z0-9_]+) != ''", step.get("if", ""))
        assert condition, (job, step["name"])
        assert condition.group(1) in SECRETS, (job, step["name"])
    # a build without secrets says it is unsigned
    warnings = [s for _, s in steps() if "::warning::" in s.get("run", "")]
    assert {w["if"] for w in warnings} == {
        "env.WINDOWS_CERT_PFX_BASE64 == ''",
        "env.MACOS_SIGN_IDENTITY == ''",
    }


def test_secrets_are_named_never_written():
    used = set(re.findall(r"\$\{\{\s*secrets\.(\w+)\s*\}\}", TEXT))
    assert used == SECRETS
    # each secret only becomes the environment variable of the same name
    for line in TEXT.splitlines():
        if "secrets." in line and not line.lstrip().startswith("#"):
            key, value = (part.strip() for part in line.split(":", 1))
            assert value == f"${{{{ secrets.{key} }}}}", line
    assert not re.search(r"[A-Za-z0-9+/=]{40,}", TEXT)  # no certificate, key or token
    assert not re.search(r"(?i)password\s*[:=]\s*['\"]?\w", TEXT.replace("_PASSWORD", ""))
    assert not re.search(r"[\w.-]+@[\w-]+\.\w+", TEXT)  # no Apple ID (an e-mail address)


def test_the_builds_keep_their_installers_as_artifacts():
    uploads = {
        job: [s for s in JOBS[job]["steps"] if "upload-artifact" in s.get("uses", "")]
        for job in ("windows-installer", "macos-dmg")
    }
    assert uploads["windows-installer"][0]["with"]["path"] == "dist/*-setup.exe"
    assert uploads["macos-dmg"][0]["with"]["path"] == "dist/*.dmg"
    for job_uploads in uploads.values():
        assert job_uploads[0]["with"]["if-no-files-found"] == "error"
    assert JOBS["windows-installer"]["needs"] == JOBS["macos-dmg"]["needs"] == "test"
