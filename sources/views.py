"""API for the parties that make statements: list, create, correct, merge, and their track record."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response

from config.api import error_responses
from config.errors import DomainError
from ledger.services import actor_for
from people.permissions import CanEdit, RoleAccess
from sources.filters import SourceFilter
from sources.models import Source
from sources.selectors import merge_preview, source_list, source_track_record
from sources.serializers import (
    AliasSerializer,
    MergePreviewSerializer,
    SourceCreateSerializer,
    SourceDetailSerializer,
    SourceMergeSerializer,
    SourceSerializer,
    SourceUpdateSerializer,
)
from sources.services import source_alias_add, source_create, source_merge, source_update


class SourceAccess(RoleAccess):
    """Viewers read; editors write. Writes are throttled."""

    write_permission = CanEdit


def _detail(source_id: int, status_code=status.HTTP_200_OK) -> Response:
    source = get_object_or_404(source_list(), pk=source_id)
    body = SourceDetailSerializer(source, context={"track_record": source_track_record(source)}).data
    return Response(body, status=status_code)


@extend_schema_view(
    get=extend_schema(summary="List sources", responses={200: SourceSerializer(many=True), **error_responses(400)}),
    post=extend_schema(summary="Create a source with its aliases (editors)", request=SourceCreateSerializer,
                       responses={201: SourceDetailSerializer, **error_responses(400, 409, 429)}),
)
class SourceListView(SourceAccess, generics.ListCreateAPIView):
    """GET lists sources (filters: q on name and aliases, kind, affiliation); POST creates one."""

    serializer_class = SourceSerializer
    filterset_class = SourceFilter

    def get_queryset(self):
        return source_list()

    def create(self, request, *args, **kwargs):
        incoming = SourceCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        source = source_create(actor=actor_for(request.user), **incoming.validated_data)
        return _detail(source.pk, status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="A source and its track record", responses={200: SourceDetailSerializer,
                                                                          **error_responses(404)}),
    patch=extend_schema(summary="Correct a source (editors)", request=SourceUpdateSerializer,
                        responses={200: SourceDetailSerializer, **error_responses(400, 404, 409, 429)}),
)
class SourceDetailView(SourceAccess, generics.GenericAPIView):
    """GET shows a source with how its claims stand; PATCH changes its name, kind, description or affiliation."""

    serializer_class = SourceDetailSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        return source_list()

    def get(self, request, pk):
        return _detail(pk)

    def patch(self, request, pk):
        source = get_object_or_404(Source, pk=pk)
        incoming = SourceUpdateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        source_update(source=source, actor=actor_for(request.user), **incoming.validated_data)
        return _detail(pk)


@extend_schema(summary="Merge a duplicate source into another (editors)", request=SourceMergeSerializer,
               responses={200: SourceDetailSerializer, **error_responses(400, 404, 409, 429)})
class SourceMergeView(SourceAccess, generics.GenericAPIView):
    """Fold this source into `into`: its name becomes an alias there and its claims and marks move with it."""

    serializer_class = SourceMergeSerializer
    queryset = Source.objects.all()

    def post(self, request, pk):
        source = get_object_or_404(Source, pk=pk)
        incoming = SourceMergeSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        survivor = source_merge(source=source, actor=actor_for(request.user), **incoming.validated_data)
        return _detail(survivor.pk)


INTO_REQUIRED = "Say which source to merge into: ?into=ID."


@extend_schema(summary="What a merge would move, before it is made", responses={
    200: MergePreviewSerializer, **error_responses(400, 404)},
    parameters=[OpenApiParameter("into", int, required=True, description="Id of the source that would survive.")])
class SourceMergePreviewView(SourceAccess, generics.GenericAPIView):
    """Count what merging this source into `into` would move; nothing is written."""

    serializer_class = MergePreviewSerializer
    queryset = Source.objects.all()

    def get(self, request, pk):
        source = get_object_or_404(Source, pk=pk)
        into_id = request.query_params.get("into", "")
        if not into_id.isdigit():
            raise DomainError(INTO_REQUIRED, fields={"into": [INTO_REQUIRED]})
        into = get_object_or_404(Source, pk=int(into_id))
        return Response(MergePreviewSerializer(merge_preview(source, into)).data)


@extend_schema(summary="Give a source another name (editors)", request=AliasSerializer,
               responses={201: SourceDetailSerializer, **error_responses(400, 404, 409, 429)})
class SourceAliasView(SourceAccess, generics.GenericAPIView):
    """Add an alias the source can be found by; a name held by another source is refused (409)."""

    serializer_class = AliasSerializer
    queryset = Source.objects.all()

    def post(self, request, pk):
        source = get_object_or_404(Source, pk=pk)
        incoming = AliasSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        source_alias_add(source=source, actor=actor_for(request.user), **incoming.validated_data)
        return _detail(source.pk, status.HTTP_201_CREATED)
