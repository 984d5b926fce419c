#!/usr/bin/env bash
# Regenerate the screenshots in docs/ under Xvfb at 1280x800 (needs xvfb-run, from the
# xvfb package; openbox, if installed, frames the windows as a desktop does). Each scene
# starts from an empty data folder and drives the app to its state, as a person would
# (packaging/screenshot_scene.py), then grabs the screen itself once it is there.
#   docs/screenshots.sh                 every picture
#   docs/screenshots.sh meeting-fr ...  only these
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
all=(first-run-en first-run-code-en first-run-pair-fr unlock-en
     main-en main-fr editor-en editor-fr
     meeting-en meeting-fr meeting-pseudo datepicker-en datepicker-fr datepicker-pseudo
     security-en security-fr security-pseudo templates-en templates-fr templates-pseudo
     backlog-en backlog-fr backlog-pseudo guide-en guide-fr guide-pseudo
     takeaways-en takeaways-fr takeaways-pseudo actions-en actions-fr topics-en topics-fr
     sharing-en sharing-fr journey-en journey-fr export-en export-fr damaged-en damaged-fr
     exchange-en exchange-fr exchange-pseudo exchange-pending-en import-en import-fr
     exchange-takeaways-en exchange-editor-en settings-en settings-fr)
[ $# -gt 0 ] && all=("$@")
# a window manager gives dialogs their title bar and frame, as on a desktop (openbox if
# installed, or WM=...; WM= for none)
wm=${WM-$(command -v openbox || true)}
for spec in "${all[@]}"; do
  scene=${spec%-*} language=${spec##*-}
  env -u QT_QPA_PLATFORM PYTHONPATH=. WM="$wm" xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
    sh -c '[ -z "$WM" ] || { "$WM" >/dev/null 2>&1 & sleep 0.5; }; exec "$@"' scene \
    "$py" packaging/screenshot_scene.py "$scene" "$language" --save "docs/screenshot-$spec.png"
  echo "saved docs/screenshot-$spec.png"
done
