#!/usr/bin/env bash
# Smoke test of the built bundle, run with no Python on the PATH and an empty HOME:
# --version answers, `demo` creates a vault, `export-pdf` writes a summary that the
# bundle's own verify-pdf finds identical, `check` passes, and the desktop app starts
# offscreen, shows its window and keeps running until stopped.
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
vault meetings add 1 --planned 2099-01-05 >/dev/null || fail "meetings add"
vault meetings calendar 1 -o "$work/next.ics" >/dev/null || fail "meetings calendar"
grep -q "BEGIN:VCALENDAR" "$work/next.ics" || fail "the calendar file is not iCalendar"
vault check >/dev/null || fail "check"
vault backup "$work/backups" >/dev/null || fail "backup"
# the desktop app: it says (RM_JOURNAL_LOG=info) once its window is shown and waits for a
# passphrase; wait for that line, however long a busy machine takes, then stop it
env -i HOME="$work/home" PATH="$work/empty-path" QT_QPA_PLATFORM=offscreen RM_JOURNAL_LOG=info \
  RM_JOURNAL_DATA_DIR="$work/demo" "$exe" 2>"$work/gui.err" &
app=$!
for _ in $(seq 1200); do  # bounds a hang only: 120 s in steps of 0.1 s
  grep -q "window shown" "$work/gui.err" && break
  kill -0 "$app" 2>/dev/null || break
  sleep 0.1
done
if ! grep -q "window shown" "$work/gui.err" || ! kill -0 "$app" 2>/dev/null; then
  kill "$app" 2>/dev/null; status=0; wait "$app" || status=$?
  cat "$work/gui.err" >&2; fail "the app did not show its window (exit status $status)"
fi
kill "$app"; wait "$app" || true
! grep -q "Traceback" "$work/gui.err" || fail "the app printed a traceback"
if [ -d "$bundle/_internal" ]; then  # a PyInstaller bundle: its size is worth reporting
  echo "smoke: $bundle passed ($(du -sh "$bundle" | cut -f1))"
else
  echo "smoke: $exe passed"
fi
