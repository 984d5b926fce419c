#!/usr/bin/env bash
# Build the standalone one-folder bundle: dist/rm_journal-<version>/rm-journal.
#
#   packaging/build_bundle.sh           (after the README's test command, which makes .venv)
#
# Compiles the translations and the icon sizes, installs PyInstaller into .venv,
# runs packaging/rm_journal.spec, then prints the bundle's size.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
"$py" -m pip install -q "pyinstaller>=6.10,<7"
"$py" packaging/build_translations.py
"$py" packaging/build_icons.py build/icons >/dev/null
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist packaging/rm_journal.spec
version=$("$py" -c 'import rm_journal; print(rm_journal.__version__)')
bundle="dist/rm_journal-$version"
cp -r build/icons "$bundle/icons"
cp packaging/linux/*.desktop packaging/linux/*.metainfo.xml "$bundle/"
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
