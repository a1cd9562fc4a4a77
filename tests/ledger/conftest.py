"""Fixtures for the ledger tests: a session signing key and chains of committed entries."""
import pytest

from ledger.keys import write_private_key
from tests.ledger.builders import ledger_note


@pytest.fixture(scope="session")
def ledger_key_file(tmp_path_factory):
    """An ephemeral Ed25519 key for this test session, in a temporary directory."""
    path = tmp_path_factory.mktemp("ledger-key") / "signing-key.pem"
    write_private_key(path)
    return path


@pytest.fixture(scope="module", autouse=True)
def _ledger_key_for_the_module(ledger_key_file):
    """Sign from the start of each module, so rows a module makes once (seed_document_once) are signed too."""
    from django.test import override_settings

    with override_settings(LEDGER_SIGNING_KEY_FILE=str(ledger_key_file), LEDGER_CHECKPOINT_EVERY=1):
        yield


@pytest.fixture(autouse=True)
def _ledger_settings(settings, ledger_key_file):
    """Sign with the session key after every write."""
    settings.LEDGER_SIGNING_KEY_FILE = str(ledger_key_file)
    settings.LEDGER_CHECKPOINT_EVERY = 1


@pytest.fixture
def append(db):
    """Append entries one write at a time; each append signs its own checkpoint before its transaction ends."""

    def append(count=1, *, object_type="note", object_id="1", action="note.added", payload=None):
        entries = []
        for n in range(count):
            entries.append(ledger_note(actor="command:tests", action=action, object_type=object_type,
                                       object_id=object_id, payload=payload if payload is not None else {"n": n}))
        return entries

    return append


@pytest.fixture
def chain(append):
    """Five entries, each followed by its signed checkpoint."""
    return append(5)
