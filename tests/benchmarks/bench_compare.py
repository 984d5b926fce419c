"""This checkout against an earlier commit, process against process, interleaved.

    .venv/bin/python -m tests.benchmarks.bench_compare --against REV [--size s] [--rounds 15]

For a change that should cost nothing (a redesign, a move), the question is not
how fast the app is but whether it got slower. REV is checked out in a temporary
worktree; each round then runs every command once with this checkout's code and
once with REV's, in alternating order, each in a process of its own started the
way a user starts it (``python -m rm_journal``, bytecode written and reused as an
installed app's is), on two copies of the same generated vault (``corpus``, cheap
KDF: the KDF is the same code in both and would only add noise). Prints, per
command, both medians and the ratio new / old with the spread of the per-round
ratios, so noise shows as what it is.

The vault format must be one both commits read: compare commits of one format.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import corpus

ROOT = Path(__file__).resolve().parents[2]

# (label, argv after `python -m rm_journal`, or None for a bare import of the GUI)
COMMANDS: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    ("start-up: --version", ("--version",)),
    ("import the GUI (rm_journal.ui.window)", None),
    ("pairs list", ("pairs", "list")),
    ("sessions list (pair 1)", ("sessions", "list", "1")),
    ("search a rare word", ("search", corpus.RARE_WORD)),
    ("sessions add (pair 1)", ("sessions", "add", "1", "--text", "One more entry.")),
    ("check (every file)", ("check",)),
)


def _env(tree: Path, data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RM_JOURNAL_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        PYTHONPATH=str(tree),  # ahead of the editable install's finder
        RM_JOURNAL_DATA_DIR=str(data),
        RM_JOURNAL_PASSPHRASE=corpus.PASSPHRASE,
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def _argv(argv: tuple[str, ...] | None) -> list[str]:
    if argv is None:
        return [sys.executable, "-c", "import rm_journal.ui.window"]
    return [sys.executable, "-m", "rm_journal", *argv]


def _time(tree: Path, data: Path, argv: tuple[str, ...] | None) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        _argv(argv), env=_env(tree, data), cwd=data.parent, capture_output=True, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{tree}: {argv} failed:\n{done.stderr.decode(errors='replace')}")
    return elapsed


def _which(tree: Path, data: Path) -> str:
    code = "import rm_journal, pathlib; print(pathlib.Path(rm_journal.__file__).parent.parent)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=_env(tree, data),
        cwd=data.parent,  # not a checkout: the current folder comes first on sys.path
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", required=True, help="the earlier commit (any git revision)")
    parser.add_argument("--size", default="s", choices=sorted(corpus.SIZES))
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()

    source = corpus.build(corpus.SIZES[args.size])
    with tempfile.TemporaryDirectory(prefix="rm_journal-compare-") as tmp:
        work = Path(tmp)
        old_tree = work / "old"
        subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "worktree",
                "add",
                "--detach",
                "-q",
                str(old_tree),
                args.against,
            ],
            check=True,
        )
        try:
            trees = {"new": ROOT, "old": old_tree}
            data = {}
            for name, tree in trees.items():
                data[name] = work / f"data-{name}"
                shutil.copytree(source, data[name])
                found = _which(tree, data[name])
                if Path(found) != tree:
                    raise SystemExit(f"{name}: Python imports rm_journal from {found}, not {tree}")
            revs = {
                name: subprocess.run(
                    ["git", "-C", str(tree), "rev-parse", "--short", "HEAD"],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.strip()
                for name, tree in trees.items()
            }
            times: dict[tuple[str, str], list[float]] = {}
            for name in trees:  # warm-up: bytecode written, files in the page cache
                for _, argv in COMMANDS:
                    _time(trees[name], data[name], argv)
            for round_no in range(args.rounds):
                order = ("new", "old") if round_no % 2 == 0 else ("old", "new")
                for label, argv in COMMANDS:
                    for name in order:
                        times.setdefault((label, name), []).append(
                            _time(trees[name], data[name], argv)
                        )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old_tree)],
                check=False,
            )
    print(
        f"size {args.size}, {args.rounds} rounds, interleaved; "
        f"new = {revs['new']} (this checkout), old = {revs['old']}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print("| command | new | old | new / old | per-round ratios (10th-90th) |")
    print("|---|---|---|---|---|")
    for label, _ in COMMANDS:
        new, old = times[(label, "new")], times[(label, "old")]
        ratios = sorted(n / o for n, o in zip(new, old, strict=True))
        low, high = ratios[len(ratios) // 10], ratios[-1 - len(ratios) // 10]
        new_ms, old_ms = statistics.median(new) * 1e3, statistics.median(old) * 1e3
        print(
            f"| {label} | {new_ms:.0f} ms | {old_ms:.0f} ms | {new_ms / old_ms:.2f} "
            f"| {low:.2f}–{high:.2f} |"
        )


if __name__ == "__main__":
    main()
