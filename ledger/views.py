"""The ledger's read-only API: entries, export, verification, head, public key, checkpoints."""
from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils.module_loading import import_string
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, pagination, throttling
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api import IgnoreFormatParameter
from config.errors import DomainError, NotFound
from ledger import selectors
from ledger.canonical import GENESIS_HASH
from ledger.exporting import FORMATS, checkpoint_lines, export_lines
from ledger.filters import LedgerEntryFilter
from ledger.keys import signing_key
from ledger.privacy import sees_private
from ledger.serializers import (
    LedgerCheckpointSerializer,
    LedgerEntrySerializer,
    LedgerHeadSerializer,
    PublicKeySerializer,
    VerifyResultSerializer,
)
from ledger.verification import verify_ledger

NO_KEY = "No signing key is configured (LEDGER_SIGNING_KEY_FILE), so there is no public key and no checkpoint."
BAD_FORMAT = "Unknown export format {fmt!r}; use jsonl or csv."
TEXT_RESPONSE = OpenApiResponse(OpenApiTypes.STR, description="One entry per line, streamed")


class LedgerReadAccess:
    """View mixin: settings.LEDGER_READ_PERMISSION_CLASSES decides who reads, since the ledger knows no roles."""

    def get_permissions(self):
        return [import_string(path)() for path in settings.LEDGER_READ_PERMISSION_CLASSES]


class SeqCursorPagination(pagination.CursorPagination):
    """Stable pages of a growing log: a cursor on seq, never an offset."""

    ordering = "seq"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class SizeCursorPagination(SeqCursorPagination):
    ordering = "size"


class LedgerEntryList(LedgerReadAccess, generics.ListAPIView):
    """List entries oldest first, filtered by object, actor, action, time or seq range."""

    serializer_class = LedgerEntrySerializer
    filterset_class = LedgerEntryFilter
    pagination_class = SeqCursorPagination

    def get_queryset(self):
        return selectors.entries()


@extend_schema(
    parameters=[OpenApiParameter("format", str, enum=list(FORMATS), default="jsonl", description="jsonl or csv")],
    responses={(200, "application/x-ndjson"): TEXT_RESPONSE, (200, "text/csv"): TEXT_RESPONSE},
    filters=True,
)
class LedgerExport(LedgerReadAccess, generics.GenericAPIView):
    """Stream the (filtered) entries as JSON lines or CSV, the files ledger/verify.py checks."""

    filterset_class = LedgerEntryFilter
    content_negotiation_class = IgnoreFormatParameter
    pagination_class = None

    def get_queryset(self):
        return selectors.entries()

    def get(self, request):
        fmt = request.query_params.get("format", "jsonl")
        if fmt not in FORMATS:
            raise DomainError(BAD_FORMAT.format(fmt=fmt), fields={"format": [BAD_FORMAT.format(fmt=fmt)]})
        queryset = self.filter_queryset(self.get_queryset())
        lines = export_lines(queryset, fmt, full_payloads=sees_private(request.user))
        response = StreamingHttpResponse(lines, content_type=f"{FORMATS[fmt]}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="ledger.{fmt}"'
        return response


class VerifyThrottle(throttling.UserRateThrottle):
    """A verification reads the whole ledger (and with reconcile, every recorded table): a few a minute per user."""

    scope = "ledger_verify"


class LedgerVerify(LedgerReadAccess, APIView):
    """Recompute the chain and check it against the head row and the signed checkpoints."""

    throttle_classes = [VerifyThrottle]

    @extend_schema(
        parameters=[OpenApiParameter("reconcile", bool, description="also compare live rows with the ledger")],
        responses=VerifyResultSerializer,
    )
    def get(self, request):
        reconcile = request.query_params.get("reconcile", "").lower() in {"1", "true", "yes"}
        return Response(verify_ledger(reconcile=reconcile))


class LedgerHeadView(LedgerReadAccess, APIView):
    """The newest entry's seq and hash, with the latest signed checkpoint: archive these."""

    @extend_schema(responses=LedgerHeadSerializer)
    def get(self, request):
        head = selectors.head()
        data = {"seq": head.seq if head else 0, "hash": head.hash if head else GENESIS_HASH,
                "checkpoint": selectors.latest_checkpoint()}
        return Response(LedgerHeadSerializer(data).data)


class LedgerPublicKey(LedgerReadAccess, APIView):
    """The Ed25519 public key that checkpoint signatures verify under."""

    @extend_schema(responses={200: PublicKeySerializer, 404: OpenApiResponse(description="no key configured")})
    def get(self, request):
        key = signing_key()
        if key is None:
            raise NotFound(NO_KEY)
        return Response({"key_id": key.key_id, "public_key": key.public_pem})


class LedgerCheckpointList(LedgerReadAccess, generics.ListAPIView):
    """Signed checkpoints, smallest first."""

    serializer_class = LedgerCheckpointSerializer
    pagination_class = SizeCursorPagination
    filter_backends = []

    def get_queryset(self):
        return selectors.checkpoints()


class LedgerCheckpointExport(LedgerReadAccess, APIView):
    """Every signed checkpoint as JSON lines, the file verify.py --checkpoints reads."""

    @extend_schema(responses={(200, "application/x-ndjson"): TEXT_RESPONSE})
    def get(self, request):
        response = StreamingHttpResponse(checkpoint_lines(selectors.checkpoints()),
                                         content_type="application/x-ndjson; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="checkpoints.jsonl"'
        return response
