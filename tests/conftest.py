"""The cast every test can use: one user per role, an outsider with no role, and the seed report."""
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "idlib-strikes-reuters.txt"
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LEDGER_TABLES = ("ledger_entry", "ledger_checkpoint", "ledger_node", "ledger_cosignature")


def pytest_configure(config):
    """Hash the cast's passwords cheaply in every test: PBKDF2 cost a quarter second per user (speed only)."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def viewer(db):
    return UserFactory(username="vera", role="viewer")


@pytest.fixture
def reviewer(db):
    return UserFactory(username="rita", role="reviewer")


@pytest.fixture
def editor(db):
    return UserFactory(username="ed", role="editor")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="ada", role="admin", is_staff=True)


@pytest.fixture
def outsider(db):
    """Logged in, but with no role: sees nothing."""
    return UserFactory(username="otto")


def ingest(text: str, **fields):
    """Ingest a report the way editors do, as the tests' own actor; return its document."""
    from claims.services import report_ingest

    return report_ingest(text=text, actor="command:tests", **fields).document


def built_once_or_now(request, once: str, build):
    """Documents the module built once (fixture `once`, in its usefixtures) read back afresh, else built now."""
    if once not in request.fixturenames:
        return build()
    built = request.getfixturevalue(once)
    documents = built if isinstance(built, list) else [built]
    fresh = {d.pk: d for d in type(documents[0]).objects.filter(pk__in=[d.pk for d in documents])}
    return [fresh[d.pk] for d in documents] if isinstance(built, list) else fresh[built.pk]


@pytest.fixture
def seed_document(request, db, seed_text):
    """The seed report: ingested for this test, or read back where the module ingested it once (see module_db)."""
    return built_once_or_now(request, "seed_document_once", lambda: ingest(seed_text))


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """One transaction around a module's tests, so rows built once in it serve them all; rolled back at the end.

    For rows the tests only read (the seed report, ingested reports): each test still runs in its own savepoint
    (the `db` fixture), so whatever a test writes is undone before the next one starts. Not for modules with
    transactional tests, threads or subprocesses, which cannot see (or would wait for) this transaction.
    """
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        _set_triggers(install=True)
        _restore_role_groups()
        _restore_ledger_head()
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def seed_document_once(module_db):
    """The seed report, ingested once for a whole module: `pytestmark = pytest.mark.usefixtures(...)` with it."""
    return ingest(SEED.read_text(encoding="utf-8"))


def client_for(user) -> APIClient:
    """An API client authenticated as `user` (anonymous when None), enforcing CSRF like a browser."""
    client = APIClient(enforce_csrf_checks=True)
    if user is not None:
        client.force_authenticate(user=user)
    return client


@pytest.fixture
def api():
    return client_for


def _append_only_sql(install: bool) -> list[str]:
    from importlib import import_module

    from django.db import connection

    migration = import_module("ledger.migrations.0002_append_only")
    return [statement for table in LEDGER_TABLES for statement in migration.sql_for(connection.vendor, table,
                                                                                     install=install)]


def _set_triggers(install: bool) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in _append_only_sql(install=False):
            cursor.execute(statement)
        if install:
            for statement in _append_only_sql(install=True):
                cursor.execute(statement)


def _restore_role_groups() -> None:
    """Put back the role groups a transactional test's flush removed (the migration made them once)."""
    from importlib import import_module

    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    roles = import_module("people.migrations.0001_roles").ROLES
    dropped = import_module("people.migrations.0002_admin_reads_accounts").DROPPED
    if Group.objects.filter(name__in=roles).count() == len(roles):
        return
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for role, codes in roles.items():
        group, _ = Group.objects.get_or_create(name=role)
        labels = [code.split(".") for code in codes if tuple(code.split(".")) not in dropped or role != "admin"]
        group.permissions.set([Permission.objects.get(content_type__app_label=app, codename=codename)
                               for app, codename in labels])


def _restore_ledger_head() -> None:
    """Put back the genesis head row a flush removed, before any test's writers race to recreate it."""
    from ledger.canonical import GENESIS_HASH
    from ledger.models import LedgerEntry, LedgerHead

    if not LedgerHead.objects.filter(pk=1).exists() and not LedgerEntry.objects.exists():
        LedgerHead.objects.create(pk=1, seq=0, hash=GENESIS_HASH)


@pytest.fixture(autouse=True)
def _ledger_stays_append_only(request):
    """Keep ledger_entry append-only in every test, yet let transactional tests flush it afterwards.

    The database refuses DELETE and TRUNCATE on a non-empty ledger, which is also how pytest-django
    empties the tables after a transactional test; so those tests lift the triggers just before the
    flush, and every test that touches the database puts them back first, with the role groups and the
    ledger's head row.
    """
    marker = request.node.get_closest_marker("django_db")
    wants_db = marker is not None or {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    if not wants_db:
        yield
        return
    from django.db import connection

    request.getfixturevalue("_django_db_helper")
    _set_triggers(install=True)
    _restore_role_groups()
    _restore_ledger_head()
    yield
    if not connection.in_atomic_block:
        _set_triggers(install=False)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttles count per user id, and ids repeat from test to test: every test starts with no counts."""
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _evidence_in_tmp(settings, tmp_path):
    """Evidence files a test stores go to its own folder, never to the developer's evidence store."""
    settings.MEDIA_ROOT = str(tmp_path / "evidence")
