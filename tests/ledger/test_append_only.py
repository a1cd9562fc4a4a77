"""The database itself refuses to rewrite the ledger, whoever connects."""
import pytest
from django.db import DatabaseError, connection, transaction

from tests.ledger.builders import sql


def refused(statement: str) -> bool:
    """True when the statement fails (inside a savepoint, so the test's transaction survives)."""
    try:
        with transaction.atomic():
            sql(statement)
    except DatabaseError as exc:
        return "append-only" in str(exc)
    return False


def test_sql_update_of_an_entry_is_refused(chain):
    assert refused("UPDATE ledger_entry SET reason = 'quietly' WHERE seq = 2")


def test_sql_delete_of_an_entry_is_refused(chain):
    assert refused("DELETE FROM ledger_entry WHERE seq = 5")


def test_sql_update_of_a_checkpoint_is_refused(chain):
    assert refused("UPDATE ledger_checkpoint SET head_hash = 'x' WHERE size = 5")


def test_sql_delete_of_a_checkpoint_is_refused(chain):
    assert refused("DELETE FROM ledger_checkpoint")


def test_sql_update_or_delete_of_a_merkle_node_is_refused(chain):
    assert refused("UPDATE ledger_node SET hash = 'x' WHERE level = 0 AND \"index\" = 2")
    assert refused("DELETE FROM ledger_node")


@pytest.mark.postgres
def test_truncate_of_the_ledger_is_refused_on_postgresql(chain):
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE exists only on PostgreSQL")
    assert refused("TRUNCATE ledger_entry CASCADE")
    assert refused("TRUNCATE ledger_checkpoint CASCADE")
    assert refused("TRUNCATE ledger_node")


def test_appending_still_works(chain, append):
    assert append(1)[0].seq == 6
