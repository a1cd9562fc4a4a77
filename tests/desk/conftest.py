"""Desk page helpers: a client per user, like a browser."""
import pytest
from django.test import Client


@pytest.fixture
def page_client():
    """Return a client logged in as `user` (anonymous when None) that enforces CSRF like a browser."""

    def make(user, *, enforce_csrf: bool = False) -> Client:
        client = Client(enforce_csrf_checks=enforce_csrf)
        if user is not None:
            client.force_login(user)
        return client

    return make
