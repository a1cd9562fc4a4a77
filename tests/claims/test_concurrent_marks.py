"""Reviewers saving at the same moment: every mark lands, with its own ledger entry, on one chain."""
import threading

import pytest
from django.db import connection

from claims.models import Assessment
from claims.services import assessment_record
from ledger.models import LedgerEntry
from tests.factories import AttributionFactory, SourceFactory, UserFactory

REVIEWERS = 6


@pytest.mark.django_db(transaction=True)
def test_simultaneous_marks_all_land_without_database_locked_errors():
    claim = AttributionFactory().claim
    sources = [SourceFactory() for _ in range(REVIEWERS)]
    reviewers = [UserFactory(role="reviewer") for _ in range(REVIEWERS)]
    start, errors = threading.Barrier(REVIEWERS), []

    def review(index):
        try:
            start.wait()
            assessment_record(claim=claim, source=sources[index], stance="corroborates", reviewer=reviewers[index],
                              actor=f"user:{reviewers[index].username}")
        except Exception as exc:  # collected and asserted below, so the test names the failure
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=review, args=(i,)) for i in range(REVIEWERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Assessment.objects.filter(claim=claim).count() == REVIEWERS
    assert LedgerEntry.objects.filter(action="assessment.recorded").count() == REVIEWERS
    seqs = list(LedgerEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(seqs) + 1))
    claim.refresh_from_db()
    assert claim.status == "corroborated"
