"""The public site (published verdicts, readable without login) and the editors' API to publish them.

The desk is the newsroom's logged-in workspace; these pages are what it publishes, so they live here with their
own plain layout, never touch the session, and are cacheable.
"""
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from claims.claimreview import claim_review
from claims.models import Claim
from claims.selectors import claim_neighbours, verdict_of
from config.api import error_responses
from evidence.views import evidence_download_response
from ledger.services import actor_for
from people.permissions import RoleAccess
from publishing.selectors import (
    corrections,
    latest_per_source,
    public_evidence_item,
    published_claim,
    published_claims,
    published_search,
    verdict_history,
)
from publishing.serializers import PublicationSerializer, PublishSerializer, UnpublishSerializer
from publishing.services import claim_publish, claim_unpublish

JSON_LD = "application/ld+json"
PAGE_SIZE = 20
FEED_SIZE = 50
public_cache = cache_control(public=True, max_age=300)


def public_url(claim_id: int) -> str:
    """The address a published verdict is cited by: the public page under CLAIMLEDGER_PUBLIC_URL."""
    return settings.CLAIMLEDGER_PUBLIC_URL.rstrip("/") + reverse("public-claim", args=[claim_id])


def public_claim_review(claim: Claim, verdict) -> dict:
    """The ClaimReview of a published claim, pointing at its public page."""
    review = claim_review(claim, verdict, reviewed_at=claim.publication.first_published_at)
    review["url"] = public_url(claim.pk)
    return review


def render_public(request, template: str, context: dict):
    """Render a public page with the organisation's name; never the session, so caches may share it."""
    return render(request, template, {"organisation": settings.CLAIMLEDGER_ORGANISATION, **context})


@require_safe
@public_cache
@vary_on_headers("Accept")
def public_claim(request, pk: int):
    """A published claim: the sentence in context, who said it, the verdict and why, its evidence and history."""
    claim = published_claim(pk)
    verdict = verdict_of(claim)
    review = public_claim_review(claim, verdict)
    if request.get_preferred_type(["text/html", JSON_LD, "application/json"]) in (JSON_LD, "application/json"):
        return JsonResponse(review, content_type=JSON_LD, json_dumps_params={"ensure_ascii": False})
    return render_public(request, "publishing/claim.html", {
        "claim": claim, "verdict": verdict, "review": review, "context": claim_neighbours(claim),
        "marks": latest_per_source(claim.assessments.all()), "counted": set(verdict.counted_corroborators),
        "history": verdict_history(claim),
    })


@require_safe
@public_cache
def public_index(request):
    """Every published verdict, newest first, searchable."""
    query = request.GET.get("q", "").replace("\x00", "")[:200]
    page = _page_number(request)
    claims = list(published_search(query)[(page - 1) * PAGE_SIZE: page * PAGE_SIZE + 1])
    return render_public(request, "publishing/index.html", {
        "claims": claims[:PAGE_SIZE], "query": query, "page": page,
        "next_page": page + 1 if len(claims) > PAGE_SIZE else None, "previous_page": page - 1 if page > 1 else None,
    })


def _page_number(request) -> int:
    value = request.GET.get("page", "1")
    return min(int(value), 10_000) if value.isdigit() and int(value) > 0 else 1


@require_safe
@public_cache
def public_corrections(request):
    """What changed after publication: verdicts that moved, and verdicts taken down, with the reason."""
    return render_public(request, "publishing/corrections.html", {"rows": corrections()})


@require_safe
@public_cache
def public_evidence(request, pk: int):
    """A public evidence item of a published claim, as a download that cannot run script."""
    return evidence_download_response(public_evidence_item(pk))


class PublishedVerdictsFeed(Feed):
    """Atom feed of newly published or changed verdicts."""

    feed_type = Atom1Feed
    title = f"{settings.CLAIMLEDGER_ORGANISATION}: published verdicts"
    subtitle = "Claims our reviewers checked, with the verdict and its reason."

    def link(self):
        return reverse("public-index")

    def items(self):
        return published_claims()[:FEED_SIZE]

    def item_title(self, claim):
        return f"{claim.get_status_display()}: {claim.text[:120]}"

    def item_description(self, claim):
        speakers = ", ".join(a.source.name for a in claim.attributions.all())
        return f"{claim.text} (said by {speakers or claim.document.outlet.name}; verdict: {claim.get_status_display()})"

    def item_link(self, claim):
        return reverse("public-claim", args=[claim.pk])

    def item_pubdate(self, claim):
        return claim.publication.first_published_at

    def item_updateddate(self, claim):
        return claim.public_updated


public_feed = require_safe(public_cache(PublishedVerdictsFeed()))


class _PublicationChange(RoleAccess, generics.GenericAPIView):
    """One POST that changes a claim's publication through `service`, with `form`'s fields (editors and admins)."""

    serializer_class = PublicationSerializer
    form = PublishSerializer
    service = staticmethod(claim_publish)

    def post(self, request, pk):
        claim = get_object_or_404(Claim, pk=pk)
        incoming = self.form(data=request.data)
        incoming.is_valid(raise_exception=True)
        publication = self.service(claim=claim, user=request.user, actor=actor_for(request.user),
                                   **incoming.validated_data)
        return Response(PublicationSerializer(publication).data)


@extend_schema_view(post=extend_schema(request=PublishSerializer, responses={
    200: PublicationSerializer, **error_responses(400, 404, 409)}))
class ClaimPublishView(_PublicationChange):
    """POST {"note"}: publish the claim's verdict on its public page (editors and admins)."""


@extend_schema_view(post=extend_schema(request=UnpublishSerializer, responses={
    200: PublicationSerializer, **error_responses(400, 404, 409)}))
class ClaimUnpublishView(_PublicationChange):
    """POST {"reason"}: take the claim's public page down; the corrections log keeps the reason (editors)."""

    form = UnpublishSerializer
    service = staticmethod(claim_unpublish)
