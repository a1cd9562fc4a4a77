"""Witness cosignatures (C2SP tlog-cosignature, Ed25519): accepted only from the witnesses in LEDGER_WITNESSES.

A witness checks that each checkpoint it sees extends the last one it saw (a consistency proof), then signs
"cosignature/v1\ntime <t>\n" + the checkpoint text. A checkpoint that enough independent witnesses cosigned
cannot be swapped for another history without one of them having signed both.
"""
import base64
import binascii
import logging
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from config.errors import Conflict, DomainError, NotFound
from ledger.models import LedgerCheckpoint, LedgerCosignature
from ledger.verify import COSIGNATURE_TYPE, SIGNATURE_DASH, cosigned_message, ed25519_verifies, note_key_id

logger = logging.getLogger(__name__)
BAD_CONFIG = ("LEDGER_WITNESSES entry {spec!r} is not NAME=BASE64 of a 32-byte Ed25519 public key, optionally "
              "followed by @https://its-submission-prefix.")
UNKNOWN_WITNESS = "{name!r} is not a witness this ledger accepts (LEDGER_WITNESSES)."
NOT_A_LINE = "A cosignature is one signature line: '\u2014 <witness name> <base64 of key ID, timestamp, signature>'."
FORGED = "The cosignature of {name!r} does not verify over checkpoint {size}."
NO_CHECKPOINT = "There is no C2SP checkpoint of size {size}."
ALREADY = "{name!r} has already cosigned checkpoint {size}."
FUTURE_SLACK = 300  # seconds a witness's clock may run ahead


def _parsed() -> list[tuple[str, bytes, str]]:
    """LEDGER_WITNESSES as (name, raw public key, submission URL prefix or "")."""
    witnesses = []
    for spec in settings.LEDGER_WITNESSES:
        name, _, rest = spec.partition("=")
        encoded, _, url = rest.partition("@")
        try:
            raw = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            raw = b""
        if not name.strip() or len(raw) != 32 or (url and not url.startswith(("http://", "https://"))):
            raise DomainError(BAD_CONFIG.format(spec=spec), code="misconfigured", status=500)
        witnesses.append((name.strip(), raw, url.rstrip("/")))
    return witnesses


def configured() -> dict[str, bytes]:
    """The accepted witnesses: name -> raw Ed25519 public key."""
    return {name: raw for name, raw, _ in _parsed()}


def push(checkpoint: LedgerCheckpoint) -> None:
    """Send a new checkpoint to every witness with a URL (C2SP tlog-witness add-checkpoint); keep what they cosign.

    Runs after commit and never fails the write: a witness that is down or refuses is logged, and the
    checkpoint goes to it again with the next one (it is asked from the size it last cosigned).
    """
    for name, _, url in _parsed():
        if not url:
            continue
        try:
            _push_one(name, url, checkpoint)
        except (OSError, ValueError, DomainError) as exc:
            logger.warning("ledger: witness %s did not cosign checkpoint %s: %s", name, checkpoint.size, exc)


def _push_one(name: str, url: str, checkpoint: LedgerCheckpoint, *, old: int | None = None) -> None:
    from ledger import merkle

    if old is None:
        old = (LedgerCosignature.objects.filter(witness=name).order_by("-checkpoint__size")
               .values_list("checkpoint__size", flat=True).first() or 0)
    proof = merkle.consistency_proof(old, checkpoint.size)["proof"] if 0 < old < checkpoint.size else []
    body = f"old {old}\n" + "".join(base64.b64encode(bytes.fromhex(h)).decode() + "\n" for h in proof) + "\n"
    request = urllib.request.Request(f"{url}/add-checkpoint", data=(body + checkpoint.note).encode(), method="POST")
    try:
        with urllib.request.urlopen(request, timeout=settings.LEDGER_WITNESS_TIMEOUT_SECONDS) as response:
            lines = response.read().decode().splitlines()
    except urllib.error.HTTPError as refused:
        if refused.code == 409 and old == 0 and refused.headers.get_content_type() == "text/x.tlog.size":
            return _push_one(name, url, checkpoint, old=int(refused.read().decode().strip()))
        raise OSError(f"HTTP {refused.code}") from None
    for line in lines:
        if line.startswith(SIGNATURE_DASH + name + " "):
            cosignature_add(size=checkpoint.size, line=line)


def _parse_line(line: str) -> tuple[str, bytes]:
    line = line.strip("\n")
    if not line.startswith(SIGNATURE_DASH) or "\n" in line:
        raise DomainError(NOT_A_LINE, fields={"cosignature": [NOT_A_LINE]})
    name, _, encoded = line[len(SIGNATURE_DASH):].partition(" ")
    try:
        raw = base64.b64decode(encoded, validate=True)
    except binascii.Error:
        raise DomainError(NOT_A_LINE, fields={"cosignature": [NOT_A_LINE]}) from None
    if not name or len(raw) != 76:
        raise DomainError(NOT_A_LINE, fields={"cosignature": [NOT_A_LINE]})
    return name, raw


def cosignature_add(*, size: int, line: str) -> LedgerCosignature:
    """Store a witness's cosignature of checkpoint `size` after checking who signed and that it verifies."""
    name, raw = _parse_line(line)
    public = configured().get(name)
    if public is None or raw[:4] != note_key_id(name, COSIGNATURE_TYPE, public):
        message = UNKNOWN_WITNESS.format(name=name)
        raise DomainError(message, code="unknown_witness", fields={"cosignature": [message]}, status=403)
    checkpoint = LedgerCheckpoint.objects.exclude(note="").filter(size=size).first()
    if checkpoint is None:
        raise NotFound(NO_CHECKPOINT.format(size=size), fields={"size": [NO_CHECKPOINT.format(size=size)]})
    timestamp = int.from_bytes(raw[4:12], "big")
    body = checkpoint.signed_text().decode()
    signed = cosigned_message(body, timestamp)
    if timestamp > time.time() + FUTURE_SLACK or not ed25519_verifies(public, raw[12:], signed):
        message = FORGED.format(name=name, size=size)
        raise DomainError(message, code="bad_cosignature", fields={"cosignature": [message]})
    try:
        with transaction.atomic():
            return LedgerCosignature.objects.create(checkpoint=checkpoint, witness=name, timestamp=timestamp,
                                                    line=line.strip("\n"), received_at=timezone.now())
    except IntegrityError:
        raise Conflict(ALREADY.format(name=name, size=size)) from None


def cosign(private_key, name: str, checkpoint_text: str, timestamp: int | None = None) -> str:
    """Sign a checkpoint as a witness would: the signature line. (For tests and for a newsroom's own witness.)"""
    from cryptography.hazmat.primitives import serialization

    public = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    timestamp = int(time.time()) if timestamp is None else timestamp
    body = checkpoint_text[:checkpoint_text.rindex("\n\n") + 1] if "\n\n" in checkpoint_text else checkpoint_text
    signature = private_key.sign(cosigned_message(body, timestamp))
    raw = note_key_id(name, COSIGNATURE_TYPE, public) + timestamp.to_bytes(8, "big") + signature
    return f"{SIGNATURE_DASH}{name} {base64.b64encode(raw).decode()}"
