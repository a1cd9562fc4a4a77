"""A signing key that goes missing while the site runs: writes are refused with a clear message, never a 500."""
import pytest
from django.core.cache import cache

from claims.models import Assessment
from ledger.keys import write_private_key
from ledger.models import LedgerCheckpoint, LedgerEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_then_gone(settings, tmp_path, seed_text):
    from claims.services import report_ingest

    key = tmp_path / "key.pem"
    write_private_key(key)
    settings.LEDGER_SIGNING_KEY_FILE = str(key)
    cache.clear()
    document = report_ingest(text=seed_text, actor="command:tests").document
    assert LedgerCheckpoint.objects.exists()
    key.unlink()
    yield document.claims.get(position=13)
    cache.clear()


def test_a_mark_on_the_desk_is_refused_with_the_reason_and_nothing_is_written(page_client, reviewer, signed_then_gone):
    entries = LedgerEntry.objects.count()
    response = page_client(reviewer).post(f"/claims/{signed_then_gone.pk}/", {"stance": "denies", "source": "rebels"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "cannot be read" in html and "data-ledger-problem" in html
    assert LedgerEntry.objects.count() == entries and not Assessment.objects.exists()


def test_every_desk_page_says_the_key_is_missing(page_client, viewer, signed_then_gone):
    for url in ("/", "/ledger/", f"/claims/{signed_then_gone.pk}/"):
        response = page_client(viewer).get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "The ledger refuses changes" in html and "cannot be read" in html


def test_an_api_write_is_a_503_with_the_reason(api, reviewer, signed_then_gone):
    from sources.models import Source

    source = Source.objects.first()
    response = api(reviewer).post(f"/api/claims/{signed_then_gone.pk}/assessments/",
                                  {"source": source.pk, "stance": "denies"}, format="json")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "ledger_unavailable"
    assert "cannot be read" in response.json()["error"]["message"]


def test_the_ledger_api_answers_without_a_500(api, viewer, signed_then_gone):
    assert api(viewer).get("/api/ledger/verify/").json()["failure"]["kind"] == "unsigned"
    assert api(viewer).get("/api/ledger/public-key/").status_code == 503
    assert api(viewer).get("/api/ledger/head/").status_code == 200
