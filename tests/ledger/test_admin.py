"""The ledger is read-only in the admin, for superusers too."""
import pytest
from django.contrib import admin
from django.test import RequestFactory

from ledger.models import LedgerCheckpoint, LedgerEntry


@pytest.mark.parametrize("model", [LedgerEntry, LedgerCheckpoint])
def test_nobody_may_add_change_or_delete_ledger_rows_in_the_admin(model, admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    model_admin = admin.site._registry[model]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_staff_can_read_the_ledger_in_the_admin(client, admin_user, chain):
    admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)
    assert client.get("/admin/ledger/ledgerentry/").status_code == 200
