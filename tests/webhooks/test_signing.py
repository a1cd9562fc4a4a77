"""The signature a receiver checks: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">, as Stripe does."""
import hashlib
import hmac

from webhooks.signing import signature_header, verify

BODY = b'{"event":"claim.status_changed","seq":7}'


def test_the_header_is_the_hmac_of_time_dot_body():
    expected = hmac.new(b"whsec_test", b"1700000000." + BODY, hashlib.sha256).hexdigest()
    assert signature_header("whsec_test", BODY, 1700000000) == f"t=1700000000,v1={expected}"


def test_a_receiver_accepts_it_and_refuses_tampering_replays_and_other_secrets():
    header = signature_header("whsec_test", BODY, 1700000000)
    assert verify("whsec_test", BODY, header, now=1700000060)
    assert not verify("whsec_test", BODY.replace(b"7", b"8"), header, now=1700000060)
    assert not verify("whsec_other", BODY, header, now=1700000060)
    assert not verify("whsec_test", BODY, header, now=1700000000 + 3600)
    assert not verify("whsec_test", BODY, "v1=deadbeef", now=1700000000)
