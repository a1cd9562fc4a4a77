"""Loaded only into the test worker (`celery -I tests.batches.stalling`): the first report that says STALL
hangs after its rows are written and before its ledger entries are appended, so a test can kill the worker
in the middle of the task and watch it being retried."""
import os
import time
from pathlib import Path

from claims import services

MARKER = Path(os.environ["CLAIMLEDGER_TEST_STALL_MARKER"])
_append = services.ledger_append_many


def _stall_once(*, actor, changes):
    if not MARKER.exists() and any("STALL" in str(change.payload) for change in changes):
        MARKER.write_text(str(os.getpid()))
        time.sleep(120)
    return _append(actor=actor, changes=changes)


services.ledger_append_many = _stall_once
