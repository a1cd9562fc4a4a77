"""No row of a ledgered model changes without an entry: every model, every write path, the admin included."""
import pytest
from django.apps import apps
from django.contrib import admin
from django.db import transaction

from ledger.guard import LedgeredModel, UnrecordedWrite
from ledger.models import LedgerEntry
from ledger.reconcile import registrations
from sources.models import Source
from tests.factories import AttributionFactory

INLINE = {"aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0", "aliases-MIN_NUM_FORMS": "0",
          "aliases-MAX_NUM_FORMS": "1000"}
LEDGERED = sorted((m for m in apps.get_models() if issubclass(m, LedgeredModel)), key=lambda m: m._meta.label)
IDS = [m._meta.label for m in LEDGERED]


def test_the_ledgered_models_are_the_ones_we_expect():
    assert set(IDS) == {"sources.Source", "sources.SourceAlias", "sources.Document", "claims.Claim",
                        "claims.Attribution", "claims.Assessment", "events.Event", "events.EventClaim",
                        "events.ClaimLink", "evidence.EvidenceItem", "claims.AssessmentEvidence",
                        "publishing.Publication", "sources.DocumentRevision", "review.Review", "review.Assignment",
                        "review.Comment", "review.Follow", "webhooks.Endpoint"}


@pytest.mark.parametrize("model", LEDGERED, ids=IDS)
def test_every_ledgered_model_is_registered_for_reconciliation(model):
    assert model in {registration.model for registration in registrations()}


@pytest.mark.parametrize("model", LEDGERED, ids=IDS)
def test_save_outside_a_service_is_refused(db, model):
    with pytest.raises(UnrecordedWrite):
        model().save()


@pytest.mark.parametrize("model", LEDGERED, ids=IDS)
def test_bulk_create_outside_a_service_is_refused(db, model):
    with pytest.raises(UnrecordedWrite):
        model.objects.bulk_create([model()])


@pytest.mark.parametrize("model", LEDGERED, ids=IDS)
def test_queryset_update_outside_a_service_is_refused(db, model):
    with pytest.raises(UnrecordedWrite):
        model.objects.all().update(pk=0)


@pytest.mark.parametrize("model", LEDGERED, ids=IDS)
def test_queryset_delete_outside_a_service_is_refused(db, model):
    with pytest.raises(UnrecordedWrite):
        model.objects.all().delete()


def test_deleting_a_row_outside_a_service_is_refused_and_the_row_stays(db):
    attribution = AttributionFactory()
    with pytest.raises(UnrecordedWrite):
        attribution.delete()
    assert type(attribution).objects.filter(pk=attribution.pk).exists()


@pytest.mark.parametrize("model", LEDGERED, ids=IDS)
def test_every_ledgered_model_has_an_admin(model):
    assert admin.site.is_registered(model)


@pytest.mark.parametrize("model", LEDGERED, ids=IDS)
def test_admin_writes_only_through_services(rf, admin_user, model):
    """Each admin either refuses the write or overrides save_model to call a recorded service."""
    model_admin = admin.site._registry[model]
    request = rf.get("/admin/")
    request.user = admin_user
    writes_directly = type(model_admin).save_model is admin.ModelAdmin.save_model
    can_write = model_admin.has_add_permission(request) or model_admin.has_change_permission(request)
    assert not (can_write and writes_directly)
    assert not (model_admin.has_delete_permission(request) and type(model_admin).delete_model is
                admin.ModelAdmin.delete_model)


def test_adding_a_source_in_the_admin_records_it(client, admin_user):
    client.force_login(admin_user)
    before = LedgerEntry.objects.count()
    response = client.post("/admin/sources/source/add/", {"name": "Syrian Civil Defence", "kind": "ngo",
                                                           "description": "", "affiliation": "", **INLINE})
    assert response.status_code == 302
    source = Source.objects.get(name="Syrian Civil Defence")
    entry = LedgerEntry.objects.get(action="source.created", object_id=str(source.pk))
    assert entry.actor == f"user:{admin_user.username}" and LedgerEntry.objects.count() == before + 1


def test_changing_a_source_in_the_admin_records_before_and_after(client, admin_user):
    client.force_login(admin_user)
    client.post("/admin/sources/source/add/", {"name": "White Helmets", "kind": "other", "description": "",
                                               "affiliation": "", **INLINE})
    source = Source.objects.get(name="White Helmets")
    client.post(f"/admin/sources/source/{source.pk}/change/", {"name": "White Helmets", "kind": "ngo",
                                                               "description": "", "affiliation": "", **INLINE})
    entry = LedgerEntry.objects.get(action="source.changed", object_id=str(source.pk))
    assert entry.payload == {"before": {"kind": "other"}, "after": {"kind": "ngo"}}


def test_adding_a_claim_to_an_event_outside_a_service_is_refused(db):
    from events.services import event_create

    claim, other = AttributionFactory().claim, AttributionFactory().claim
    event = event_create(title="Strike on Saraqeb", claims=[claim], actor="command:tests")
    with pytest.raises(UnrecordedWrite), transaction.atomic():
        event.claims.add(other)
    assert list(event.claims.all()) == [claim]
    assert LedgerEntry.objects.filter(action="eventclaim.created").count() == 1
