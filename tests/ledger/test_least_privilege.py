"""On PostgreSQL the application's role cannot rewrite history: the audit's attacks, run as that role, fail.

The test suite itself runs as the role that owns the tables (it must drop triggers and flush); this module
grants the application's role what `migrate` grants it and connects as that role, in its own connection
and in a `manage.py` child process, to try what an attacker holding the application's login would try.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from ledger.canonical import entry_hash
from ledger.grants import apply_grants
from ledger.models import LedgerCheckpoint, LedgerEntry
from ledger.verification import verify_ledger
from tests.ledger.builders import empty_ledger, ledger_note

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
APPEND = (
    "from django.db import transaction\n"
    "from ledger.services import ledger_append\n"
    "with transaction.atomic():\n"
    "    entry = ledger_append(actor='command:tests', action='note.added', object_type='note', object_id='1',"
    " payload={'n': 1})\n"
    "print(entry.seq)\n"
)


def app_role() -> str:
    """The application's role: CLAIMLEDGER_TEST_APP_ROLE (CI creates it), else <database>_app, made here."""
    default = connection.settings_dict["NAME"].removeprefix("test_") + "_app"
    return os.environ.get("CLAIMLEDGER_TEST_APP_ROLE") or default


def app_url(role: str) -> str:
    db = connection.settings_dict
    return f"postgres://{role}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def as_app(transactional_db, ledger_key_file):
    """A committed chain of three entries, the app role granted, and a connection as that role."""
    if connection.vendor != "postgresql":
        pytest.skip("the grants are PostgreSQL's; on SQLite whoever can write the file can change anything")
    role = app_role()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE ROLE {connection.ops.quote_name(role)} LOGIN")
    apply_grants(role)
    for n in range(3):
        ledger_note(actor="command:tests", action="note.added", object_type="note", object_id="1", payload={"n": n})
    app = psycopg.connect(app_url(role), autocommit=True)
    yield role, app
    app.close()
    empty_ledger()


def run_as_app(role: str, key_file: Path) -> subprocess.CompletedProcess:
    """Append one entry through the application's own code, connected as the application's role."""
    env = {**os.environ, "DATABASE_URL": app_url(role), "DJANGO_DEBUG": "1", "LEDGER_SIGNING_KEY_FILE": str(key_file),
           "LEDGER_ORIGIN": settings.LEDGER_ORIGIN}
    return subprocess.run([sys.executable, str(ROOT / "manage.py"), "shell", "-c", APPEND], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def refused(app, statement: str, params=None) -> str:
    """Run SQL as the application's role; return PostgreSQL's refusal (the test fails if it is obeyed)."""
    with pytest.raises(psycopg.Error) as refusal:
        app.execute(statement, params)
    return str(refusal.value)


def test_the_application_role_writes_through_the_append_path(as_app, ledger_key_file):
    done = run_as_app(as_app[0], ledger_key_file)
    assert done.returncode == 0, done.stderr
    assert LedgerEntry.objects.count() == 4
    assert list(LedgerCheckpoint.objects.values_list("size", flat=True)) == [1, 2, 3, 4]
    assert verify_ledger()["ok"]


@pytest.mark.parametrize("statement", [
    "ALTER TABLE ledger_entry DISABLE TRIGGER ALL",
    "ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_no_rewrite",
    "DROP TRIGGER ledger_checkpoint_no_rewrite ON ledger_checkpoint",
    "ALTER TABLE ledger_checkpoint DISABLE TRIGGER USER",
])
def test_the_application_role_cannot_touch_a_trigger(as_app, statement):
    assert "must be owner" in refused(as_app[1], statement)


@pytest.mark.parametrize("statement", [
    "UPDATE ledger_entry SET payload = '{\"after\": {\"stance\": \"corroborates\"}}' WHERE seq = 2",
    "DELETE FROM ledger_entry WHERE seq = 3",
    "TRUNCATE ledger_entry CASCADE",
    "DELETE FROM ledger_checkpoint WHERE size = 3",
    "UPDATE ledger_checkpoint SET root_hash = 'x'",
    "DELETE FROM ledger_node",
    "UPDATE ledger_head SET seq = 2",
    "INSERT INTO ledger_head (id, seq, hash) VALUES (2, 0, 'x')",
    "SELECT * FROM ledger_head FOR UPDATE",
])
def test_the_application_role_cannot_rewrite_or_remove_history(as_app, statement):
    assert "permission denied" in refused(as_app[1], statement)


def test_an_insert_that_does_not_extend_the_head_is_refused(as_app):
    assert "does not extend the head" in refused(as_app[1], (
        "INSERT INTO ledger_entry (seq, recorded_at, actor, action, object_type, object_id, payload, reason, "
        "prev_hash, hash) VALUES (9, now(), 'user:rita', 'x', 'note', '1', '{}', '', %s, %s)"), ["a" * 64, "b" * 64])


def test_a_forged_append_as_the_application_role_stops_writes_and_shows_as_unsigned(as_app, ledger_key_file):
    role, app = as_app
    last = LedgerEntry.objects.order_by("-seq").first()
    forged = {"seq": 4, "time": "2026-01-01T00:00:00.000000Z", "actor": "user:rita", "action": "assessment.recorded",
              "object_type": "assessment", "object_id": "77", "payload": {"after": {"stance": "corroborates"}},
              "reason": "", "prev_hash": last.hash}
    app.execute("INSERT INTO ledger_entry (seq, recorded_at, actor, action, object_type, object_id, payload, reason, "
                "prev_hash, hash) VALUES (4, '2026-01-01T00:00:00Z', 'user:rita', 'assessment.recorded', "
                "'assessment', '77', %s, '', %s, %s)",
                [json.dumps(forged["payload"]), last.hash, entry_hash(forged)])
    done = run_as_app(role, ledger_key_file)
    assert done.returncode != 0 and "not covered by a signed checkpoint" in done.stderr
    assert not LedgerCheckpoint.objects.filter(size__gte=4).exists()
    failure = verify_ledger()["failure"]
    assert (failure["kind"], failure["seq"]) == ("unsigned", 4)
