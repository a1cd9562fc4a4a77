"""verify_ledger finds every way of rewriting the chain in SQL, naming the first broken seq and the kind."""
import json

import pytest
from django.db import connection

from ledger import merkle
from ledger.canonical import entry_hash
from ledger.models import LedgerEntry, LedgerHead
from ledger.verification import verify_ledger
from tests.ledger.builders import sql, tamper_entry, triggers_dropped


def failure():
    result = verify_ledger()
    assert not result["ok"], result
    return result["failure"]["kind"], result["failure"]["seq"]


def test_an_untouched_chain_verifies(chain):
    result = verify_ledger()
    assert result == {"ok": True, "entries": 5, "head": chain[-1].hash, "checkpoints": 5, "signatures_checked": True,
                      "root": merkle.root_hash(5).hex()}


def test_an_empty_ledger_verifies(db):
    assert verify_ledger()["ok"]


def test_an_edited_payload_is_caught_as_edited(chain):
    tamper_entry(3, payload=json.dumps({"n": 99}))
    assert failure() == ("edited", 3)


def test_an_edited_actor_is_caught_as_edited(chain):
    tamper_entry(2, actor="user:someone-else")
    assert failure() == ("edited", 2)


def rehash_from(seq: int, payload: dict) -> None:
    """Edit one entry and recompute every later hash and link: a consistent, rewritten chain."""
    entries = list(LedgerEntry.objects.filter(seq__gte=seq).order_by("seq"))
    prev_hash = entries[0].prev_hash
    with triggers_dropped():
        for entry in entries:
            if entry.seq == seq:
                entry.payload = payload
            entry.prev_hash = prev_hash
            entry.hash = entry_hash(entry.hashed_fields())
            sql("UPDATE ledger_entry SET payload = %s, prev_hash = %s, hash = %s WHERE seq = %s",
                [json.dumps(entry.payload), entry.prev_hash, entry.hash, entry.seq])
            prev_hash = entry.hash
    LedgerHead.objects.filter(pk=1).update(hash=prev_hash)


def test_an_edit_with_the_rest_of_the_chain_rehashed_is_caught_by_the_signed_checkpoint(chain):
    rehash_from(3, {"n": 99})
    assert failure() == ("rewritten", 3)


def test_a_deleted_middle_entry_is_caught_as_missing(chain):
    with triggers_dropped():
        sql("DELETE FROM ledger_entry WHERE seq = 3")
    assert failure() == ("missing", 3)


def test_a_dropped_newest_entry_is_caught_by_the_checkpoint_even_with_the_head_row_fixed(chain):
    with triggers_dropped():
        sql("DELETE FROM ledger_entry WHERE seq = 5")
    LedgerHead.objects.filter(pk=1).update(seq=4, hash=chain[3].hash)
    assert failure() == ("truncated", 5)


def test_a_dropped_newest_entry_is_caught_by_the_head_row_without_checkpoints(chain, settings):
    with triggers_dropped():
        sql("DELETE FROM ledger_checkpoint")
        sql("DELETE FROM ledger_entry WHERE seq = 5")
    assert failure() == ("truncated", 5)


def test_two_swapped_entries_are_caught_as_reordered(chain):
    with triggers_dropped():
        sql("UPDATE ledger_entry SET seq = 100 WHERE seq = 3")
        sql("UPDATE ledger_entry SET seq = 3 WHERE seq = 4")
        sql("UPDATE ledger_entry SET seq = 4 WHERE seq = 100")
    assert failure() == ("reordered", 3)


def test_a_broken_prev_hash_link_is_caught_as_reordered(chain):
    tamper_entry(4, prev_hash="f" * 64)
    assert failure() == ("reordered", 4)


def test_a_forged_checkpoint_signature_is_caught(chain):
    with triggers_dropped():
        sql("UPDATE ledger_checkpoint SET signature = %s WHERE size = 2", ["00" * 64])
    assert failure() == ("forged", 2)


def test_a_checkpoint_from_another_key_is_caught(chain):
    with triggers_dropped():
        sql("UPDATE ledger_checkpoint SET key_id = 'ffffffffffffffff' WHERE size = 4")
    assert failure() == ("forged", 4)


def test_without_a_key_the_chain_is_checked_but_signatures_are_not(chain, settings):
    settings.LEDGER_SIGNING_KEY_FILE = None
    result = verify_ledger()
    assert result["ok"] and result["signatures_checked"] is False


@pytest.mark.parametrize("table", ["ledger_entry", "ledger_checkpoint"])
def test_tampering_helpers_restore_the_triggers(chain, table):
    with triggers_dropped():
        pass
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [table])
            expected = {f"{table}_no_update", f"{table}_no_delete"}
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal", [table])
            expected = {f"{table}_no_rewrite", f"{table}_no_truncate"} | (
                {"ledger_entry_extends_head"} if table == "ledger_entry" else set())
        assert {row[0] for row in cursor.fetchall()} == expected


def test_recent_verification_is_reused_until_the_head_moves(chain, append):
    from ledger.verification import verify_chain_recent

    first = verify_chain_recent()
    assert verify_chain_recent()["verified_at"] == first["verified_at"]
    append(1)
    assert verify_chain_recent()["entries"] == first["entries"] + 1
