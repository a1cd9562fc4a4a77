"""API: queue many reports for background ingest, and follow a batch's progress."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from batches.models import Batch
from batches.selectors import batch_progress
from batches.serializers import BatchCreateSerializer, BatchSerializer
from batches.services import batch_queue
from config.api import error_responses
from ledger.services import actor_for
from people.permissions import RoleAccess


def _batch_response(batch: Batch, status_code=status.HTTP_200_OK) -> Response:
    return Response(BatchSerializer((batch, batch_progress(batch))).data, status=status_code)


@extend_schema(
    summary="Queue many reports for background ingest (editors)",
    request={"application/json": BatchCreateSerializer, "multipart/form-data": BatchCreateSerializer},
    description="JSON `reports` (each with `text`, and optionally `title`, `outlet`, `url`, `published_at`), or "
                "multipart `files`: .txt files and/or .zip archives of them. Answers 202 at once with the batch; "
                "one background task per report stores it. A file that cannot be read is listed as failed with "
                "its reason. Needs the Celery broker (503 without it).",
    responses={202: BatchSerializer, **error_responses(400, 413, 415, 429, 503)},
)
class BatchCreateView(RoleAccess, generics.GenericAPIView):
    serializer_class = BatchCreateSerializer
    parser_classes = [JSONParser, MultiPartParser]

    def post(self, request):
        incoming = BatchCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        batch = batch_queue(reports=incoming.queued(), actor=actor_for(request.user), user=request.user)
        return _batch_response(batch, status.HTTP_202_ACCEPTED)


@extend_schema(summary="A batch's progress", responses={200: BatchSerializer, **error_responses(404)})
class BatchDetailView(RoleAccess, generics.GenericAPIView):
    serializer_class = BatchSerializer

    def get(self, request, pk):
        return _batch_response(get_object_or_404(Batch, pk=pk))
