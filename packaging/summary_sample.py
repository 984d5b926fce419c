"""Sample shared summaries from the demo vault, rendered to PNG for docs/.

    PYTHONPATH=. .venv/bin/python packaging/summary_sample.py docs

Writes docs/summary-fr-N.png (the French pair, names printed, signature lines)
and docs/summary-en-N.png (the English pair, no names) with pdftoppm
(poppler-utils), from a throw-away demo vault.
"""

import pathlib
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import set_private_umask
from rm_journal.core.vault import Vault
from rm_journal.demo import fill
from rm_journal.export import summary
from tests.conftest import CHEAP_KDF

PDFTOPPM = shutil.which("pdftoppm") or sys.exit(
    "pdftoppm is missing: apt-get install poppler-utils"
)
set_private_umask()
OUT = pathlib.Path(sys.argv[1])
tmp = pathlib.Path(tempfile.mkdtemp())
dd = DataDir.acquire(tmp / "d")
v, _ = Vault.create(dd, "demo passphrase here", kdf_params_for_tests=CHEAP_KDF)
fill(v)
requests = {
    "fr": summary.SummaryRequest(leader_name="Jean Martin", mentor_name="Inès"),
    "en": summary.SummaryRequest(),
}
for i, lang in ((0, "fr"), (1, "en")):
    journal = v.journal(v.pair_ids()[i])
    prepared = summary.prepare(journal, requests[lang])
    pdf = tmp / f"summary-{lang}.pdf"
    summary.write(journal, prepared, pdf)
    for old in OUT.glob(f"summary-{lang}-*.png"):
        old.unlink()
    subprocess.run(
        [PDFTOPPM, "-r", "80", "-png", str(pdf), str(OUT / f"summary-{lang}")], check=True
    )
    print(lang, prepared.item_count, "items", sorted(p.name for p in OUT.glob(f"summary-{lang}-*")))
v.lock()
