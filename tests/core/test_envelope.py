"""core.exchange.envelope on real keys: what the partner's own key can still get wrong.
(The hostile files sent to a real vault are in tests/export/test_exchange_hostile.py.)"""

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.exchange import envelope
from rm_journal.core.exchange.identity import Identity, new_secret

LABEL = b"rm_journal-exchange-v1\x00"  # the signature's label, as the format documents it
LINK = b"L" * 32


def identity() -> Identity:
    return Identity(new_secret(), new_secret())


def opened(data: bytes, me: Identity, partner: Identity) -> envelope.Opened:
    return envelope.open_(
        data,
        me=me,
        link_id=LINK,
        partner_signing=partner.public.signing,
        confirmed=True,
        last_sequence=0,
    )


def test_a_sealed_file_opens_for_its_recipient():
    me, partner = identity(), identity()
    data = envelope.seal(
        b"payload", sender=partner, link_id=LINK, recipient_exchange=me.public.exchange, sequence=1
    )
    assert opened(data, me, partner).payload == b"payload"


def test_a_payload_over_the_limit_is_refused_before_it_is_sealed():
    partner = identity()
    with pytest.raises(envelope.ExchangeTooLarge):
        envelope.seal(
            bytes(envelope.MAX_PAYLOAD_BYTES + 1),
            sender=partner,
            link_id=LINK,
            recipient_exchange=identity().public.exchange,
            sequence=1,
        )


@settings(max_examples=20)
@given(st.data())
def test_a_file_signed_by_the_partner_that_does_not_decrypt_is_damaged(data):
    """The signature holds (the partner's own key signed it: a bug on their side, or a
    partner's device used against us), but the sealed bytes are not HPKE's output for
    this header: refused as damaged, nothing returned."""
    me, partner = identity(), identity()
    good = envelope.seal(
        b"payload", sender=partner, link_id=LINK, recipient_exchange=me.public.exchange, sequence=1
    )
    header = good[: envelope.HEADER_BYTES]
    sealed_length = len(good) - envelope.HEADER_BYTES - envelope.SIGNATURE_BYTES
    sealed = data.draw(
        st.one_of(
            st.just(os.urandom(sealed_length)),
            st.integers(envelope.HEADER_BYTES, len(good) - envelope.SIGNATURE_BYTES - 1).map(
                lambda at: (
                    good[envelope.HEADER_BYTES : at]
                    + bytes([good[at] ^ 0x01])
                    + good[at + 1 : -envelope.SIGNATURE_BYTES]
                )
            ),
        )
    )
    signature = partner.signing_key().sign(LABEL + header + sealed)
    with pytest.raises(envelope.ExchangeDamaged):
        opened(header + sealed + signature, me, partner)


def sealed_for(me: Identity, partner: Identity) -> bytes:
    return envelope.seal(
        b"payload", sender=partner, link_id=LINK, recipient_exchange=me.public.exchange, sequence=1
    )


@pytest.mark.parametrize(
    ("offset", "value", "refusal"),
    [
        (4, 2, envelope.ExchangeNewerFormat),  # a newer format version
        (4, 0, envelope.ExchangeDamaged),  # no version rm_journal ever wrote
        (5, 2, envelope.ExchangeDamaged),  # another suite
        (6, 1, envelope.ExchangeDamaged),  # a flag
        (7, 1, envelope.ExchangeDamaged),
    ],
)
def test_a_header_rm_journal_never_writes_is_refused_before_any_check_of_keys(
    offset, value, refusal
):
    me, partner = identity(), identity()
    data = bytearray(sealed_for(me, partner))
    data[offset] = value
    with pytest.raises(refusal):
        envelope.read_header(bytes(data))
    with pytest.raises(refusal):
        opened(bytes(data), me, partner)


def test_a_signature_that_does_not_verify_is_refused_before_decryption():
    me, partner = identity(), identity()
    data = bytearray(sealed_for(me, partner))
    data[-1] ^= 0x01
    with pytest.raises(envelope.ExchangeDamaged):
        opened(bytes(data), me, partner)
