"""API for competing accounts of a claim, reviewers' confirmed links, and events."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from config import params
from config.api import error_responses
from events.filters import ClaimLinkFilter, EventFilter
from events.models import ClaimLink, Event, LinkRelation
from events.selectors import (
    claims_with_sources,
    competing_list,
    event_accounts,
    event_figures,
    event_list,
    event_suggestions,
    link_list,
)
from events.serializers import (
    ClaimLinkCreateSerializer,
    ClaimLinkSerializer,
    CompetingAccountSerializer,
    CompetingQuerySerializer,
    EventClaimsSerializer,
    EventCreateSerializer,
    EventDetailSerializer,
    EventSerializer,
    EventSuggestionConfirmSerializer,
    EventSuggestionSerializer,
)
from events.services import (
    claim_link_confirm,
    claim_link_remove,
    event_add_claims,
    event_confirm_suggestion,
    event_create,
    event_from_links,
)
from ledger.services import actor_for
from people.permissions import CanMark, RoleAccess

RANKING_HEADER = "X-Competing-Ranking"  # "combined" (meaning and signals), or "current" (words only, no model)


@extend_schema(summary="Competing accounts of a claim", responses={200: CompetingAccountSerializer(many=True),
                                                                  **error_responses(400, 404)},
               parameters=[OpenApiParameter("limit", int, description="How many (1 to 50; default 5)."),
                           OpenApiParameter("relation", str, enum=LinkRelation.values,
                                            description="Only accounts with this (suggested or confirmed) relation.")])
class CompetingAccountsView(RoleAccess, generics.GenericAPIView):
    """What other sources say about the claim: confirmed links first (score 1), then ranked suggestions."""

    serializer_class = CompetingAccountSerializer
    pagination_class = None  # a ranked list cut at ?limit=, never pages (the schema said otherwise)

    def get_queryset(self):
        return claims_with_sources()

    def get(self, request, pk):
        claim = self.get_object()
        query = CompetingQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        found = competing_list(claim, limit=query.validated_data["limit"],
                               relation=query.validated_data.get("relation"))
        return Response(CompetingAccountSerializer(found.accounts, many=True).data,
                        headers={RANKING_HEADER: found.ranking})


@extend_schema(summary="Confirmed links between claims", request=ClaimLinkCreateSerializer,
               responses={200: ClaimLinkSerializer(many=True), 201: ClaimLinkSerializer, **error_responses(400, 409)})
class ClaimLinkListView(RoleAccess, generics.ListAPIView):
    """List confirmed links (?claim= either end, ?relation=); reviewers confirm a suggestion with POST."""

    serializer_class = ClaimLinkSerializer
    filterset_class = ClaimLinkFilter
    write_permission = CanMark

    def get_queryset(self):
        return link_list()

    def post(self, request):
        incoming = ClaimLinkCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        link = claim_link_confirm(reviewer=request.user, actor=actor_for(request.user), **incoming.validated_data)
        return Response(ClaimLinkSerializer(link).data, status=status.HTTP_201_CREATED)


@extend_schema(summary="One confirmed link", responses={200: ClaimLinkSerializer, 204: None,
                                                        **error_responses(404)})
class ClaimLinkDetailView(RoleAccess, generics.GenericAPIView):
    """Read one link; reviewers withdraw it with DELETE (the ledger keeps what it was)."""

    serializer_class = ClaimLinkSerializer
    write_permission = CanMark

    def get(self, request, pk):
        return Response(ClaimLinkSerializer(get_object_or_404(link_list(), pk=pk)).data)

    def delete(self, request, pk):
        link = get_object_or_404(ClaimLink, pk=pk)
        reason = params.check_text(request.query_params.get("reason", ""), "reason")
        claim_link_remove(link=link, actor=actor_for(request.user), reason=reason, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(summary="Events", request=EventCreateSerializer,
               responses={200: EventSerializer(many=True), 201: EventDetailSerializer, **error_responses(400)})
class EventListView(RoleAccess, generics.ListAPIView):
    """List events (?q= in the title, ?claim=); editors create one from claims, or from a claim's links."""

    serializer_class = EventSerializer
    filterset_class = EventFilter

    def get_queryset(self):
        return event_list()

    def post(self, request):
        incoming = EventCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data, actor = incoming.validated_data, actor_for(request.user)
        if data.get("from_claim"):
            event = event_from_links(claim=data["from_claim"], actor=actor, title=data["title"],
                                     description=data["description"])
        else:
            event = event_create(title=data["title"], description=data["description"], claims=data["claims"],
                                 actor=actor)
        return Response(_event_body(event), status=status.HTTP_201_CREATED)


def _event_body(event: Event) -> dict:
    return EventDetailSerializer(event, context={"accounts": event_accounts(event),
                                                 "figures": event_figures(event)}).data


@extend_schema(summary="One event: each side's account", responses={200: EventDetailSerializer,
                                                                    **error_responses(404)})
class EventDetailView(RoleAccess, generics.GenericAPIView):
    """The event with each source's claims about it, grouped by source."""

    serializer_class = EventDetailSerializer

    def get(self, request, pk):
        return Response(_event_body(get_object_or_404(Event, pk=pk)))


@extend_schema(summary="Add claims to an event", request=EventClaimsSerializer,
               responses={200: EventDetailSerializer, **error_responses(400, 404)})
class EventClaimsView(RoleAccess, generics.GenericAPIView):
    """Editors add claims to the event; answers the event as it now stands."""

    serializer_class = EventClaimsSerializer

    def post(self, request, pk):
        event = get_object_or_404(Event, pk=pk)
        incoming = EventClaimsSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        event_add_claims(event=event, claims=incoming.validated_data["claims"], actor=actor_for(request.user))
        return Response(_event_body(event))


@extend_schema(summary="Suggested events", request=EventSuggestionConfirmSerializer,
               responses={200: EventSuggestionSerializer(many=True), 201: EventDetailSerializer,
                          **error_responses(400)})
class EventSuggestionsView(RoleAccess, APIView):
    """Claims of recent reports that match strongly, offered as events; an editor confirms one with POST."""

    def get(self, request):
        return Response(EventSuggestionSerializer(event_suggestions(), many=True).data)

    def post(self, request):
        incoming = EventSuggestionConfirmSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        event = event_confirm_suggestion(title=data["title"], claims=data["claims"], summary=data["summary"],
                                         actor=actor_for(request.user))
        return Response(_event_body(event), status=status.HTTP_201_CREATED)
