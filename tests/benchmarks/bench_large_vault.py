"""A large vault: open, list, switch pairs and search (run by hand, not in the test suite).

    .venv/bin/python -m tests.benchmarks.bench_large_vault [--pairs 50] [--sessions 400]

Builds a vault of PAIRS pairs x SESSIONS regular sessions (French and English
prose in four fields and a takeaway per session) with cheap KDF parameters,
since the KDF is measured on its own elsewhere, then times in one run: unlock
and list the pairs (every journal opened, every page's HMAC checked), list a
pair's sessions, fill the session table model, and search a rare and a common
word across all pairs. Medians and p95 over repeated runs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from rm_journal.core.keys import crypto
from rm_journal.core.models import Language, PairProfile, Role
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import set_private_umask
from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin

PASSPHRASE = "benchmark passphrase"
CHEAP = crypto.KdfParams(crypto.ARGON2ID, b"", memory_kib=8 * 1024, iterations=1, lanes=1)
FR = (
    "réunion",
    "équipe",
    "décision",
    "confiance",
    "hiérarchie",
    "sobriété",
    "numérique",
    "télétravail",
    "écoute",
    "silence",
    "engagement",
    "comité",
    "génération",
    "projet",
)
EN = (
    "meeting",
    "team",
    "decision",
    "trust",
    "hierarchy",
    "sobriety",
    "digital",
    "remote",
    "listening",
    "silence",
    "commitment",
    "committee",
    "generation",
    "project",
)


def prose(rng: random.Random, words: tuple[str, ...], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def build(root: Path, pairs: int, sessions: int) -> DataDir:
    rng = random.Random(7)
    template = builtin("regular-session")
    dd = DataDir.acquire(root)
    vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP)
    for p in range(pairs):
        lang = Language.FR if p % 2 else Language.EN
        words = FR if lang is Language.FR else EN
        journal = vault.journal(
            vault.add_pair(PairProfile(f"Pair {p}", Role.LEADER, language=lang)).pair_id
        )
        for s in range(sessions):
            session = journal.add_session(template.id, template.document())
            journal.set_fields(
                session.uuid,
                {
                    "topic": prose(rng, words, 3),
                    "notes": prose(rng, words, 120),
                    "assumptions": prose(rng, words, 40),
                    "feedback": prose(rng, words, 30),
                    "takeaways": [{"text": prose(rng, words, 12)}],
                },
            )
            if p == 0 and s == sessions // 2:
                journal.set_field(session.uuid, "checkin", "Un mot rare: ornithorynque.")
    vault.lock()
    return dd


def timed(fn, rounds: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    values = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        values.append(time.perf_counter() - start)
    values.sort()
    return statistics.median(values), values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=50)
    parser.add_argument("--sessions", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    set_private_umask()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        dd = build(Path(tmp) / "data", args.pairs, args.sessions)
        size = sum(p.stat().st_size for p in dd.path.rglob("*") if p.is_file())
        print(
            f"built {args.pairs} pairs x {args.sessions} sessions "
            f"({args.pairs * args.sessions} sessions, {size / 1e6:.0f} MB) "
            f"in {time.perf_counter() - t0:.0f} s"
        )

        def unlock_and_list() -> None:
            vault = Vault.unlock(dd, PASSPHRASE)
            vault.pairs()
            vault.lock()

        rows = [("unlock + list pairs (all journals opened)", *timed(unlock_and_list, args.rounds))]
        vault = Vault.unlock(dd, PASSPHRASE)
        entries = vault.pairs()
        first = vault.journal(entries[0].pair_id)
        rows.append(("list one pair's sessions", *timed(first.sessions, args.rounds)))

        from PySide6.QtWidgets import QApplication

        from rm_journal.ui.item_models import SessionTableModel

        QApplication.instance() or QApplication([])
        model = SessionTableModel()

        def switch_pair() -> None:
            journal = vault.journal(entries[random.randrange(len(entries))].pair_id)
            model.set_sessions(journal.sessions(), {"regular-session": "Regular session"})

        rows.append(
            ("switch pair: sessions into the table model", *timed(switch_pair, args.rounds))
        )
        from rm_journal.ui.dialogs import ScriptedDialogs
        from rm_journal.ui.journal_page import JournalPage

        vault.lock()

        opened = Vault.unlock(dd, PASSPHRASE)
        opened.pairs()  # the unlock task opens every journal off the GUI thread

        def show_main_window() -> None:
            JournalPage(opened, ScriptedDialogs(), "en").deleteLater()
            QApplication.processEvents()

        rows.append(
            ("main window shown once unlocked (GUI thread)", *timed(show_main_window, args.rounds))
        )
        opened.lock()
        vault = Vault.unlock(dd, PASSPHRASE)
        page = JournalPage(vault, ScriptedDialogs(), "en")
        rng = random.Random(3)

        def switch_in_window() -> None:
            page.pairs_view.setCurrentIndex(page.pairs_model.index(rng.randrange(len(entries))))

        rows.append(
            ("switch pair in the window (sessions tab)", *timed(switch_in_window, args.rounds))
        )
        page.tabs.setCurrentIndex(1)
        rows.append(
            (
                "switch pair in the window (takeaways tab, lists load)",
                *timed(switch_in_window, args.rounds),
            )
        )
        page.tabs.setCurrentIndex(0)
        rows.append(
            (
                "search a rare word, all pairs",
                *timed(lambda: vault.search("ornithorynque"), args.rounds),
            )
        )
        rows.append(
            (
                "search a common word, all pairs",
                *timed(lambda: vault.search("decision"), args.rounds),
            )
        )
        rows.append(
            (
                "search a common prefix as typed, all pairs",
                *timed(lambda: vault.search("équ"), args.rounds),
            )
        )
        vault.lock()
        dd.release()
        print(f"\n{'operation':<58} {'median':>9} {'p95':>9}")
        for name, median, p95 in rows:
            print(f"{name:<58} {median * 1000:>7.1f}ms {p95 * 1000:>7.1f}ms")


if __name__ == "__main__":
    main()
