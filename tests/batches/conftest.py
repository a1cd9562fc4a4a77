"""A real Celery worker for the batch tests: a subprocess on its own queue, reading the test database."""
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from batches.services import BrokerUnavailable, broker_check
from config.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]
READY_SECONDS = 90


def _database_url() -> str:
    """The test database, as the worker process must reach it."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="session")
def broker():
    """The broker the worker tests need: skip them, saying why, when no Redis answers."""
    try:
        broker_check()
    except BrokerUnavailable as exc:
        pytest.skip(f"the batch worker tests need a Celery broker: {exc.message}")


@pytest.fixture(scope="module")
def worker(broker, django_db_setup, django_db_blocker, tmp_path_factory):
    """Start `celery worker` (prefork, one child) on a queue of its own; yield what the tests need to drive it."""
    queue = f"claimledger-test-{uuid.uuid4().hex[:12]}"
    folder = tmp_path_factory.mktemp("worker")
    marker, log = folder / "stalled.pid", folder / "worker.log"
    with django_db_blocker.unblock():
        database_url = _database_url()
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_QUEUE": queue, "DJANGO_DEBUG": "1",
           "CLAIMLEDGER_STATE_DIR": str(folder), "CLAIMLEDGER_TEST_STALL_MARKER": str(marker),
           "CELERY_BROKER_URL": settings.CELERY_BROKER_URL}
    env.pop("LEDGER_SIGNING_KEY_FILE", None)
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork", "--concurrency=1",
               "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
               "-I", "tests.batches.stalling", "-n", f"{queue}@%h"]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    old_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    try:
        _wait_until_ready(process, log)
        yield {"marker": marker, "log": log}
    finally:
        celery_app.conf.task_default_queue = old_queue
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with celery_app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)


def _wait_until_ready(process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the Celery worker exited with {process.returncode}:\n{log.read_text()}")
        if " ready." in log.read_text():
            return
        time.sleep(0.3)
    pytest.fail(f"the Celery worker was not ready after {READY_SECONDS}s:\n{log.read_text()}")
