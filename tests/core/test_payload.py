"""core.exchange.payload.read_payload: each rule of the payload broken on its own, named
in the refusal. (The same files sent through a real vault: tests/export.)"""

import json

import pytest

from rm_journal.core.exchange import payload as pl

UUID = "0b0c0d0e-0000-4000-8000-000000000001"


def doc(**changes: object) -> bytes:
    base: dict[str, object] = {
        "format": "rm_journal-exchange",
        "version": 1,
        "from": "mentor",
        "meetings": [],
        "agendas": [],
        "topics": [],
        "takeaways": [],
        "actions": [],
        "signatures": [],
    }
    base.update(changes)
    return json.dumps(base).encode()


def meeting(number: int = 1, **changes: object) -> dict[str, object]:
    return {"number": number, "planned_date": None, "held_date": None, "title": "", **changes}


def takeaway(**changes: object) -> dict[str, object]:
    item: dict[str, object] = {
        "uuid": UUID,
        "text": "t",
        "proposed_by": "mentor",
        "status": "proposed",
        "agreed_on": None,
        "attribution": "anonymous",
        "meeting": None,
        "field": None,
    }
    item.update(changes)
    return item


def signature(fingerprint: object = "ab" * 32, value: object = "A" * 86 + "==") -> dict:
    return {"fingerprint": fingerprint, "signature": value}


BROKEN = {
    "a topic that is a list": (doc(topics=[[]]), "a topic is not an object"),
    "a date as a number": (
        doc(meetings=[meeting(planned_date=20260101)]),
        "planned_date of a session is not a date",
    ),
    "a date too long": (
        doc(meetings=[meeting(held_date="2026-01-01T10:00")]),
        "held_date of a session is not a date",
    ),
    "topics as text": (doc(topics="none"), "topics is not a list"),
    "an older version": (doc(version=0), "an unknown version"),
    "a version as text": (doc(version="1"), "an unknown version"),
    "too many items of all kinds together": (
        doc(topics=[{}] * 2_501, actions=[{}] * 2_500),
        "more than 5,000 items",
    ),
    "a session described twice": (
        doc(meetings=[meeting(1), meeting(1)]),
        "a session described twice",
    ),
    "an agreed takeaway without its day": (
        doc(takeaways=[takeaway(status="agreed")]),
        "an agreed takeaway without its day, or a day without agreement",
    ),
    "a day without agreement": (
        doc(takeaways=[takeaway(agreed_on="2026-01-05")]),
        "an agreed takeaway without its day, or a day without agreement",
    ),
    "a fingerprint that is not one": (
        doc(signatures=[signature(fingerprint="AB" * 32)]),
        "a signature of something that is not a summary fingerprint",
    ),
    "a signature not in base64": (
        doc(signatures=[signature(value="!" * 88)]),
        "a signature that is not one",
    ),
    "a signature as a number": (
        doc(signatures=[signature(value=64)]),
        "a signature that is not one",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_rule_is_refused_and_named(case):
    data, detail = BROKEN[case]
    with pytest.raises(pl.ExchangeInvalid) as refused:
        pl.read_payload(data)
    assert f"holds something rm_journal cannot use ({detail})" in str(refused.value)


def test_the_same_file_with_each_rule_kept_is_read():
    base64_signature = "A" * 86 + "=="
    read = pl.read_payload(
        doc(
            meetings=[meeting(1, planned_date="2026-01-01")],
            takeaways=[takeaway(status="agreed", agreed_on="2026-01-05", meeting=1)],
            signatures=[signature(value=base64_signature)],
        )
    )
    assert read.meetings[0].planned_date.isoformat() == "2026-01-01"
    assert read.takeaways[0].agreed_on.isoformat() == "2026-01-05"
    assert len(read.signatures[0].signature) == 64
