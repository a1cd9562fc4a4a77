"""The admin shows a refused source or alias on its form; it never answers with a server error."""
import pytest

from ledger.models import LedgerEntry
from sources.models import Source, SourceAlias
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_user):
    admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)
    return client


# The aliases inline's management form, which every source form post carries.
NO_ALIASES = {"aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0"}


def rows() -> tuple[int, int, int]:
    return Source.objects.count(), SourceAlias.objects.count(), LedgerEntry.objects.count()


def test_admin_adds_a_source_through_the_service(admin_client):
    response = admin_client.post("/admin/sources/source/add/", {"name": "Syrian Observatory", "kind": "ngo",
                                                                  **NO_ALIASES})
    assert response.status_code == 302
    assert LedgerEntry.objects.filter(action="source.created", actor="user:ada").exists()


def test_admin_shows_a_duplicate_source_name_and_writes_nothing(admin_client):
    SourceFactory(name="Syrian Observatory")
    before = rows()
    response = admin_client.post("/admin/sources/source/add/", {"name": "syrian  observatory", "kind": "ngo",
                                                                  **NO_ALIASES})
    assert response.status_code == 200
    assert "already belongs to source" in response.content.decode()
    assert rows() == before


def test_admin_shows_a_rename_onto_another_sources_name_and_writes_nothing(admin_client):
    SourceFactory(name="Syrian Observatory")
    other = SourceFactory(name="White Helmets", kind="ngo")
    before = rows()
    response = admin_client.post(f"/admin/sources/source/{other.pk}/change/",
                                 {"name": "Syrian Observatory", "kind": "ngo", **NO_ALIASES})
    assert response.status_code == 200
    assert "already belongs to source" in response.content.decode()
    assert rows() == before


def test_admin_shows_an_alias_that_is_the_sources_own_name_and_writes_nothing(admin_client):
    source = SourceFactory(name="Syrian Observatory")
    before = rows()
    response = admin_client.post("/admin/sources/sourcealias/add/", {"source": source.pk,
                                                                      "name": "Syrian Observatory"})
    assert response.status_code == 200
    assert "already this source&#x27;s name" in response.content.decode()
    assert rows() == before


def test_admin_adds_an_alias_through_the_service(admin_client):
    source = SourceFactory(name="Syrian Observatory")
    response = admin_client.post("/admin/sources/sourcealias/add/", {"source": source.pk, "name": "SOHR"})
    assert response.status_code == 302
    assert SourceAlias.objects.get().source == source
