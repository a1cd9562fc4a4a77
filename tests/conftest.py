"""The cast every test can use: one user per role, an outsider with no role, and the seed report."""
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "idlib-strikes-reuters.txt"


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


@pytest.fixture
def seed_document(db, seed_text):
    from claims.services import report_ingest

    return report_ingest(text=seed_text, actor="command:tests").document


def client_for(user) -> APIClient:
    """An API client authenticated as `user` (anonymous when None), enforcing CSRF like a browser."""
    client = APIClient(enforce_csrf_checks=True)
    if user is not None:
        client.force_authenticate(user=user)
    return client


@pytest.fixture
def api():
    return client_for
