"""The Ed25519 key that signs checkpoints: read from the file settings name, never from the repository."""
import base64
import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

from ledger.verify import ED25519_TYPE, note_key_id

NOT_ED25519 = "{path} does not hold an Ed25519 private key in PEM (create one with manage.py ledger_keygen)."


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey
    key_id: str  # the legacy 16-hex-digit ID, kept for checkpoints signed before the Merkle tree
    public_pem: str
    public_raw: bytes

    def note_key_id(self, name: str) -> str:
        """The signed-note key ID under a key name (the origin), 8 hex digits."""
        return note_key_id(name, ED25519_TYPE, self.public_raw).hex()

    def vkey(self, name: str) -> str:
        """The verifier key as signed-note tools spell it: name+keyid+base64(0x01 || public key)."""
        return f"{name}+{self.note_key_id(name)}+{base64.b64encode(bytes([ED25519_TYPE]) + self.public_raw).decode()}"


def raw_public(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id_of(public: Ed25519PublicKey) -> str:
    """The legacy key name: the first 16 hex digits of SHA-256 of its 32 raw bytes."""
    return hashlib.sha256(raw_public(public)).hexdigest()[:16]


def public_pem(public: Ed25519PublicKey) -> str:
    """Spell a public key as SubjectPublicKeyInfo PEM, the form verify.py --public-key reads."""
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> SigningKey:
    """Parse the key once per file version (the mtime is part of the cache key)."""
    private = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    if not isinstance(private, Ed25519PrivateKey):
        raise ValueError(NOT_ED25519.format(path=path))
    public = private.public_key()
    return SigningKey(private=private, key_id=key_id_of(public), public_pem=public_pem(public),
                      public_raw=raw_public(public))


def load_signing_key(path: str) -> SigningKey:
    """Read the private key in a PEM file (cached until the file changes)."""
    path = os.path.expanduser(path)
    return _load(path, os.stat(path).st_mtime_ns)


def signing_key() -> SigningKey | None:
    """Return the configured key, or None when LEDGER_SIGNING_KEY_FILE is unset."""
    path = settings.LEDGER_SIGNING_KEY_FILE
    return load_signing_key(path) if path else None


def new_private_key_pem() -> tuple[bytes, Ed25519PublicKey]:
    """Generate a key pair; return the private key as unencrypted PKCS#8 PEM and the public key."""
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return pem, private.public_key()


def write_private_key(path: Path) -> Ed25519PublicKey:
    """Write a new private key readable by its owner only (0600); refuse to overwrite one."""
    pem, public = new_private_key_pem()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    return public
