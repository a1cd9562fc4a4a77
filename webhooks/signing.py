"""How a delivery is signed, as Stripe and GitHub do: an HMAC-SHA256 of "<unix time>.<body>" with the secret.

A receiver recomputes the HMAC from the header's t and the raw body, compares in constant time, and refuses
a t too far from its clock (a replay).
"""
import hashlib
import hmac
import secrets
import time

HEADER = "X-ClaimLedger-Signature"


def new_secret() -> str:
    """A fresh endpoint secret."""
    return "whsec_" + secrets.token_urlsafe(32)


def signature(secret: str, body: bytes, timestamp: int) -> str:
    """The hex HMAC-SHA256 of "<timestamp>.<body>"."""
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The X-ClaimLedger-Signature value: t=<unix time>,v1=<hex HMAC>."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={signature(secret, body, timestamp)}"


def verify(secret: str, body: bytes, header: str, *, tolerance: int = 300, now: int | None = None) -> bool:
    """Check a signature header against the body, as a receiver would."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    now = int(time.time()) if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(fields.get("v1", ""), signature(secret, body, timestamp))
