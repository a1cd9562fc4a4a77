"""Each new checkpoint is pushed to witnesses with a URL (C2SP tlog-witness), after commit; their cosignatures kept."""
import base64
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ledger.keys import signing_key
from ledger.models import LedgerCosignature
from ledger.verify import check_consistency, parse_checkpoint, split_note, verify_checkpoint_note
from ledger.witnesses import cosign
from tests.ledger.builders import ledger_note

NAME = "witness.example/w1"


class Witness:
    """A minimal tlog-witness: checks the log's signature and the consistency proof from the size it last cosigned."""

    def __init__(self, log_public: bytes):
        self.key = Ed25519PrivateKey.generate()
        self.log_public = log_public
        self.size, self.root = 0, None
        self.requests: list[int] = []

    def add_checkpoint(self, body: str) -> tuple[int, str]:
        head, _, note = body.partition("\n\n")
        lines = head.split("\n")
        old = int(lines[0].removeprefix("old "))
        proof = [base64.b64decode(line) for line in lines[1:] if line]
        self.requests.append(old)
        _, size, root, _ = verify_checkpoint_note(note, self.log_public)
        if old != self.size:
            return 409, f"{self.size}\n"
        if old:
            check_consistency(old, size, self.root, root, proof)
        self.size, self.root = size, root
        return 200, cosign(self.key, NAME, note) + "\n"


@pytest.fixture
def witness(db, settings):
    state = Witness(signing_key().public_raw)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (the stdlib's name)
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            status, text = state.add_checkpoint(body)
            self.send_response(status)
            self.send_header("Content-Type", "text/x.tlog.size" if status == 409 else "text/plain")
            self.end_headers()
            self.wfile.write(text.encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    public = state.key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    settings.LEDGER_WITNESSES = [f"{NAME}={base64.b64encode(public).decode()}@http://127.0.0.1:{server.server_port}"]
    yield state
    server.shutdown()


def note(n):
    return ledger_note(actor="command:tests", action="note.added", object_type="note", object_id="1", payload={"n": n})


def test_each_checkpoint_is_cosigned_by_a_witness_that_checked_it_extends_the_last(
        witness, django_capture_on_commit_callbacks):
    for n in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            note(n)
    assert witness.requests == [0, 1, 2]
    assert list(LedgerCosignature.objects.order_by("checkpoint__size").values_list("checkpoint__size", "witness")) \
        == [(1, NAME), (2, NAME), (3, NAME)]


def test_a_witness_that_knows_a_later_size_is_asked_again_from_it(witness, django_capture_on_commit_callbacks):
    first = note(0)  # signed, but never pushed (no on-commit run): the witness learns it elsewhere
    from ledger import merkle

    witness.size, witness.root = first.seq, merkle.root_hash(first.seq)
    with django_capture_on_commit_callbacks(execute=True):
        note(1)
    assert witness.requests == [0, 1]
    assert list(LedgerCosignature.objects.values_list("checkpoint__size", flat=True)) == [2]


def test_a_witness_that_is_down_never_fails_the_write(db, settings, django_capture_on_commit_callbacks):
    key = base64.b64encode(bytes(32)).decode()
    settings.LEDGER_WITNESSES = [f"{NAME}={key}@http://127.0.0.1:9"]
    with django_capture_on_commit_callbacks(execute=True):
        entry = note(0)
    assert entry.seq == 1 and not LedgerCosignature.objects.exists()


def test_the_served_checkpoint_carries_the_pushed_cosignature(witness, django_capture_on_commit_callbacks, api, viewer):
    with django_capture_on_commit_callbacks(execute=True):
        note(0)
    text = api(viewer).get("/api/ledger/checkpoint/").content.decode()
    body, signatures = split_note(text)
    assert parse_checkpoint(body)[1] == 1
    assert [name for name, _ in signatures] == ["127.0.0.1/claim-ledger", NAME]
