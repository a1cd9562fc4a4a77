"""The ledger's management commands: verify_ledger, export_ledger, ledger_keygen, and the key check."""
import csv
import io
import json
import stat

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ledger.checks import signing_key_configured
from ledger.verify import EXPORTED_FIELDS
from tests.ledger.builders import sql, tamper_entry


def run(*args) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=io.StringIO())
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def test_verify_ledger_prints_ok_entries_and_head_as_json(chain):
    code, out = run("verify_ledger", "--json")
    result = json.loads(out)
    assert code == 0
    assert (result["ok"], result["entries"], result["head"]) == (True, 5, chain[-1].hash)


def test_verify_ledger_exits_1_naming_the_first_broken_seq(chain):
    tamper_entry(2, reason="changed later")
    code, out = run("verify_ledger")
    assert code == 1
    assert out.startswith("FAILED (edited) at seq 2")


def test_export_ledger_writes_exactly_the_hashed_fields_and_the_hash(chain):
    _, out = run("export_ledger")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["seq"] for row in rows] == [1, 2, 3, 4, 5]
    assert all(list(row) == list(EXPORTED_FIELDS) for row in rows)
    assert rows[0] == {**chain[0].hashed_fields(), "hash": chain[0].hash}


def test_export_ledger_since_starts_at_that_seq(chain):
    _, out = run("export_ledger", "--since", "4")
    assert [json.loads(line)["seq"] for line in out.splitlines()] == [4, 5]


def test_export_ledger_csv_holds_the_payload_as_canonical_json(chain):
    _, out = run("export_ledger", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(EXPORTED_FIELDS)
    assert rows[2]["payload"] == '{"n":2}'


def test_export_ledger_checkpoints_lists_every_signed_checkpoint(chain):
    _, out = run("export_ledger", "--checkpoints")
    assert [json.loads(line)["size"] for line in out.splitlines()] == [1, 2, 3, 4, 5]


def test_export_ledger_streams_in_chunks_without_a_progress_bar_off_a_terminal(chain, capsys):
    run("export_ledger", "--output", "/dev/null")
    assert "it/s" not in capsys.readouterr().err


def test_ledger_keygen_writes_a_private_key_only_its_owner_can_read(tmp_path):
    path = tmp_path / "keys" / "ledger.pem"
    _, out = run("ledger_keygen", "--output", str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "BEGIN PUBLIC KEY" in out and "PRIVATE" not in out


def test_ledger_keygen_refuses_to_replace_a_key(tmp_path):
    path = tmp_path / "ledger.pem"
    run("ledger_keygen", "--output", str(path))
    with pytest.raises(CommandError):
        call_command("ledger_keygen", "--output", str(path), stdout=io.StringIO())


def test_ledger_keygen_if_missing_keeps_the_existing_key(tmp_path):
    path = tmp_path / "ledger.pem"
    _, first = run("ledger_keygen", "--output", str(path))
    _, again = run("ledger_keygen", "--output", str(path), "--if-missing")
    assert first.split("key_id ")[1].split()[0] == again.split("key_id ")[1].split()[0]


def test_the_system_check_warns_loudly_without_a_key(settings):
    settings.LEDGER_SIGNING_KEY_FILE = None
    assert [message.id for message in signing_key_configured(None)] == ["ledger.W001"]


def test_the_system_check_fails_on_an_unreadable_key(settings, tmp_path):
    settings.LEDGER_SIGNING_KEY_FILE = str(tmp_path / "absent.pem")
    assert [message.id for message in signing_key_configured(None)] == ["ledger.E001"]


def test_the_system_check_is_quiet_with_a_key(settings):
    assert signing_key_configured(None) == []


def test_ledger_tree_backfills_entries_written_before_the_tree_and_signs_the_head_by_hand(chain, settings):
    from ledger import merkle
    from ledger.models import LedgerCheckpoint, LedgerNode
    from ledger.services import LedgerRefused
    from tests.ledger.builders import ledger_note, triggers_dropped

    root = merkle.root_hash(5)
    with triggers_dropped():
        sql("DELETE FROM ledger_node")
        sql("DELETE FROM ledger_checkpoint")
    assert not LedgerNode.objects.exists()
    with pytest.raises(LedgerRefused):
        ledger_note(actor="command:tests", action="note.added", object_type="note", object_id="1", payload={})
    code, out = run("ledger_tree", "--backfill", "--sign-head")
    assert code == 0 and "the tree holds 5 entries (5 added)" in out
    assert merkle.root_hash(5) == root
    assert LedgerCheckpoint.objects.get().root_hash == root.hex()
    ledger_note(actor="command:tests", action="note.added", object_type="note", object_id="1", payload={})
    assert run("verify_ledger")[0] == 0


def test_ledger_tree_refuses_to_sign_a_broken_chain(chain):
    tamper_entry(2, actor="user:someone-else")
    with pytest.raises(CommandError, match="edited"):
        call_command("ledger_tree", "--sign-head", stdout=io.StringIO())
