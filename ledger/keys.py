"""The Ed25519 key that signs checkpoints: read from the file settings name, never from the repository."""
import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

NOT_ED25519 = "{path} does not hold an Ed25519 private key in PEM (create one with manage.py ledger_keygen)."


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey
    key_id: str
    public_pem: str


def key_id_of(public: Ed25519PublicKey) -> str:
    """Name a key by the first 16 hex digits of SHA-256 of its 32 raw bytes."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


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
    return SigningKey(private=private, key_id=key_id_of(public), public_pem=public_pem(public))


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
