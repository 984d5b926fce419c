"""The Linux desktop files validate with the desktop's own tools, and the icon renders, in
the PNG sizes of Linux and in the .ico and .icns of Windows and macOS."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtGui import QImage

from tests.conftest import HANG_S, PYTHON, subprocess_env

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.rmjournal.RmJournal"


def test_the_desktop_entry_validates():
    done = subprocess.run(
        ["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout


def test_the_appstream_metainfo_validates_pedantically():
    done = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--pedantic",
            "--no-net",
            str(LINUX / f"{APP_ID}.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = (LINUX / f"{APP_ID}.metainfo.xml").read_text()
    assert "never uses the network" in text  # the privacy statement
    assert '<content_rating type="oars-1.1"/>' in text


def test_the_icon_renders_at_every_size(tmp_path):
    build_icons(tmp_path)
    for size in (16, 32, 48, 64, 128, 256, 512):
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
        centre = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        assert centre.alpha() == 255 and corner.alpha() == 0  # drawn, with rounded corners
    assert (tmp_path / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def build_icons(out: Path) -> None:
    done = subprocess.run(
        [PYTHON, str(ROOT / "packaging" / "build_icons.py"), str(out)],
        env=subprocess_env(out, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=HANG_S,
    )
    assert done.returncode == 0, done.stderr


def test_the_windows_icon_holds_every_size_from_16_to_256(tmp_path):
    from PIL import Image

    build_icons(tmp_path)
    with Image.open(tmp_path / "rm_journal.ico") as ico:
        assert ico.format == "ICO"
        sizes = {16, 24, 32, 48, 64, 128, 256}
        assert set(ico.info["sizes"]) == {(n, n) for n in sizes}
        for size in sizes:
            frame = ico.ico.getimage((size, size)).convert("RGBA")
            assert frame.size == (size, size)
            # drawn at that size from the SVG, with its rounded (transparent) corners
            assert frame.getpixel((size // 2, size // 2))[3] == 255
            assert frame.getpixel((0, 0))[3] == 0


def test_the_macos_icon_holds_the_retina_sizes_up_to_1024(tmp_path):
    from PIL import Image

    build_icons(tmp_path)
    with Image.open(tmp_path / "rm_journal.icns") as icns:
        assert icns.format == "ICNS"
        pixels = {width * scale for width, _height, scale in icns.info["sizes"]}
        assert {32, 64, 128, 256, 512, 1024} <= pixels
        icns.size = (512, 512)  # Pillow's way to pick the 512 x 512 @2x image
        icns.load()
        assert icns.im.size == (1024, 1024)
        assert icns.convert("RGBA").getpixel((512, 512))[3] == 255


def test_the_app_announces_the_desktop_entrys_id(tmp_path):
    """Wayland compositors find the entry (name, icon) by the name the app gives."""
    from rm_journal import DESKTOP_ID

    assert DESKTOP_ID == APP_ID
    done = subprocess.run(
        [
            PYTHON,
            "-c",
            "from rm_journal.ui.app import make_app; app = make_app(['x']);"
            " print(app.desktopFileName(), app.windowIcon().isNull())",
        ],
        env=subprocess_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=HANG_S,
    )
    assert done.stdout.split() == [APP_ID, "False"], done.stderr  # and the window has the icon


def test_the_metainfo_screenshots_are_the_ones_in_docs_at_this_versions_tag():
    """AppStream wants public URLs: they name the release tag, so they never change
    under a published release, and must name files that docs/ really has."""
    import xml.etree.ElementTree as ET

    import rm_journal

    tree = ET.parse(LINUX / f"{APP_ID}.metainfo.xml")
    images = tree.findall("./screenshots/screenshot/image")
    assert len(images) >= 3
    assert tree.find("./screenshots/screenshot[@type='default']") is not None
    prefix = f"https://raw.githubusercontent.com/rmjournal/rm_journal/v{rm_journal.__version__}/"
    for image in images:
        assert image.text is not None and image.text.startswith(prefix), image.text
        local = QImage(str(ROOT / image.text.removeprefix(prefix)))
        assert not local.isNull(), image.text
        assert (local.width(), local.height()) == (
            int(image.get("width")),
            int(image.get("height")),
        )
    release = tree.find("./releases/release")
    assert release is not None and release.get("version") == rm_journal.__version__
