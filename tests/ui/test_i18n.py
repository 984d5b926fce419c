"""English and French ship together: every string is translated, and the app speaks French."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from rm_journal.core.vault import Vault
from rm_journal.ui.app import install_translations
from tests.conftest import CHEAP_KDF, PASSPHRASE, profile

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "rm_journal_fr.ts"


def sources(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {
        (c.findtext("name"), m.findtext("source"))
        for c in tree.iter("context")
        for m in c.iter("message")
    }


def test_the_french_file_covers_every_string_of_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    files = sorted(str(p) for p in (ROOT / "rm_journal" / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *files, "-ts", str(fresh)], check=True, capture_output=True)
    missing = sources(fresh) - sources(TS)
    assert not missing, f"run packaging/build_translations.py --update: {sorted(missing)[:5]}"


def test_every_french_translation_is_finished_and_typeset():
    tree = ET.parse(TS)
    for message in tree.iter("message"):
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None
        text = translation.text or ""
        assert text.strip(), message.findtext("source")
        assert "'" not in text, text
        assert not re.search(r" [?!;:]", text), f"plain space before punctuation: {text!r}"


@pytest.fixture
def french(qapp):
    translators = install_translations(QApplication.instance(), "fr")
    assert translators, "build the .qm first: python packaging/build_translations.py"
    yield
    for translator in translators:
        QApplication.instance().removeTranslator(translator)


def test_the_window_speaks_french(qtbot, french, make_window, data_dir):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    vault.add_pair(profile("Inès"))
    vault.lock()
    window, dialogs = make_window(data_dir, language="fr")
    labels = [w.text() for w in window.unlock_page.findChildren(QLabel)]
    assert "Votre journal est verrouillé" in labels
    assert window.unlock_page.button.text() == "Déverrouiller"
    from tests.ui.test_flows import unlock

    unlock(qtbot, window)
    dialogs.answer("leader-reflection")
    window.journal_page.new_session()
    editor = window.journal_page.editor
    texts = [w.text() for w in editor.findChildren(QLabel)] + [
        b.text() for b in editor.findChildren(QPushButton)
    ]
    assert "Ce qui m’a surpris" in texts  # the template, in the UI language
    assert "Prévue" in texts  # a status button
    assert any(t.startswith("✓ Enregistré · chiffré") for t in texts)
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&Journal", "É&dition"]


def test_core_errors_are_told_in_french(french):
    from rm_journal.core import errors
    from rm_journal.ui.messages import describe

    assert describe(errors.WrongPassphrase()).startswith("La phrase secrète est incorrecte.")
    assert describe(errors.StorageUnavailable("Could not save: the disk is full.")).startswith(
        "Écriture impossible sur le disque"
    )
    # a sentence that names a field stays the core's own, rather than a vague translation
    assert describe(errors.InvalidInput("The field 'goals' takes at most 3 items.")) == (
        "The field 'goals' takes at most 3 items."
    )
    assert "inattendu" in describe(KeyError("boom"))


def test_core_errors_in_english_keep_their_detail():
    from rm_journal.core import errors
    from rm_journal.ui.messages import describe

    detail = (
        "Could not save the session's notes: the disk is full. Free some space, then try again."
    )
    assert describe(errors.StorageUnavailable(detail)) == detail


def _fixed_sentence_errors() -> list[type]:
    """Every pairing and exchange refusal whose sentence does not depend on details."""
    from rm_journal.core.exchange import envelope, identity

    found = []
    for module in (envelope, identity):
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, identity.PairingRefused | envelope.ExchangeRefused)
                and value not in (identity.PairingRefused, envelope.ExchangeRefused)
            ):
                found.append(value)
    return found


def test_pairing_and_exchange_refusals_are_told_in_french(french):
    from rm_journal.ui import messages

    kinds = _fixed_sentence_errors()
    assert len(kinds) >= 16
    for kind in kinds:
        error = kind()
        # the app's copy of the English sentence is the core's, word for word
        assert messages._BY_NAME[kind.__name__] == str(error), kind.__name__
        assert messages.describe(error) == french_table()[str(error)]


def french_table() -> dict[str, str]:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
    from fr_translations import FR

    return FR


def test_every_translated_error_names_a_class_the_core_raises():
    """Errors are found by class name (no import of cryptography at start-up): a class
    renamed in the core would otherwise lose its French without a word."""
    from rm_journal.core import errors
    from rm_journal.core.exchange import envelope, identity
    from rm_journal.ui import messages

    classes = {
        name
        for module in (errors, envelope, identity)
        for name, value in vars(module).items()
        if isinstance(value, type) and issubclass(value, errors.RmJournalError)
    }
    assert set(messages._BY_NAME) <= classes, set(messages._BY_NAME) - classes
