"""Sample shared summaries from the demo vault, for docs/ (rendered with pdftoppm).

PYTHONPATH=. .venv/bin/python packaging/summary_sample.py OUT_DIR
"""

import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from rm_journal.core.datadir import DataDir
from rm_journal.core.fsutil import set_private_umask
from rm_journal.core.vault import Vault
from rm_journal.demo import fill
from rm_journal.export.selection import fingerprint, select
from rm_journal.export.summary_pdf import SummaryOptions, build
from tests.conftest import CHEAP_KDF

set_private_umask()
OUT = pathlib.Path(sys.argv[1])
dd = DataDir.acquire(pathlib.Path(tempfile.mkdtemp()) / "d")
v, _ = Vault.create(dd, "demo passphrase here", kdf_params_for_tests=CHEAP_KDF)
fill(v)
for i, lang in ((0, "fr"), (1, "en")):
    j = v.journal(v.pair_ids()[i])
    sel = select(j)
    p = j.pair().profile
    pdf = build(
        sel,
        fingerprint(sel.items),
        SummaryOptions(lang, p.display_name, p.program, "2026", signatures=True),
    )
    (OUT / f"summary-{lang}.pdf").write_bytes(pdf)
    print(lang, len(sel.items))
v.lock()
