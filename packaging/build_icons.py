"""Render the app icon from its SVG source (rm_journal/ui/icons/, package data: the
window shows it too) in the forms each system's packaging wants.

    python packaging/build_icons.py [OUT_DIR]     default: build/icons

Writes, under OUT_DIR:

- hicolor/<n>x<n>/apps/<app id>.png for the sizes desktops look for, plus the
  scalable SVG, in the freedesktop icon theme layout that a bundle, a Flatpak or a
  distribution package installs as it is (Linux);
- rm_journal.ico, 16 to 256 pixels, for the Windows executables and installer;
- rm_journal.icns, 32 to 1024 pixels (Retina sizes included), for the macOS app.

Qt's QtSvg (from the PySide6 wheel) draws every size from the SVG; Pillow (installed
with reportlab) only packs the drawn PNGs into .ico and .icns: nothing is scaled
from another size.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.rmjournal.RmJournal"
SOURCE = ROOT / "rm_journal" / "ui" / "icons" / f"{APP_ID}.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico holds
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)  # what Pillow's writer packs (16 is not one)
ICO_NAME = "rm_journal.ico"
ICNS_NAME = "rm_journal.icns"


def render(sizes: tuple[int, ...]) -> dict[int, bytes]:
    """The SVG drawn at each size, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG")
    drawn = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise SystemExit(f"could not draw the icon at {size} pixels")
        drawn[size] = bytes(buffer.data().data())
    return drawn


def pack(drawn: dict[int, bytes], sizes: tuple[int, ...], target: Path) -> Path:
    """The drawn PNGs of ``sizes`` packed in one .ico or .icns (by ``target``'s suffix)."""
    from PIL import Image

    images = [Image.open(io.BytesIO(drawn[size])) for size in sizes]
    largest = images[-1]
    if target.suffix == ".ico":
        largest.save(target, sizes=[(s, s) for s in sizes], append_images=images[:-1])
    else:
        largest.save(target, append_images=images[:-1])
    return target


def build(out: Path) -> list[Path]:
    drawn = render(tuple(sorted({*SIZES, *ICO_SIZES, *ICNS_SIZES})))
    written = []
    for size in SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(drawn[size])
        written.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    ico = pack(drawn, ICO_SIZES, out / ICO_NAME)
    icns = pack(drawn, ICNS_SIZES, out / ICNS_NAME)
    return [*written, scalable, ico, icns]


if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
