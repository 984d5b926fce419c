"""The macOS build script and entitlements, read here (no Mac on these machines; the
Info.plist itself is built and read back in tests/test_platform_meta.py)."""

from __future__ import annotations

import plistlib
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MACOS = ROOT / "packaging" / "macos"
SCRIPT = (MACOS / "build_dmg.sh").read_text()


def test_the_hardened_runtime_is_granted_nothing_and_certainly_no_network():
    with (MACOS / "entitlements.plist").open("rb") as file:
        entitlements = plistlib.load(file)
    assert entitlements == {}
    assert not [key for key in entitlements if "network" in key]
    spec = (ROOT / "packaging" / "rm_journal.spec").read_text()
    assert 'ROOT / "packaging" / "macos" / "entitlements.plist"' in spec
    assert 'os.environ.get("MACOS_SIGN_IDENTITY")' in spec


def test_the_build_script_is_valid_bash_and_signs_and_notarises_only_when_asked():
    done = subprocess.run(["bash", "-n", str(MACOS / "build_dmg.sh")], capture_output=True)
    assert done.returncode == 0, done.stderr
    assert 'if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then' in SCRIPT
    for name in ("APPLE_ID", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD"):
        assert f'[ -n "${{{name}:-}}" ]' in SCRIPT
    assert "xcrun notarytool submit" in SCRIPT and "--wait" in SCRIPT
    assert "xcrun stapler staple" in SCRIPT
    assert "NOT notarised" in SCRIPT and "NOT for distribution" in SCRIPT
    assert "hdiutil create" in SCRIPT
    assert "packaging/smoke_bundle.sh" in SCRIPT  # the same smoke test as the Linux bundle
    # no identity, Apple ID or team id written in the script
    assert not re.search(r"Developer ID Application: \w", SCRIPT)
    assert not re.search(r"@\w+\.\w+", SCRIPT)
