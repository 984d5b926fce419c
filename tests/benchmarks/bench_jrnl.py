"""Side by side with jrnl, an encrypted journal on the command line (run by hand).

    .venv/bin/python -m tests.benchmarks.bench_jrnl [--entries 1000,10000,50000] [--rounds 5]

The same entries (``corpus.entries``: a title sentence and 60 to 180 words of
prose, one rare word in the middle entry) go into an encrypted jrnl journal
(jrnl 4.6, its own v3 format, password from a keyring so it runs without a
prompt) and into an rm_journal vault (one pair, one regular session per entry,
the text in its notes). jrnl runs in a virtual environment of its own under
the benchmark cache.

Measured, same run, medians and p95:
- jrnl's whole command (process start, PBKDF2 of 100,000 iterations, decrypt
  and parse the whole journal, the operation, and for an addition re-encrypt
  and write it all back): search a word (``-contains``), add an entry, show
  the last 10 (``-n 10``);
- the same operations in an unlocked rm_journal journal, as the open app
  does them: ``journal.search``, a new session with its text, the last 10
  entries with their text;
- both as whole processes: ``rm-journal search``, ``rm-journal sessions
  add``, ``rm-journal sessions list --last 10`` with a cheap KDF, with each
  side's KDF measured on its own (ours is Argon2id calibrated to about half a
  second on purpose; jrnl's PBKDF2 takes a few tens of milliseconds).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import replace
from pathlib import Path

from rm_journal.core.keys import crypto
from rm_journal.core.models import Language, PairProfile, Role
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import set_private_umask
from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin, start_session
from tests.benchmarks import corpus
from tests.benchmarks.bench_suite import timed

JRNL_VERSION = "4.6"
JRNL_PASSWORD = "jrnl benchmark password"


def jrnl_python() -> Path:
    venv = corpus.cache_root() / f"jrnl-{JRNL_VERSION}-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", f"jrnl=={JRNL_VERSION}", "keyrings.alt"],
            check=True,
        )
    return python


MAKE_JOURNAL = textwrap.dedent(
    """
    import json, sys
    from jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption
    entries_path, out_path, password = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(entries_path, encoding="utf-8") as f:
        entries = json.load(f)
    text = "".join(f"[{when}] {body}\\n\\n" for when, body in entries)
    enc = Jrnlv3Encryption("default", {"encrypt": True})
    enc.password = password
    with open(out_path, "wb") as f:
        f.write(enc.encrypt(text))
    import keyring
    keyring.set_password("jrnl", "default", password)
    """
)


def jrnl_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RM_JOURNAL_", "PYTHON"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        NO_COLOR="1",
        TERM="dumb",
    )
    return env


def jrnl_home(count: int) -> Path:
    """A jrnl set-up (config, keyring, encrypted journal) with ``count`` entries."""
    home = corpus.cache_root() / f"jrnl-home-{count}-g{corpus.GENERATOR_VERSION}"
    journal = home / "journal.txt"
    if journal.exists():
        return home
    (home / "config" / "jrnl").mkdir(parents=True, exist_ok=True)
    config = f"""\
version: v{JRNL_VERSION}
journals:
  default:
    journal: {json.dumps(str(journal))}
    encrypt: true
editor: ''
encrypt: true
template: false
default_hour: 9
default_minute: 0
timeformat: '%Y-%m-%d %H:%M'
tagsymbols: '#@'
highlight: false
linewrap: 79
indent_character: '|'
colors:
  body: none
  date: none
  tags: none
  title: none
