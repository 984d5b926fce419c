#!/usr/bin/env bash
# Smoke test of the built bundle, run with no Python on the PATH and an empty HOME:
# --version answers, `demo` creates a vault, `export-pdf` writes a summary that the
# bundle's own verify-pdf finds identical, `check` passes, and the desktop app starts
# offscreen and keeps running until stopped.
#
#   packaging/smoke_bundle.sh [dist/rm_journal-<version>]
#   (or any folder holding an rm-journal executable: the Flatpak rehearsal passes its bin/)
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' rm_journal/__init__.py)
bundle=${1:-dist/rm_journal-$version}
exe="$(cd "$bundle" && pwd)/rm-journal"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/empty-path"
run() {  # the bundle alone: no Python, no user configuration, offscreen Qt ("$@": VAR=value... command)
  env -i HOME="$work/home" PATH="$work/empty-path" QT_QPA_PLATFORM=offscreen \
    RM_JOURNAL_PDF_PASSWORD="smoke test password" "$@"
}
fail() { echo "smoke: $*" >&2; exit 1; }

[ "$(run "$exe" --version)" = "rm-journal $version" ] || fail "--version"
demo_out=$(run "$exe" demo "$work/demo")
passphrase=$(printf '%s\n' "$demo_out" | sed -n 's/^Its passphrase is: //p')
[ -n "$passphrase" ] || fail "demo printed no passphrase"
vault() { run RM_JOURNAL_PASSPHRASE="$passphrase" "$exe" --data-dir "$work/demo" "$@"; }
vault pairs list | grep -q "Inès" || fail "pairs list"
vault export-pdf 1 -o "$work/summary.pdf" >/dev/null || fail "export-pdf"
head -c 5 "$work/summary.pdf" | grep -q "%PDF-" || fail "the summary is not a PDF"
vault verify-pdf "$work/summary.pdf" >/dev/null || fail "verify-pdf: not the very file exported"  # exit 0: identical
vault check >/dev/null || fail "check"
vault backup "$work/backups" >/dev/null || fail "backup"
# the desktop app: still running after 6 s means it started and is waiting for a passphrase
set +e
timeout 6 env -i HOME="$work/home" PATH="$work/empty-path" QT_QPA_PLATFORM=offscreen \
  RM_JOURNAL_DATA_DIR="$work/demo" "$exe" 2>"$work/gui.err"
status=$?
set -e
[ "$status" -eq 124 ] || { cat "$work/gui.err" >&2; fail "the app exited with $status"; }
! grep -q "Traceback" "$work/gui.err" || fail "the app printed a traceback"
if [ -d "$bundle/_internal" ]; then  # a PyInstaller bundle: its size is worth reporting
  echo "smoke: $bundle passed ($(du -sh "$bundle" | cut -f1))"
else
  echo "smoke: $exe passed"
fi
