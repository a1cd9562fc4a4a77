"""Affiliation chains come back whole, in one query, and a cycle ends the walk."""
import pytest

from ledger.actions import Action
from ledger.guard import recorded
from ledger.services import ledger_append
from sources.models import Source
from sources.selectors import affiliation_parents
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def test_the_parents_of_a_source_come_with_every_party_above_it(django_assert_num_queries):
    state = SourceFactory()
    government = SourceFactory(affiliation=state)
    ministry, unrelated = SourceFactory(affiliation=government), SourceFactory()
    with django_assert_num_queries(1):
        parents = affiliation_parents([ministry.pk])
    assert parents == {ministry.pk: government.pk, government.pk: state.pk, state.pk: None}
    assert unrelated.pk not in parents


def test_a_cycle_of_affiliations_ends_the_walk():
    first = SourceFactory()
    second = SourceFactory(affiliation=first)

    @recorded
    def close_the_loop():
        Source.objects.filter(pk=first.pk).update(affiliation=second)
        ledger_append(actor="command:tests", action=Action.SOURCE_CHANGED, object_type="source", object_id=first.pk,
                      payload={"after": {"affiliation_id": second.pk}})

    close_the_loop()
    assert affiliation_parents([first.pk]) == {first.pk: second.pk, second.pk: first.pk}


def test_no_sources_need_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert affiliation_parents([]) == {}
