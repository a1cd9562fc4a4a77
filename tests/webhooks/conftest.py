"""A webhook receiver on 127.0.0.1 started by the test (http.server in a thread), and Celery run eagerly:
`deliver.apply_async` runs the task in the test's own thread, retries included (their back-off is skipped)."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from config.celery import app as celery_app


class Receiver:
    """Records every POST and answers with the next scripted status (the last one repeats)."""

    def __init__(self, statuses):
        self.statuses, self.requests = list(statuses), []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                status = receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    """Start a receiver that answers 200; `receiver.statuses = [500, 200]` scripts other answers."""
    started = Receiver([200])
    yield started
    started.stop()


@pytest.fixture(autouse=True)
def local_hooks(settings):
    """Let hooks reach 127.0.0.1 over http (what CLAIMLEDGER_WEBHOOKS_ALLOW_LOCAL=1 does), three attempts each."""
    settings.WEBHOOKS_ALLOW_LOCAL = True
    settings.WEBHOOKS_MAX_ATTEMPTS = 3
    settings.WEBHOOKS_TIMEOUT_SECONDS = 5


@pytest.fixture(autouse=True)
def eager_celery():
    conf = celery_app.conf
    before = conf.task_always_eager, conf.task_eager_propagates
    conf.task_always_eager, conf.task_eager_propagates = True, False
    yield
    conf.task_always_eager, conf.task_eager_propagates = before