"""
    (home / "config" / "jrnl" / "jrnl.yaml").write_text(config)  # jrnl reads JSON as a v1 file
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(
            [(when.strftime("%Y-%m-%d %H:%M"), body) for when, body in corpus.entries(count)], f
        )
    subprocess.run(
        [str(jrnl_python()), "-c", MAKE_JOURNAL, f.name, str(journal), JRNL_PASSWORD],
        env=jrnl_env(home),
        check=True,
    )
    os.unlink(f.name)
    return home


def rm_vault(count: int) -> Path:
    """An rm_journal vault holding the same entries, one regular session each."""
    root = corpus.cache_root() / f"jrnl-rm-{count}-g{corpus.GENERATOR_VERSION}"
    if (root / "built").exists():
        return root / "data"
    template = builtin("regular-session")
    with DataDir.acquire(root / "data") as dd:
        vault, _ = Vault.create(dd, corpus.PASSPHRASE, kdf_params_for_tests=corpus.CHEAP)
        with vault:
            profile = PairProfile("Pair", Role.LEADER, language=Language.EN)
            journal = vault.journal(vault.add_pair(profile).pair_id)
            journal.conn.execute("PRAGMA synchronous = OFF")  # building, not measuring
            for when, body in corpus.entries(count):
                session = start_session(journal, template, planned_date=when.date())
                title, _, rest = body.partition(". ")
                journal.set_fields(session.uuid, {"topic": title, "notes": rest})
            journal.conn.execute("PRAGMA synchronous = FULL")
    (root / "built").write_text("ok")
    return root / "data"


def run(argv: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"{argv[:3]} failed: {done.stderr[-500:]}")
    return done.stdout


def measure(count: int, rounds: int) -> list[tuple[str, str, float, float]]:
    rows = []
    home = jrnl_home(count)
    jrnl = [str(jrnl_python()), "-m", "jrnl"]
    env = jrnl_env(home)
    assert corpus.RARE_WORD in run([*jrnl, "-contains", corpus.RARE_WORD], env)
    data = rm_vault(count)
    rm_env = {k: v for k, v in os.environ.items() if not k.startswith("RM_JOURNAL_")}
    rm_env.update(RM_JOURNAL_DATA_DIR=str(data), RM_JOURNAL_PASSPHRASE=corpus.PASSPHRASE)
    rm = [sys.executable, "-m", "rm_journal"]
    ops: dict[str, tuple[list[str], list[str]]] = {
        "search a rare word": (
            [*jrnl, "-contains", corpus.RARE_WORD],
            [*rm, "search", corpus.RARE_WORD],
        ),
        "search a common word": ([*jrnl, "-contains", "team"], [*rm, "search", "team"]),
        "show the last 10": ([*jrnl, "-n", "10"], [*rm, "sessions", "list", "1", "--last", "10"]),
        "add an entry": (
            [*jrnl, "Added by the benchmark. It says little."],
            [*rm, "sessions", "add", "1", "--text", "Added by the benchmark. It says little."],
        ),
    }
    with DataDir.acquire(data) as dd, Vault.unlock(dd, corpus.PASSPHRASE) as vault:
        journal = vault.journal(vault.pair_ids()[0])
        template = builtin("regular-session")

        def add() -> None:
            s = start_session(journal, template, planned_date=dt.date.today())
            journal.set_fields(s.uuid, {"notes": "Added by the benchmark. It says little."})

        def last_ten() -> None:
            for s in journal.sessions(last=10):
                journal.fields(s.uuid)

        inside = {
            "search a rare word": lambda: journal.search(corpus.RARE_WORD),
            "search a common word": lambda: journal.search("team"),
            "show the last 10": last_ten,
            "add an entry": add,
        }
        ours_inside = {name: timed(fn, max(rounds, 20)) for name, fn in inside.items()}
    for name, (jrnl_argv, rm_argv) in ops.items():
        theirs = timed(lambda a=jrnl_argv: run(a, env), rounds)  # type: ignore[misc]
        ours_process = timed(lambda a=rm_argv: run(a, rm_env), rounds)  # type: ignore[misc]
        ours = ours_inside[name]
        rows.append((f"{count:,}", name, *theirs, *ours, *ours_process))
    return rows


def kdf_times(rounds: int) -> tuple[float, float]:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    def jrnl_kdf() -> None:
        PBKDF2HMAC(hashes.SHA256(), 32, os.urandom(16), 100_000).derive(b"a password")

    params = crypto.calibrate_argon2id(os.urandom(16))
    ours = timed(lambda: crypto.derive_key(b"a passphrase", params).wipe(), rounds)[0]
    cheap_params = replace(corpus.CHEAP, salt=os.urandom(16))
    cheap = timed(lambda: crypto.derive_key(b"a passphrase", cheap_params).wipe(), rounds)[0]
    return timed(jrnl_kdf, rounds)[0], ours - cheap


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", default="1000,10000,50000")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    set_private_umask()
    jrnl_kdf, our_extra_kdf = kdf_times(args.rounds)
    print(
        f"KDF: jrnl PBKDF2-SHA256 x 100,000 = {jrnl_kdf * 1e3:.0f} ms; ours, calibrated "
        f"Argon2id, adds {our_extra_kdf * 1e3:.0f} ms to the cheap one the vaults here use"
    )
    print(
        "| entries | operation | jrnl whole command (median / p95) | rm_journal, open app "
        "(median / p95) | ratio | rm-journal whole command, cheap KDF | + real KDF |"
    )
    print("|---|---|---|---|---|---|---|")
    for count in (int(c) for c in args.entries.split(",")):
        for n, op, t_med, t_p95, o_med, o_p95, p_med, _p_p95 in measure(count, args.rounds):
            print(
                f"| {n} | {op} | {t_med * 1e3:.0f} / {t_p95 * 1e3:.0f} ms "
                f"| {o_med * 1e3:.2f} / {o_p95 * 1e3:.2f} ms | **{t_med / o_med:,.0f}×** "
                f"| {p_med * 1e3:.0f} ms | {(p_med + our_extra_kdf) * 1e3:.0f} ms |",
                flush=True,
            )


if __name__ == "__main__":
    main()
