"""The benchmark suite over generated vaults of every size (run by hand, not in CI).

    .venv/bin/python -m tests.benchmarks.bench_suite [--sizes xs,s,m,l,one-1000] [--rounds 9]

For each size (see ``corpus.SIZES``; vaults are built once and cached), in one
process and one run: everything after the KDF in an unlock (open vault.db,
list the pairs), opening a pair and listing its sessions (cold: journal opened
and every page's HMAC checked; warm: already open), switching pairs and
sessions in the real window (offscreen), one autosave of a field edit, and
global search for a rare and a common word. Then, in child processes: start-up
to the unlock window next to the floor of Python + PySide6 showing an empty
window, unlock to the main window, and the peak RSS with the largest vault
open. Medians and p95; ratios are computed from figures of the same run.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from rm_journal.core import vault as vault_module
from rm_journal.core.keys import crypto
from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.storage import header
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.benchmarks import corpus

Row = tuple[str, str, float, float]  # size, operation, median s, p95 s


def timed(
    fn: Callable[[], Any],
    rounds: int,
    warmup: int = 1,
    setup: Callable[[], Any] = lambda: None,
) -> tuple[float, float]:
    for _ in range(warmup):
        setup()
        fn()
    values = []
    for _ in range(rounds):
        setup()
        start = time.perf_counter()
        fn()
        values.append(time.perf_counter() - start)
    values.sort()
    return statistics.median(values), values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def master_key(dd: DataDir) -> tuple[Any, bytes]:
    hdr = vault_module._read_header(dd)
    master = header.unwrap_slot(hdr, "passphrase", crypto.normalize_passphrase(corpus.PASSPHRASE))
    assert master is not None
    return hdr, bytes(master.buffer())


def core_rows(size: corpus.Size, dd: DataDir, rounds: int) -> list[Row]:
    rows: list[Row] = []
    hdr, raw = master_key(dd)

    def after_kdf() -> None:
        vault = Vault._open_registry(dd, hdr, SecretKey(raw))
        vault.pairs()
        vault.lock()

    rows.append(
        (size.name, "unlock after the KDF: open vault.db, list pairs", *timed(after_kdf, rounds))
    )

    def after_kdf_as_the_app() -> None:
        vault = Vault._open_registry(dd, hdr, SecretKey(raw))
        vault.journal(vault.pairs()[0].pair_id)
        vault.lock()

    rows.append(
        (
            size.name,
            "the app's unlock task after the KDF: also opens the first pair's journal",
            *timed(after_kdf_as_the_app, rounds),
        )
    )

    vault = Vault._open_registry(dd, hdr, SecretKey(raw))
    entries = vault.pairs()
    pid = entries[-1].pair_id

    def open_cold() -> None:
        journal = vault._journals.pop(pid, None)
        if journal is not None:
            journal.close()
        vault.journal(pid).sessions()

    rows.append((size.name, "open a pair and list its sessions, cold", *timed(open_cold, rounds)))

    def list_first() -> None:
        vault.journal(pid)._all_sessions = None  # first listing since the journal was opened
        vault.journal(pid).sessions()

    rows.append((size.name, "list a pair's sessions, journal open", *timed(list_first, rounds)))

    journal = vault.journal(pid)
    sessions = [s for s in journal.sessions() if s.template_id == "regular-session"]
    target = sessions[len(sessions) // 2].uuid
    text = journal.fields(target)["notes"]
    counter = iter(range(10**9))

    def autosave() -> None:
        journal.set_field(target, "notes", f"{text} {next(counter)}")

    rows.append((size.name, "autosave one field edit (core)", *timed(autosave, max(rounds, 50))))
    rows.append(
        (
            size.name,
            f"search a rare word ({corpus.RARE_WORD}), all pairs",
            *timed(lambda: vault.search(corpus.RARE_WORD), rounds),
        )
    )
    rows.append(
        (
            size.name,
            "search a common word (équipe), all pairs",
            *timed(lambda: vault.search("équipe"), rounds),
        )
    )
    rows += gui_rows(size, vault, rounds)
    vault.lock()
    return rows


def gui_rows(size: corpus.Size, vault: Vault, rounds: int) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from rm_journal.ui.dialogs import ScriptedDialogs
    from rm_journal.ui.journal_page import JournalPage

    app = QApplication.instance() or QApplication([])
    rows: list[Row] = []

    def show_page() -> None:
        page = JournalPage(vault, ScriptedDialogs(), "en")
        page.show()
        app.processEvents()
        page.close_all()
        page.deleteLater()
        app.processEvents()

    rows.append((size.name, "main window content shown once unlocked", *timed(show_page, rounds)))
    page = JournalPage(vault, ScriptedDialogs(), "en")
    page.resize(1280, 760)
    page.show()
    app.processEvents()
    rng = random.Random(1)
    count = page.pairs_model.rowCount()

    def switch_pair() -> None:
        page.pairs_view.setCurrentIndex(page.pairs_model.index(rng.randrange(count)))
        app.processEvents()

    if count > 1:
        rows.append((size.name, "switch pair in the window", *timed(switch_pair, rounds)))
    # the pair with the most sessions, as a person clicks it: its list, then its newest
    # entry in the editor (the journal itself was opened in the background after unlock)
    largest = max(
        range(count), key=lambda r: len(vault.journal(page.pairs_model.pair_id(r)).sessions())
    )
    journal = vault.journal(page.pairs_model.pair_id(largest))

    def away(first_visit: bool, keep_editor: bool) -> None:
        page.pairs_view.selectionModel().clearCurrentIndex()
        if not keep_editor:
            page._drop_editor()
        app.processEvents()
        if first_visit:
            journal._all_sessions = None  # nothing listed since the journal was opened

    def open_pair() -> None:
        page.pairs_view.setCurrentIndex(page.pairs_model.index(largest))
        app.processEvents()

    for label, first, keep in (
        ("its session list shown (first listing since it was opened)", True, True),
        ("its list and newest entry in the editor, first visit", True, False),
        ("its list and newest entry in the editor, again", False, False),
    ):
        rows.append(
            (
                size.name,
                f"open the largest pair in the window: {label}",
                *timed(open_pair, rounds, setup=lambda f=first, k=keep: away(f, k)),
            )
        )
    uuids = [s.uuid for s in journal.sessions()]

    def switch_session() -> None:
        page.open_session(rng.choice(uuids))
        app.processEvents()

    rows.append((size.name, "switch session in the editor", *timed(switch_session, rounds)))
    page.close_all()
    page.deleteLater()
    app.processEvents()
    return rows


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    return env


def run_child(args: list[str], env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.startup_child", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    values = dict(pair.split("=") for pair in done.stdout.split())
    result = {k: float(v) for k, v in values.items()}
    result["start"] = start
    return result


def startup_rows(data: Path, rounds: int) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as home:
        env = child_env(Path(home))
        listed = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.startup_child", "qt-classes", str(data)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        classes = listed.stdout.split()
        floor, same_classes, unlock, main, click = [], [], [], [], []
        for _ in range(rounds + 1):  # interleaved, the first round warms the page cache
            f = run_child(["floor"], env)
            floor.append(f["shown"] - f["start"])
            c = run_child(["classes-floor", *classes], env)
            same_classes.append(c["shown"] - c["start"])
            u = run_child(["unlock-window", str(data)], env)
            unlock.append(u["shown"] - u["start"])
            m = run_child(["main-window", str(data), corpus.PASSPHRASE], env)
            main.append(m["shown"] - m["start"])
            click.append(m["click_to_main"])
        for name, values in (
            ("start-up floor: Python + PySide6, empty QMainWindow shown", floor),
            (
                f"start-up floor with the same {len(classes)} Qt classes as the unlock window "
                "(a label, a field, a button shown)",
                same_classes,
            ),
            ("start-up: process start to the unlock window shown", unlock),
            ("process start to the main window shown (unlock with a cheap KDF)", main),
            ("unlock click to the main window shown (cheap KDF)", click),
        ):
            values = sorted(values[1:])
            p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
            rows.append(("largest", name, statistics.median(values), p95))
    return rows


def kdf_row(rounds: int) -> Row:
    params = crypto.calibrate_argon2id(os.urandom(16))
    median, p95 = timed(lambda: crypto.derive_key(b"a passphrase", params).wipe(), rounds, 0)
    label = f"KDF alone, as calibrated here ({params.memory_kib // 1024} MiB x {params.iterations})"
    return ("-", label, median, p95)


def _hwm_mb() -> float:
    """Peak resident set of this process image (VmHWM; ru_maxrss survives exec on Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_child(data: str) -> None:
    """Open the vault, show every pair, search, then print the peak RSS in MB."""
    from PySide6.QtWidgets import QApplication

    from rm_journal.ui.dialogs import ScriptedDialogs
    from rm_journal.ui.journal_page import JournalPage

    app = QApplication([])
    baseline = _hwm_mb()
    with DataDir.acquire(Path(data)) as dd:
        hdr, raw = master_key(dd)
        vault = Vault._open_registry(dd, hdr, SecretKey(raw))
        vault.pairs()
        page = JournalPage(vault, ScriptedDialogs(), "en")
        page.show()
        for row in range(page.pairs_model.rowCount()):
            page.pairs_view.setCurrentIndex(page.pairs_model.index(row))
            page.tabs.setCurrentIndex(1)
            app.processEvents()
        vault.search("équipe")
        vault.search(corpus.RARE_WORD)
        peak = _hwm_mb()
        page.close_all()
        vault.lock()
    print(f"baseline={baseline:.1f} peak={peak:.1f}")


def rss_row(data: Path) -> Row:
    with tempfile.TemporaryDirectory() as home:
        done = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.bench_suite", "--rss-child", str(data)],
            env=child_env(Path(home)),
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
    values = dict(pair.split("=") for pair in done.stdout.split())
    return (
        "largest",
        f"peak RSS, MB (Qt app alone: {values['baseline']})",
        float(values["peak"]),
        0.0,
    )


def print_rows(rows: list[Row]) -> None:
    """Rows as they are measured (a later failure loses nothing already printed)."""
    for size, name, median, p95 in rows:
        if name.startswith("peak RSS"):
            print(f"| {size} | {name} | {median:.0f} MB | |", flush=True)
        else:
            print(f"| {size} | {name} | {median * 1e3:.1f} ms | {p95 * 1e3:.1f} ms |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="xs,s,m,l,one-1000")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--skip-processes", action="store_true")
    parser.add_argument("--rss-child")
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.rss_child)
        return
    sizes = [corpus.SIZES[name] for name in args.sizes.split(",")]
    print("| size | operation | median | p95 |")
    print("|---|---|---|---|")
    print_rows([kdf_row(args.rounds)])
    for size in sizes:
        data = corpus.build(size)
        info = corpus.describe(size)
        print(
            f"# {size.name}: {size.pairs} pairs x {size.sessions} sessions, "
            f"{info['bytes'] / 1e6:.0f} MB",
            file=sys.stderr,
            flush=True,
        )
        with DataDir.acquire(data) as dd:
            print_rows(core_rows(size, dd, args.rounds))
    if not args.skip_processes:
        largest = corpus.build(max(sizes, key=lambda s: s.total))
        print_rows(startup_rows(largest, args.rounds))
        print_rows([rss_row(largest)])


if __name__ == "__main__":
    main()
