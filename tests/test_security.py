"""One page policy: every URL pattern that renders HTML sends the Content-Security-Policy and its companions."""
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, get_resolver

from claims.models import Assessment, Attribution, Claim
from claims.services import assessment_record
from config.security import API_DOCS_POLICY, CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY
from events.models import ClaimLink, Event
from events.services import claim_link_confirm, event_create
from sources.models import Document, Source
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

COMPANIONS = {"Permissions-Policy": PERMISSIONS_POLICY, "X-Content-Type-Options": "nosniff",
              "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"}
# What each plain route's <int:pk> names, by the path segment in front of it.
MODELS_BY_SEGMENT = {"users": User, "sources": Source, "documents": Document, "claims": Claim,
                     "attributions": Attribution, "claim-links": ClaimLink, "events": Event}
_PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")
REGEX_SAMPLES = {"app_label": "claims", "url": "no-such-page/"}
# Pages that must be reached and rendered (200), so the walk cannot pass by visiting nothing.
MUST_RENDER = {"anonymous": {"/accounts/login/", "/accounts/password_reset/", "/admin/login/"},
               "admin": {"/", "/search/", "/ledger/", "/review/", "/events/", "/admin/", "/api/docs/",
                         "/admin/claims/claim/", "/api/claims/", "/accounts/password_change/"}}


def url_patterns(patterns=None, prefix: str = ""):
    """Every route of the site, as the text of its pattern with its includes' prefixes."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def first_pk(model) -> str:
    """The pk of some row of this model, or 0 (a missing row's page must carry the policy too)."""
    found = model.objects.order_by("pk").values_list("pk", flat=True).first()
    return str(found or 0)


def _admin_object(route: str, name: str) -> str | None:
    """In an admin route, the object of the model its path names (app/model/<object_id>)."""
    match = re.search(r"admin/(\w+)/(\w+)/<path:object_id>", route)
    if name == "object_id" and match:
        return first_pk(apps.get_model(match[1], match[2]))
    if name == "content_type_id":
        return str(ContentType.objects.get_for_model(Claim).pk)
    if name == "object_id":
        return first_pk(Claim)
    return None


def url_for(route: str) -> str:
    """A URL that this route answers, with each parameter filled by an existing row where it names one."""
    def fill(match: re.Match) -> str:
        name = match[2]
        admin_value = _admin_object(route, name) if route.startswith("admin/") else None
        if admin_value is not None:
            return admin_value
        segment = route[:match.start()].rstrip("/").rsplit("/", 1)[-1]
        if segment in MODELS_BY_SEGMENT:
            return first_pk(MODELS_BY_SEGMENT[segment])
        return {"uidb64": "MQ", "token": "set-password"}.get(name, "1")

    url = _PARAMETER.sub(fill, route)
    url = _REGEX_GROUP.sub(lambda match: REGEX_SAMPLES[match[1]], url).replace("^", "").replace("$", "")
    return "/" + url


@pytest.fixture(scope="module")
def newsroom(seed_document_once):
    """One of everything a page can show (a report's claims and sources, a mark, a link, an event), and an admin.

    Built once for the module: the walk only reads (GET), whatever the page.
    """
    reviewer = UserFactory(username="rita", role="reviewer")
    first, second = seed_document_once.claims.order_by("position")[:2]
    source = first.attributions.first().source
    assessment_record(claim=first, source=source, stance="disputes", reviewer=reviewer, actor="command:tests")
    claim_link_confirm(claim=first, other=second, relation="contradicts", reviewer=reviewer, actor="command:tests")
    event_create(title="Strikes on Idlib", claims=[first, second], actor="command:tests")
    return UserFactory(username="root", role="admin", is_staff=True, is_superuser=True)


def _faults(response, url: str) -> list[str]:
    """What this HTML response lacks of the page policy."""
    expected = {"Content-Security-Policy": API_DOCS_POLICY if url.startswith("/api/docs/") else
                CONTENT_SECURITY_POLICY, **COMPANIONS}
    return [f"{url} ({response.status_code}): {name} is {response.headers.get(name)!r}"
            for name, value in expected.items() if response.headers.get(name) != value]


@pytest.mark.parametrize("who", ["anonymous", "admin"])
def test_every_html_page_sends_the_content_security_policy(newsroom, who):
    client = Client(raise_request_exception=False)  # a failing page is one more fault, reported with the rest
    if who == "admin":
        client.force_login(newsroom)
    urls = sorted({url_for(route) for route in url_patterns()})
    faults, rendered = [], set()
    for url in urls:
        response = client.get(url, HTTP_ACCEPT="text/html")  # the API answers a browser with its HTML pages
        if response.status_code >= 500:
            faults.append(f"{url}: {response.status_code}")
        if response.headers.get("Content-Type", "").startswith("text/html"):
            faults += _faults(response, url)
            if response.status_code == 200:
                rendered.add(url)
    assert not faults
    assert MUST_RENDER[who] <= rendered


def test_the_walk_reaches_pages_with_a_row_behind_them(newsroom):
    client = Client()
    client.force_login(newsroom)
    event, claim = Event.objects.get(), Claim.objects.order_by("pk").first()
    mark = Assessment.objects.get()
    for url in [f"/events/{event.pk}/", f"/claims/{claim.pk}/", f"/admin/claims/assessment/{mark.pk}/change/"]:
        assert url in {url_for(route) for route in url_patterns()}
        response = client.get(url)
        assert response.status_code == 200 and not _faults(response, url)


def test_error_pages_send_the_policy_too(newsroom, outsider):
    client = Client()
    client.force_login(outsider)
    refused = client.get("/events/")
    assert refused.status_code == 403 and not _faults(refused, "/events/")
    missing = Client().get("/no-such-page/")
    assert missing.status_code == 404 and not _faults(missing, "/no-such-page/")


def test_the_debug_pages_of_a_developer_keep_their_inline_styles(settings, db):
    settings.DEBUG = True
    missing = Client().get("/no-such-page/")
    assert missing.status_code == 404 and "<style" in missing.content.decode()
    assert "Content-Security-Policy" not in missing.headers


def test_the_page_policy_allows_no_inline_script_and_no_other_origin():
    script = re.search(r"script-src ([^;]*)", CONTENT_SECURITY_POLICY)[1]
    assert script == "'self'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY and "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert "unsafe" not in re.search(r"script-src ([^;]*)", API_DOCS_POLICY)[1]


def test_json_responses_carry_no_page_policy(api, viewer):
    response = api(viewer).get("/api/claims/")
    assert response["Content-Type"].startswith("application/json")
    assert "Content-Security-Policy" not in response.headers
