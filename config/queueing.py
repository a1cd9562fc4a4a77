"""Hand a task to the Celery broker without making the request wait for it.

Publishing takes a millisecond when Redis is up, but the Redis client retries for seconds when it is down: so
the hand-off runs in a short-lived thread, and whatever fails there is logged. Work handed off this way is also
kept in the database (webhook deliveries, notifications), so nothing is lost when the broker is away.
With task_always_eager (tests) the task runs here and now instead.
"""
import logging
import threading

from config.celery import app

log = logging.getLogger(__name__)
THREAD_NAME = "celery-hand-off"


def _publish(task, args: tuple, fallback: str) -> None:
    try:
        task.apply_async(args, retry=False)
    except Exception as exc:  # the change has committed already; say what will pick the work up
        log.warning("%s%r not queued (%s); %s", task.name, args, exc, fallback)


def publish_soon(task, *args, fallback: str = "") -> threading.Thread | None:
    """Queue task(*args) in the background; return the thread doing it (None when run eagerly)."""
    if app.conf.task_always_eager:
        _publish(task, args, fallback)
        return None
    thread = threading.Thread(target=_publish, args=(task, args, fallback), name=THREAD_NAME, daemon=True)
    thread.start()
    return thread
