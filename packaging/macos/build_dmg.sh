#!/usr/bin/env bash
# Build the macOS app and its disk image: dist/rm_journal.app and
# dist/rm_journal-<version>-macos-<arm64|x86_64>.dmg, for the Mac it runs on.
#
#   packaging/macos/build_dmg.sh          (after `.venv` exists, as for the tests)
#
# Steps: translations, icons (.icns), PyInstaller (packaging/rm_journal.spec: the .app
# with its Info.plist), signing, the smoke test of packaging/smoke_bundle.sh on the
# app's own program, the DMG (hdiutil), then notarisation and stapling.
#
# Optional, each only when its environment variables are set (CI passes them from the
# repository's secrets; names only here):
#   MACOS_SIGN_IDENTITY   a "Developer ID Application: ..." identity in a keychain (CI
#                         imports MACOS_CERT_P12_BASE64 / MACOS_CERT_PASSWORD into a
#                         temporary keychain first). PyInstaller then signs every
#                         binary and the app with the hardened runtime and
#                         packaging/macos/entitlements.plist (which grants nothing);
#                         without it the app is signed ad hoc and Gatekeeper will refuse
#                         it on another Mac unless the person allows it by hand.
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD
#                         notarise the DMG with `xcrun notarytool submit --wait`, then
#                         staple the ticket to it (needs MACOS_SIGN_IDENTITY).
#
# Written for the macos-14 (arm64) and macos-13 (x86_64) runners of GitHub Actions
# (.github/workflows/desktop.yml); it has never run on this project's machines, which
# have no Mac: see packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
py=${PYTHON:-.venv/bin/python}
[ "$(uname -s)" = Darwin ] || { echo "build_dmg.sh: macOS only (codesign, hdiutil, xcrun)" >&2; exit 2; }
notarise=
if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  [ -n "${MACOS_SIGN_IDENTITY:-}" ] || { echo "build_dmg.sh: notarising needs MACOS_SIGN_IDENTITY" >&2; exit 2; }
  notarise=yes
fi

"$py" -m pip install -q "pyinstaller>=6.10,<7"
"$py" packaging/build_translations.py
"$py" packaging/build_icons.py build/icons >/dev/null
# MACOS_SIGN_IDENTITY, when set, reaches the spec through the environment
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist packaging/rm_journal.spec
version=$("$py" -c 'import rm_journal; print(rm_journal.__version__)')
arch=$(uname -m)
app=dist/rm_journal.app
[ -x "$app/Contents/MacOS/rm-journal" ] || { echo "build_dmg.sh: $app was not built" >&2; exit 1; }

# The Info.plist as built: our version, id and the .rmjx type made it in.
plist="$app/Contents/Info.plist"
[ "$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$plist")" = "$version" ]
[ "$(/usr/libexec/PlistBuddy -c 'Print :CFBundleIdentifier' "$plist")" = "io.github.rmjournal.RmJournal" ]
/usr/libexec/PlistBuddy -c 'Print :UTExportedTypeDeclarations:0:UTTypeIdentifier' "$plist"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --verify --deep --strict --verbose=2 "$app"
  codesign --display --verbose=2 "$app" 2>&1 | grep -q "flags=.*runtime" \
    || { echo "build_dmg.sh: the app is not signed with the hardened runtime" >&2; exit 1; }
  echo "signing: $app signed by $MACOS_SIGN_IDENTITY (hardened runtime)"
else
  echo "signing: MACOS_SIGN_IDENTITY is not set; $app is signed ad hoc only, NOT for distribution."
fi

# The app's own program, as a person's Mac runs it: no Python on the PATH, an empty
# HOME, the command line and then the window (offscreen).
packaging/smoke_bundle.sh "$app/Contents/MacOS"

dmg="dist/rm_journal-$version-macos-$arch.dmg"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"  # drag the app onto it
rm -f "$dmg"
hdiutil create -volname "rm_journal $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi

if [ -n "$notarise" ]; then
  xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
  echo "notarisation: $dmg notarised and stapled"
else
  echo "notarisation: APPLE_ID, APPLE_TEAM_ID and APPLE_APP_PASSWORD are not all set; $dmg is NOT notarised."
fi
echo "dmg: $dmg ($(du -sh "$dmg" | cut -f1), sha256 $(shasum -a 256 "$dmg" | cut -d' ' -f1))"
