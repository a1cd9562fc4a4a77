"""Every list answers in a fixed number of SQL queries, whatever the page size."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import mark
from tests.factories import SourceFactory, UserFactory

# role lookup, count, page, then one per prefetched relation
BOUNDS = {"/api/claims/": 4, "/api/claims/?q=said": 4, "/api/documents/": 3, "/api/sources/": 4,
          "/api/assessments/": 3, "/api/users/": 4}


@pytest.fixture(scope="module")
def newsroom(seed_document_once):
    """The seed report with marks on several claims and aliases on a source, and the cast: built once, only read."""
    reviewer = UserFactory(username="rita", role="reviewer")
    UserFactory(username="ed", role="editor")
    UserFactory(username="vera", role="viewer")
    parties = [SourceFactory(name=f"Monitor {n}") for n in range(3)]
    for claim in seed_document_once.claims.all()[:8]:
        for party in parties:
            mark(claim, party, "corroborates", reviewer)
    from sources.services import source_alias_add

    source_alias_add(source=parties[0], name="The first monitor", actor="command:tests")
    return seed_document_once


@pytest.mark.parametrize("url", list(BOUNDS))
def test_list_query_count_does_not_grow_with_page_size(api, admin_user, newsroom, django_assert_max_num_queries,
                                                       url, db):
    client = api(admin_user)
    counts = []
    for size in (5, 50):
        joiner = "&" if "?" in url else "?"
        with django_assert_max_num_queries(BOUNDS[url]), CaptureQueriesContext(connection) as queries:
            response = client.get(f"{url}{joiner}page_size={size}")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
