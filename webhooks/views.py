"""API for webhook endpoints (admins only) and their delivery logs."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from config.api import WriteThrottle, error_responses
from ledger.services import actor_for
from people.roles import ADMIN, has_role
from webhooks import selectors, services
from webhooks.filters import DeliveryFilter
from webhooks.models import Endpoint
from webhooks.serializers import (
    DeliverySerializer,
    EndpointCreatedSerializer,
    EndpointSerializer,
    EndpointUpdateSerializer,
    EndpointWriteSerializer,
)

SIGNING = ("Each delivery is a POST of JSON `{\"event\", \"seq\", \"hash\", \"time\", \"data\"}` (or, in the slack "
           "format, `{\"text\", \"seq\", \"hash\"}`) with the header `X-ClaimLedger-Signature: t=<unix time>,"
           "v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the secret>`; `seq` and `hash` name the ledger entry. "
           "Sent in the background after the change commits, retried with back-off on anything but 2xx.")


class CanManageWebhooks(BasePermission):
    """Webhooks send the newsroom's record elsewhere: only admins register them or read their logs."""

    message = "Only admins can manage webhooks."

    def has_permission(self, request, view):
        return has_role(request.user, ADMIN)


class AdminOnly:
    permission_classes = [CanManageWebhooks]
    throttle_classes = [WriteThrottle]


@extend_schema_view(
    get=extend_schema(summary="List webhook endpoints (admins)",
                      responses={200: EndpointSerializer(many=True), **error_responses()}),
    post=extend_schema(summary="Register a webhook endpoint (admins)", request=EndpointWriteSerializer,
                       description=SIGNING + " URLs must be https to a public address.",
                       responses={201: EndpointCreatedSerializer, **error_responses(400, 429, 415)}),
)
class EndpointListView(AdminOnly, generics.ListCreateAPIView):
    """GET lists endpoints (secrets hidden); POST registers one and shows its secret once."""

    serializer_class = EndpointSerializer
    filter_backends = []

    def get_queryset(self):
        return selectors.endpoint_list()

    def create(self, request, *args, **kwargs):
        incoming = EndpointWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        endpoint = services.endpoint_create(created_by=request.user, actor=actor_for(request.user),
                                            **incoming.validated_data)
        return Response(EndpointCreatedSerializer(endpoint).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="A webhook endpoint (admins)", responses={200: EndpointSerializer,
                                                                        **error_responses(404)}),
    patch=extend_schema(summary="Change a webhook endpoint (admins)", request=EndpointUpdateSerializer,
                        description="`active: false` stops deliveries at once, those already queued included.",
                        responses={200: EndpointSerializer, **error_responses(400, 404, 429, 415)}),
)
class EndpointDetailView(AdminOnly, generics.GenericAPIView):
    """GET shows an endpoint; PATCH changes its URL, events, format, secret or active flag."""

    serializer_class = EndpointSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def _endpoint(self, pk) -> Endpoint:
        return get_object_or_404(selectors.endpoint_list(), pk=pk)

    def get(self, request, pk):
        return Response(EndpointSerializer(self._endpoint(pk)).data)

    def patch(self, request, pk):
        incoming = EndpointUpdateSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        services.endpoint_update(endpoint=self._endpoint(pk), actor=actor_for(request.user), **incoming.validated_data)
        return Response(EndpointSerializer(self._endpoint(pk)).data)


@extend_schema(summary="An endpoint's deliveries, newest first (admins)",
               responses={200: DeliverySerializer(many=True), **error_responses(400, 404)})
class DeliveryListView(AdminOnly, generics.ListAPIView):
    """Each delivery with its status and every attempt's response code or error."""

    serializer_class = DeliverySerializer
    filterset_class = DeliveryFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator names no endpoint
            return selectors.deliveries_of(None).none()
        return selectors.deliveries_of(get_object_or_404(Endpoint, pk=self.kwargs["pk"]))
