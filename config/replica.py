"""Reads of searches, lists and exports from a read replica (DATABASE_REPLICA_URL); everything else on the primary.

A request reads from the replica only when its view is one of REPLICA_VIEWS, its method is safe, the
newsroom's tables are read (never sessions or accounts), no transaction is open on the primary (so a
write's own reads, the ledger's head lock and everything inside a recorded service stay there), and the
browser has not written in the last DATABASE_REPLICA_LAG_SECONDS (so people see their own changes).
Commands and workers, `verify_ledger --reconcile` among them, never read from the replica.
"""
import contextlib
import contextvars
from collections.abc import Iterator

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
# The pages and endpoints that may read a lagging copy: searches, lists and exports.
REPLICA_VIEWS = {
    "api-claim-list", "api-claim-export", "api-document-list", "api-source-list", "api-assessment-list",
    "api-event-list", "api-claimlink-list", "ledger-list", "ledger-export", "ledger-checkpoints-export",
    "desk-search", "event-list",
}
# The newsroom's tables; sessions, accounts and tokens are always read where they are written.
REPLICA_APPS = {"claims", "sources", "events", "ledger"}
WROTE_COOKIE = "cl_wrote"

_replica_reads: contextvars.ContextVar[bool] = contextvars.ContextVar("replica_reads", default=False)


def replica_configured() -> bool:
    return settings.DATABASE_REPLICA_READS and REPLICA in settings.DATABASES


@contextlib.contextmanager
def replica_reads() -> Iterator[None]:
    """Let the reads inside the block go to the replica (where the router allows it)."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


class ReplicaRouter:
    """Send allowed reads to the replica; every write, and every read inside a transaction, to the primary."""

    def db_for_read(self, model, **hints):
        if (_replica_reads.get() and model._meta.app_label in REPLICA_APPS and replica_configured()
                and not connections[DEFAULT_DB_ALIAS].in_atomic_block):
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: the same rows on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        """A real replica copies the primary and is never migrated. A stand-in gets every table and the newsroom
        apps' own database objects (full-text index, triggers), but not the role groups, which live on the primary."""
        return db != REPLICA or model_name is not None or app_label in REPLICA_APPS


def _streamed_from_replica(content):
    """Exports stream after the view returns: their reads must happen under the same rule."""
    with replica_reads():
        yield from content


class ReplicaReadsMiddleware:
    """Choose the database per request: the replica for searches, lists and exports, unless the browser just wrote."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.reads_from_replica = False
        response = self.get_response(request)
        if request.reads_from_replica and response.streaming:
            response.streaming_content = _streamed_from_replica(response.streaming_content)
        if request.method not in ("GET", "HEAD", "OPTIONS") and response.status_code < 400:
            response.set_cookie(WROTE_COOKIE, "1", max_age=settings.DATABASE_REPLICA_LAG_SECONDS, httponly=True,
                                samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        request.reads_from_replica = (request.method in ("GET", "HEAD") and match is not None
                                      and match.url_name in REPLICA_VIEWS and WROTE_COOKIE not in request.COOKIES)
        if not request.reads_from_replica:
            return None
        with replica_reads():
            return view_func(request, *view_args, **view_kwargs)
