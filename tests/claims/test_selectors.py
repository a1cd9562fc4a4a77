"""The verdict rule applied to stored claims reads only the affiliation chains of the sources involved."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim
from claims.selectors import claims_with_marks, verdicts_of
from claims.services import assessment_record
from ledger.actions import Action
from ledger.guard import recorded
from ledger.services import ledger_append
from sources.models import Source
from sources.names import name_key
from tests.factories import AttributionFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

STORED_SOURCES = 10_000
# A mark that leaves the status as it was: a savepoint, lock the claim, check its three references, save the mark,
# append its ledger entry (lock the head, insert, move the head; PostgreSQL also sets a lock timeout), then read the
# claim's marks, its attributions, the affiliation chains involved (one query) and the names of the sources
# for the verdict's reason (one query), and release the savepoint. The ledger append reads the newest checkpoint
# and the tree frontier and inserts the new nodes (3 queries); the ledger's listeners read once each: who follows
# the claim (review) and which webhooks want the mark (webhooks). On PostgreSQL the lock timeout adds one and the
# insert's trigger moves the head instead of an UPDATE (one fewer): the same count on both.
MARK_QUERIES = 19


@recorded
def _store_sources(count: int) -> None:
    """Many unrelated parties in one write (a newsroom's years of sources), half of them in chains of two."""
    def party(name: str, affiliation_id=None) -> Source:
        return Source(name=name, name_key=name_key(name), affiliation_id=affiliation_id)

    Source.objects.bulk_create([party(f"Stored party {n}") for n in range(count // 2)], batch_size=1000)
    parents = Source.objects.filter(name_key__startswith="stored party ").values_list("pk", flat=True)
    Source.objects.bulk_create([party(f"Stored member {n}", parent) for n, parent in enumerate(parents)],
                               batch_size=1000)
    ledger_append(actor="command:tests", action=Action.SOURCE_CREATED, object_type="source", object_id=0,
                  payload={"after": {"count": count}})


@pytest.fixture
def chain():
    """A ministry inside a government inside a state, and a claim the ministry makes."""
    state = SourceFactory(name="The state")
    government = SourceFactory(name="The government", affiliation=state)
    ministry = SourceFactory(name="The ministry", affiliation=government)
    return AttributionFactory(source=ministry).claim, state, government


def test_a_mark_costs_a_fixed_number_of_queries_with_ten_thousand_sources_stored(chain, django_assert_num_queries):
    claim, state, _ = chain
    _store_sources(STORED_SOURCES)
    assert Source.objects.count() > STORED_SOURCES
    reviewer = UserFactory()
    with django_assert_num_queries(MARK_QUERIES), CaptureQueriesContext(connection) as queries:
        assessment_record(claim=claim, source=state, stance="corroborates", reviewer=reviewer, actor="user:rita")
    table = Source._meta.db_table
    reads = [q["sql"] for q in queries if f"FROM {table}" in q["sql"] or f'FROM "{table}"' in q["sql"]]
    assert all(" WHERE " in sql for sql in reads)  # never the whole table
    assert sum("WITH RECURSIVE" in sql for sql in reads) == 1


def test_the_verdict_walks_the_whole_chain_above_a_speaker(chain):
    claim, state, government = chain
    independent = SourceFactory(name="A witness")
    for source in (state, government, independent):
        assessment_record(claim=claim, source=source, stance="corroborates", reviewer=UserFactory(),
                          actor="user:rita")
    verdict = verdicts_of([claims_with_marks().get(pk=claim.pk)])[claim.pk]
    assert verdict.status == "unverified"  # the state and the government are the ministry's own side
    assert verdict.counted_corroborators == (independent.pk,)


def test_verdicts_of_many_claims_read_the_chains_in_one_query(chain, django_assert_num_queries):
    claim, state, _ = chain
    assessment_record(claim=claim, source=state, stance="disputes", reviewer=UserFactory(), actor="user:rita")
    claims = list(claims_with_marks().filter(pk__in=[claim.pk, AttributionFactory().claim_id]))
    with django_assert_num_queries(1):
        verdicts = verdicts_of(claims)
    assert verdicts[claim.pk].status == "disputed"
    assert {c.status for c in Claim.objects.filter(pk__in=verdicts)} == {"disputed", "unverified"}
