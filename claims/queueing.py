"""Where `manage.py ingest --queue` hands reports to background ingest, which an app built on claims provides.

Claims imports no app above it: the batches app registers its queue here in its AppConfig.ready().
"""
from collections.abc import Callable

_queue: list[Callable[..., object]] = []


def provide_queue(queue: Callable[..., object]) -> None:
    """Register the function that queues the reports under a path: queue(path=str, actor=str, wait=bool, out)."""
    _queue[:] = [queue]


def queue_for_path() -> Callable[..., object] | None:
    """The registered queue, or None when no app provides background ingest."""
    return _queue[0] if _queue else None
