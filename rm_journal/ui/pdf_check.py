"""Check a shared summary PDF from the app: the same verification as ``verify-pdf``.

Reading the PDF back (text extraction, the slow part) runs in the background;
the comparison with every pair's sharing log runs on the GUI thread, which owns
the journals. The verdict is worded here in the app's language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rm_journal.core.errors import InvalidInput
from rm_journal.core.vault import Vault
from rm_journal.export import verify
from rm_journal.export.selection import short
from rm_journal.ui.dialogs import Dialogs
from rm_journal.ui.messages import describe
from rm_journal.ui.tasks import TaskRunner


def verdict_text(verdict: verify.Verdict) -> str:
    fp = short(verdict.summary.fingerprint) if verdict.summary.fingerprint else ""
    when = verdict.record.created_at.replace("T", " ")[:16] if verdict.record else ""
    if verdict.status is verify.Status.IDENTICAL:
        text = QCoreApplication.translate(
            "PdfCheck",
            "This is the very file exported on %1 UTC (fingerprint %2): not a byte has changed.",
        )
    elif verdict.status is verify.Status.SAME_CONTENT:
        text = QCoreApplication.translate(
            "PdfCheck",
            "Same agreed items as the summary exported on %1 UTC (fingerprint %2), but not the "
            "same file: your partner's export, another language, or a copy changed since. Read "
            "its pages against your own copy.",
        )
    elif verdict.status is verify.Status.UNKNOWN:
        text = QCoreApplication.translate(
            "PdfCheck",
            "This PDF is consistent (fingerprint %2), but no export in your sharing logs has "
            "that fingerprint.",
        )
    elif any("sign" in problem for problem in verdict.summary.problems):
        text = QCoreApplication.translate(
            "PdfCheck",
            "This PDF's signatures are not those of a pair linked in this vault, or do not "
            "match its agreed items: do not trust who it says agreed.",
        )
    else:
        text = QCoreApplication.translate(
            "PdfCheck",
            "This PDF was changed after it was exported, or was not made by rm_journal: its "
            "pages, its list of agreed items and its fingerprint do not match.",
        )
    text = text.replace("%1", when).replace("%2", fp)
    if verdict.status is not verify.Status.CHANGED and verdict.summary.signers:
        text += " " + (
            QCoreApplication.translate(
                "PdfCheck",
                "Signed by both members of the pair, with the keys you confirmed when you "
                "linked it.",
            )
            if len(verdict.signed_by) == 2
            else QCoreApplication.translate(
                "PdfCheck", "Signed by you only: your partner's signature has not arrived yet."
            )
        )
    return text


def check_pdf(parent: QWidget, vault: Vault, dialogs: Dialogs, tasks: TaskRunner) -> None:
    path = dialogs.open_file(
        parent,
        QCoreApplication.translate("PdfCheck", "Check a shared summary"),
        QCoreApplication.translate("PdfCheck", "PDF documents (*.pdf)"),
    )
    if path is None:
        return
    title = QCoreApplication.translate("PdfCheck", "Shared summary check")
    try:
        data = verify.read_file(path)
        password = ""
        if verify.is_encrypted(data):
            answer = dialogs.ask_secret(
                parent,
                title,
                QCoreApplication.translate("PdfCheck", "This PDF is protected. Its password:"),
            )
            if answer is None:
                return
            password = answer
    except InvalidInput:
        dialogs.error(parent, title, _not_readable())
        return
    except Exception as exc:  # noqa: BLE001 - shown as one sentence
        dialogs.error(parent, title, describe(exc))
        return

    def done(found: verify.SummaryFile) -> None:
        verdict = verify.matches_in(vault, found)  # the journals are read on this thread
        if verdict.status is verify.Status.IDENTICAL:
            dialogs.info(parent, title, verdict_text(verdict))
        else:
            dialogs.error(parent, title, verdict_text(verdict))

    def failed(exc: BaseException) -> None:
        wrong_password = isinstance(exc, InvalidInput) and "password" in str(exc)
        dialogs.error(
            parent,
            title,
            QCoreApplication.translate(
                "PdfCheck", "That is not the PDF's password; check it and try again."
            )
            if wrong_password
            else _not_readable()
            if isinstance(exc, InvalidInput)
            else describe(exc),
        )

    tasks.run(lambda: verify.read(data, password), done, failed)


def _not_readable() -> str:
    return QCoreApplication.translate(
        "PdfCheck", "This file is not a PDF that can be read; it may be damaged."
    )
