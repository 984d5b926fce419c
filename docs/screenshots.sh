#!/usr/bin/env bash
# Regenerate the screenshots in docs/ under Xvfb at 1280x800 (needs ../shared/tools/shot.sh
# or any equivalent: Xvfb + ImageMagick's import).
set -euo pipefail
cd "$(dirname "$0")/.."
shot=${SHOT:-../shared/tools/shot.sh}
py=.venv/bin/python
for spec in "first-run en" "first-run-code en" "first-run-pair fr" "unlock en" "main en" "editor en" "main fr" "editor fr" \
            "takeaways en" "actions en" "topics en" "takeaways fr" "actions fr" "topics fr" "sharing en" "sharing fr" \
            "journey en" "journey fr" "export en" "export fr" "damaged en" "damaged fr" "takeaways pseudo" \
            "exchange en" "exchange fr" "exchange-pending en" "import en" "import fr" "exchange pseudo" \
            "exchange-takeaways en" "exchange-editor en"; do
  set -- $spec
  "$shot" "docs/screenshot-$1-$2.png" 6 -- env PYTHONPATH=. "$py" packaging/screenshot_scene.py "$1" "$2"
done
