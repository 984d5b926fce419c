"""English and French ship together: every string is translated, and the app speaks French."""

from __future__ import annotations

import ast
import importlib
import inspect
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
    files = [str(ROOT / f) for f in build_translations().lupdate_sources()]
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
        # the sentence the app translates is the core's, word for word
        assert kind.sentence == str(error), kind.__name__
        assert messages.describe(error) == french_table()[str(error)]


def french_table() -> dict[str, str]:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
    from fr_translations import FR

    return FR


def build_translations():
    sys.path.insert(0, str(ROOT / "packaging"))
    import build_translations

    return build_translations


def error_classes() -> list[type]:
    """Every RmJournalError subclass of the package, its modules all imported."""
    from rm_journal.core.errors import RmJournalError

    for path in sorted((ROOT / "rm_journal").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] != "__main__":
            importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    found, todo = [], [RmJournalError]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def own_sentences() -> dict[str, type]:
    """Each error sentence, by the class that writes it (inherited ones are not counted)."""
    return {k.__dict__["sentence"]: k for k in error_classes() if k.__dict__.get("sentence")}


def string_constants(path: Path) -> list[str]:
    """The literal strings of a module, implicit concatenations joined as Python does."""
    tree = ast.parse(path.read_text("utf-8"))
    return [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def test_every_error_sentence_is_written_once_beside_its_class():
    """Nowhere else: not in another module of the core, not in a table of the GUI."""
    sentences = own_sentences()
    assert len(sentences) >= 30  # every class the GUI says in French
    written: dict[str, list[Path]] = {s: [] for s in sentences}
    for path in sorted((ROOT / "rm_journal").rglob("*.py")):
        for text in string_constants(path):
            if text in written:
                written[text].append(path)
    for sentence, kind in sentences.items():
        assert written[sentence] == [Path(inspect.getsourcefile(kind))], (
            kind.__name__,
            written[sentence],
        )


def test_every_error_sentence_is_in_the_french_file_once_and_said_in_french(french):
    from PySide6.QtCore import QCoreApplication

    messages = [
        m
        for c in ET.parse(TS).iter("context")
        if c.findtext("name") == "Messages"
        for m in c.iter("message")
    ]
    for sentence, kind in own_sentences().items():
        found = [m for m in messages if m.findtext("source") == sentence]
        assert len(found) == 1, (kind.__name__, len(found))
        files = {loc.get("filename") for loc in found[0].iter("location")}
        assert files and not any("/ui/" in f for f in files), (kind.__name__, files)
        french_text = found[0].findtext("translation")
        assert french_text and french_text != sentence, kind.__name__
        assert QCoreApplication.translate("Messages", sentence) == french_text, kind.__name__
