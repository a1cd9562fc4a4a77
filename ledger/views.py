"""The ledger's read-only API: entries, export, verification, head, public key, checkpoints."""
from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.module_loading import import_string
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, pagination, throttling
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api import IgnoreFormatParameter, error_responses
from config.errors import DomainError, NotFound
from ledger import merkle, selectors
from ledger.bundles import cosigned_note, latest_checkpoint
from ledger.canonical import GENESIS_HASH
from ledger.exporting import FORMATS, checkpoint_lines, export_lines
from ledger.filters import LedgerEntryFilter
from ledger.keys import signing_key
from ledger.privacy import sees_private
from ledger.serializers import (
    ConsistencyProofSerializer,
    CosignatureInSerializer,
    CosignatureOutSerializer,
    InclusionProofSerializer,
    LedgerCheckpointSerializer,
    LedgerEntrySerializer,
    LedgerHeadSerializer,
    PublicKeySerializer,
    VerifyResultSerializer,
)
from ledger.verification import verify_ledger
from ledger.witnesses import cosignature_add

NO_NOTE = "No C2SP checkpoint has been signed yet."
BAD_NUMBER = "{name} must be a whole number between 1 and {high}."
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
        try:
            key = signing_key()
        except (OSError, ValueError, TypeError) as exc:
            raise DomainError(f"The signing key cannot be read: {exc}", code="ledger_unavailable", status=503) \
                from None
        if key is None:
            raise NotFound(NO_KEY)
        origin = settings.LEDGER_ORIGIN
        return Response({"key_id": key.note_key_id(origin), "legacy_key_id": key.key_id, "origin": origin,
                         "public_key": key.public_pem, "vkey": key.vkey(origin)})


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


class LedgerCheckpointNote(LedgerReadAccess, APIView):
    """The newest checkpoint as the C2SP signed note itself, witness cosignatures as further signature lines."""

    @extend_schema(responses={(200, "text/plain"): OpenApiTypes.STR, **error_responses(404)})
    def get(self, request):
        checkpoint = latest_checkpoint()
        if checkpoint is None:
            raise NotFound(NO_NOTE)
        return HttpResponse(cosigned_note(checkpoint), content_type="text/plain; charset=utf-8")


def _number(request, name: str, *, high: int, default: int | None = None) -> int:
    """A query parameter between 1 and high, or a 400 naming it."""
    raw = request.query_params.get(name)
    if raw is None and default is not None:
        return default
    message = BAD_NUMBER.format(name=name, high=high)
    if raw is None or not raw.isdigit() or not 1 <= int(raw) <= high:
        raise DomainError(message, fields={name: [message]})
    return int(raw)


def _tree_size() -> int:
    head = selectors.head()
    return head.seq if head else 0


class InclusionProofView(LedgerReadAccess, APIView):
    """The RFC 9162 inclusion proof of entry `seq` in the tree of `size` entries (default: the newest checkpoint)."""

    @extend_schema(parameters=[OpenApiParameter("seq", int, required=True), OpenApiParameter("size", int)],
                   responses={200: InclusionProofSerializer, **error_responses(400)})
    def get(self, request):
        newest = latest_checkpoint()
        size = _number(request, "size", high=max(_tree_size(), 1), default=newest.size if newest else None)
        seq = _number(request, "seq", high=size)
        return Response(merkle.inclusion_proof(seq, size))


class ConsistencyProofView(LedgerReadAccess, APIView):
    """The RFC 9162 consistency proof that the tree of `to` entries extends the tree of `from` entries."""

    @extend_schema(parameters=[OpenApiParameter("from", int, required=True), OpenApiParameter("to", int)],
                   responses={200: ConsistencyProofSerializer, **error_responses(400)})
    def get(self, request):
        newest = latest_checkpoint()
        second = _number(request, "to", high=max(_tree_size(), 1), default=newest.size if newest else None)
        first = _number(request, "from", high=second)
        return Response(merkle.consistency_proof(first, second))


class CosignThrottle(throttling.UserRateThrottle):
    scope = "writes"


class CosignatureView(LedgerReadAccess, APIView):
    """Take a witness's cosignature of a checkpoint; only witnesses listed in LEDGER_WITNESSES are accepted."""

    throttle_classes = [CosignThrottle]

    @extend_schema(request=CosignatureInSerializer,
                   responses={201: CosignatureOutSerializer, **error_responses(400, 404, 409, 429)})
    def post(self, request):
        data = CosignatureInSerializer(data=request.data)
        if not data.is_valid():
            raise DomainError("The cosignature is incomplete.", fields=data.errors)
        cosignature = cosignature_add(size=data.validated_data["size"], line=data.validated_data["cosignature"])
        return Response({"size": cosignature.checkpoint.size, "witness": cosignature.witness,
                         "checkpoint": cosigned_note(cosignature.checkpoint)}, status=201)
