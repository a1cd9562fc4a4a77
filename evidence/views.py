"""API for evidence: upload, list, make public or private, download as an attachment."""
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from config.api import error_responses
from evidence import media
from evidence.models import EvidenceItem
from evidence.selectors import evidence_list
from evidence.serializers import EvidenceChangeSerializer, EvidenceItemSerializer, EvidenceUploadSerializer
from evidence.services import evidence_add, evidence_set_public
from ledger.services import actor_for
from people.permissions import CanMark, RoleAccess

NO_FILE = "This evidence item is a URL only; it has no file to download."
# A download is never a page: no script, no plugin, no frame, whatever the bytes are.
DOWNLOAD_POLICY = "default-src 'none'; sandbox"


def evidence_download_response(item: EvidenceItem) -> FileResponse:
    """Send an item's bytes as an attachment, under a type no browser will run script in."""
    if not item.sha256:
        raise Http404(NO_FILE)
    response = FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name or item.sha256,
                            content_type=media.served_type(item.media_type))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_POLICY
    response["Digest"] = f"sha-256={item.sha256}"
    return response


class EvidenceListView(RoleAccess, generics.ListCreateAPIView):
    """GET: every evidence item (viewers). POST: upload a file and/or give a URL (reviewers and up)."""

    write_permission = CanMark
    serializer_class = EvidenceItemSerializer
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def get_queryset(self):
        return evidence_list()

    @extend_schema(request={"multipart/form-data": EvidenceUploadSerializer},
                   responses={201: EvidenceItemSerializer, 200: EvidenceItemSerializer,
                              **error_responses(400, 401, 403, 413, 415)})
    def create(self, request, *args, **kwargs):
        form = EvidenceUploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        added = evidence_add(added_by=request.user, actor=actor_for(request.user), upload=form.validated_data.get(
            "file"), url=form.validated_data["url"], public=form.validated_data["public"])
        code = status.HTTP_201_CREATED if added.created else status.HTTP_200_OK
        return Response(EvidenceItemSerializer(added.item).data, status=code)


class EvidenceDetailView(RoleAccess, generics.GenericAPIView):
    """GET: one item. PATCH {"public", "reason"}: show it on public pages or keep it private (reviewers and up)."""

    write_permission = CanMark
    serializer_class = EvidenceItemSerializer

    def get(self, request, pk):
        return Response(EvidenceItemSerializer(get_object_or_404(evidence_list(), pk=pk)).data)

    @extend_schema(request=EvidenceChangeSerializer, responses={200: EvidenceItemSerializer,
                                                                **error_responses(400, 401, 403, 404)})
    def patch(self, request, pk):
        item = get_object_or_404(evidence_list(), pk=pk)
        form = EvidenceChangeSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        item = evidence_set_public(item=item, actor=actor_for(request.user), **form.validated_data)
        return Response(EvidenceItemSerializer(item).data)


class EvidenceDownloadView(RoleAccess, generics.GenericAPIView):
    """GET: the item's file, as a download (Content-Disposition: attachment), with its SHA-256 in a header."""

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY),
                              **error_responses(401, 403, 404)})
    def get(self, request, pk):
        return evidence_download_response(get_object_or_404(EvidenceItem.objects.all(), pk=pk))
