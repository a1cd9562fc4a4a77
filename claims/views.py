"""API for reports, claims, attributions and reviewers' marks."""
from datetime import datetime
from functools import partial

from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, renderers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from claims.claimreview import claim_review
from claims.exporting import EXPORTS
from claims.filters import AssessmentFilter, ClaimExportFilter, ClaimFilter, DocumentFilter
from claims.history import claim_as_of, claim_history
from claims.models import LISTED_CLAIMS, Assessment, Attribution, Claim
from claims.selectors import (
    assessment_list,
    claim_detail,
    claim_list,
    claim_neighbours,
    document_claims,
    document_detail,
    document_list,
    document_revisions,
    latest_mark_at,
    verdicts_of,
)
from claims.serializers import (
    AssessmentCreatedSerializer,
    AssessmentCreateSerializer,
    AssessmentSerializer,
    AssessmentWithdrawnSerializer,
    AttributionSerializer,
    AttributionUpdateSerializer,
    AttributionWriteSerializer,
    ClaimCorrectSerializer,
    ClaimDetailSerializer,
    ClaimSerializer,
    DocumentCorrectSerializer,
    DocumentDetailSerializer,
    DocumentRevisionSerializer,
    DocumentSerializer,
    HistoryEntrySerializer,
    IngestFileSerializer,
    IngestSerializer,
    IngestTextSerializer,
    ReasonSerializer,
)
from claims.services import (
    assessment_record,
    assessment_withdraw,
    attribution_add,
    attribution_remove,
    attribution_update,
    claim_correct,
    report_correct,
    report_ingest,
)
from config import params
from config.api import CountedPaginator, IgnoreFormatParameter, PageNumberPagination, error_responses
from config.errors import DomainError
from config.formats import JSONParser
from ledger.bundles import bundle_of
from ledger.serializers import AuditBundleSerializer
from ledger.services import actor_for
from people.permissions import CanEdit, CanMark, RoleAccess
from sources.models import Document
from sources.services import document_withdraw

AS_OF = OpenApiParameter("as_of", OpenApiTypes.DATETIME, description="Replay the ledger: the claim's status, "
                         "verdict and marks as they stood at this moment (ISO 8601; UTC when no offset).")


def _claim_response(pk: int, as_of: datetime | None = None, status_code=status.HTTP_200_OK) -> Response:
    """Serialize one claim with its sentence context, marks and verdict (replayed from the ledger for as_of)."""
    claim = claim_detail(pk)
    if as_of is None:
        verdict = verdicts_of([claim])[claim.pk]
        marks, standing = claim.assessments.all(), {"status": claim.status, "reason": verdict.reason}
    else:
        replay = claim_as_of(claim, as_of)
        marks, standing = replay["marks"], {"status": replay["status"], "reason": replay["reason"]}
    context = {"neighbours": claim_neighbours(claim), "marks": marks, "verdict": standing, "as_of": as_of}
    return Response(ClaimDetailSerializer(claim, context=context).data, status=status_code)


def _document_body(request, pk: int) -> dict:
    """A report with one page of its claims: a report of thousands of claims is never inlined whole."""
    document = document_detail(pk)
    pager = PageNumberPagination()
    page = pager.paginate_queryset(document_claims(document), request)
    context = {"claims": page, "claims_next": pager.get_next_link(), "claims_previous": pager.get_previous_link()}
    return DocumentDetailSerializer(document, context=context).data


class JSONLDRenderer(renderers.JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


BAD_FORMAT = "format must be csv, jsonl or claimreview."
EXPORT_FORMAT = OpenApiParameter("format", str, enum=list(EXPORTS), default="csv",
                                 description="csv (one row per claim), jsonl (one claim per line, as in "
                                             "/api/claims/) or claimreview (a JSON-LD array of ClaimReview).")
EXPORT_RESPONSES = {
    (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="format=csv"),
    (200, "application/x-ndjson"): OpenApiResponse(OpenApiTypes.STR, description="format=jsonl"),
    (200, "application/ld+json"): OpenApiResponse({"type": "array", "items": {"type": "object"}},
                                                  description="format=claimreview: a JSON-LD array"),
}
_FILTER_TYPES = {"NumberFilter": int, "DateFilter": OpenApiTypes.DATE}


def _filter_parameters(filterset) -> list[OpenApiParameter]:
    """Describe a FilterSet's query parameters for a view that is not a plain list."""
    params = []
    for name, field in filterset.base_filters.items():
        choices = [value for value, _ in field.extra.get("choices", [])] or None
        kind = _FILTER_TYPES.get(type(field).__name__, str)
        params.append(OpenApiParameter(name, kind, enum=choices, description=str(field.label or name)))
    return params


@extend_schema_view(
    get=extend_schema(summary="List reports", responses={200: DocumentSerializer(many=True), **error_responses(400)}),
    post=extend_schema(
        summary="Ingest a report (editors)", request={"application/json": IngestTextSerializer,
                                                      "multipart/form-data": IngestFileSerializer},
        description="JSON with `text`, or a multipart upload of a UTF-8 `.txt` file in `file`. 201 with the stored "
                    "report and its claims; 200 with the existing report when the same text was ingested before.",
        responses={201: DocumentDetailSerializer, 200: DocumentDetailSerializer,
                   **error_responses(400, 413, 415, 429)}),
)
class DocumentListView(RoleAccess, generics.ListCreateAPIView):
    """GET lists reports (filters: outlet, published_after/before, q on title); POST ingests one."""

    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        return document_list()

    def create(self, request, *args, **kwargs):
        incoming = IngestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        fields = dict(incoming.validated_data)
        text = fields.pop("file", None) or fields.pop("text")
        result = report_ingest(text=text, actor=actor_for(request.user), ingested_by=request.user, **fields)
        body = _document_body(request, result.document.pk)
        return Response(body, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK)


@extend_schema(summary="Every text of a report, newest first", responses={
    200: DocumentRevisionSerializer(many=True), **error_responses(404)})
class DocumentRevisionsView(RoleAccess, generics.GenericAPIView):
    """The report's current text and each text the outlet has since revised, with hashes and times."""

    serializer_class = DocumentRevisionSerializer
    queryset = Document.objects.all()
    pagination_class = None

    def get(self, request, pk):
        document = get_object_or_404(self.get_queryset(), pk=pk)
        return Response(DocumentRevisionSerializer(document_revisions(document), many=True).data)


@extend_schema_view(
    get=extend_schema(summary="A report with its claims in order",
                      responses={200: DocumentDetailSerializer, **error_responses(404)}),
    patch=extend_schema(summary="Correct a report's headline, outlet, address, date or byline (editors)",
                        request=DocumentCorrectSerializer,
                        responses={200: DocumentDetailSerializer, **error_responses(400, 404, 429)}),
)
class DocumentDetailView(RoleAccess, generics.GenericAPIView):
    """A report's text and its claims, each with its attributions; editors correct its metadata with a reason."""

    serializer_class = DocumentDetailSerializer
    http_method_names = ["get", "patch", "options"]

    def get(self, request, pk):
        return Response(_document_body(request, pk))

    def patch(self, request, pk):
        document = get_object_or_404(Document, pk=pk)
        incoming = DocumentCorrectSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        report_correct(document=document, actor=actor_for(request.user), **incoming.validated_data)
        return Response(_document_body(request, pk))


@extend_schema(summary="Withdraw a report (editors)", request=ReasonSerializer,
               responses={200: DocumentSerializer, **error_responses(400, 404, 409, 429)})
class DocumentWithdrawView(RoleAccess, generics.GenericAPIView):
    """Withdraw a report: its claims leave lists and search, stay at their addresses, marked withdrawn."""

    serializer_class = DocumentSerializer

    def post(self, request, pk):
        document = get_object_or_404(Document, pk=pk)
        incoming = ReasonSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        document_withdraw(document=document, actor=actor_for(request.user), reason=incoming.validated_data["reason"])
        return Response(DocumentSerializer(document_list().get(pk=pk)).data)


class ClaimPagination(PageNumberPagination):
    """Pages of claims; a ranked search adds `search`: its bound, and whether that many matched."""

    def paginate_queryset(self, queryset, request, view=None):
        self.filterset = getattr(view, "filterset", None)
        bounded = self.filterset is not None and self.filterset.bound
        # A ranked search knows how many claims it ranked: the page need not count them again.
        self.django_paginator_class = partial(CountedPaginator, count=self.filterset.ranked) if bounded else Paginator
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        if self.filterset is not None and self.filterset.bound:
            response.data["search"] = {"bound": self.filterset.bound, "reached": self.filterset.reached}
        return response

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["search"] = {
            "type": "object", "description": "With q ordered by rank: the newest `bound` matching claims are "
            "ranked; `reached` says that many matched, so older claims may match too (narrow the search, or export)",
            "properties": {"bound": {"type": "integer", "example": 1000}, "reached": {"type": "boolean"}}}
        return paginated


@extend_schema(summary="Search and filter claims", responses={200: ClaimSerializer(many=True), **error_responses(400)})
class ClaimListView(RoleAccess, generics.ListAPIView):
    """Claims with their anchor, report, attributions and mark counts; see the parameters for the filters."""

    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter
    pagination_class = ClaimPagination

    def get_queryset(self):
        return claim_list().filter(LISTED_CLAIMS)

    def filter_queryset(self, queryset):
        """DjangoFilterBackend's own steps, keeping the filterset: the page says how a search was bounded."""
        self.filterset = DjangoFilterBackend().get_filterset(self.request, queryset, self)
        if not self.filterset.is_valid():
            raise translate_validation(self.filterset.errors)
        return self.filterset.qs


@extend_schema_view(
    get=extend_schema(summary="A claim, its context, marks and verdict", parameters=[AS_OF],
                      responses={200: ClaimDetailSerializer, **error_responses(400, 404)}),
    patch=extend_schema(summary="Correct a claim's text or span (editors)", request=ClaimCorrectSerializer,
                        responses={200: ClaimDetailSerializer, **error_responses(400, 404, 429)}),
)
class ClaimDetailView(RoleAccess, generics.GenericAPIView):
    """GET shows a claim now, or as it stood at ?as_of=; PATCH re-anchors it to the report's own words."""

    serializer_class = ClaimDetailSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get(self, request, pk):
        return _claim_response(pk, params.parse_moment(request.query_params.get("as_of"), "as_of"))

    def patch(self, request, pk):
        claim = get_object_or_404(Claim.objects.select_related("document"), pk=pk)
        incoming = ClaimCorrectSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        claim_correct(claim=claim, actor=actor_for(request.user), **incoming.validated_data)
        return _claim_response(pk)


@extend_schema(summary="Attribute a claim to another source (editors)", request=AttributionWriteSerializer,
               responses={201: AttributionSerializer, **error_responses(400, 404, 429)})
class ClaimAttributionsView(RoleAccess, generics.GenericAPIView):
    """Add an attribution to a claim, as an editor correcting the extractor."""

    serializer_class = AttributionSerializer

    def post(self, request, pk):
        claim = get_object_or_404(Claim, pk=pk)
        incoming = AttributionWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        attribution = attribution_add(claim=claim, actor=actor_for(request.user), **incoming.validated_data)
        return Response(AttributionSerializer(attribution).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    patch=extend_schema(summary="Correct an attribution (editors)", request=AttributionUpdateSerializer,
                        responses={200: AttributionSerializer, **error_responses(400, 404, 429)}),
    delete=extend_schema(summary="Remove a wrong attribution (editors)",
                         parameters=[OpenApiParameter("reason", str, description="Why; kept in the ledger.")],
                         responses={204: None, **error_responses(404, 429)}),
)
class AttributionDetailView(RoleAccess, generics.GenericAPIView):
    """PATCH corrects an attribution's source, cue, stance, outlet spoken to or hedge; DELETE removes it."""

    serializer_class = AttributionSerializer
    http_method_names = ["patch", "delete", "options"]

    def _attribution(self, pk) -> Attribution:
        return get_object_or_404(Attribution.objects.select_related("claim", "source"), pk=pk)

    def patch(self, request, pk):
        attribution = self._attribution(pk)
        incoming = AttributionUpdateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        attribution = attribution_update(attribution=attribution, actor=actor_for(request.user),
                                         **incoming.validated_data)
        return Response(AttributionSerializer(attribution).data)

    def delete(self, request, pk):
        attribution = self._attribution(pk)
        body = request.data if isinstance(request.data, dict) else {}
        reason = params.check_text(str(body.get("reason") or request.query_params.get("reason", "")), "reason")
        attribution_remove(attribution=attribution, actor=actor_for(request.user), reason=reason)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(summary="A claim's ledger history", responses={200: HistoryEntrySerializer(many=True),
                                                               **error_responses(404)})
class ClaimHistoryView(RoleAccess, generics.ListAPIView):
    """Every ledger entry of the claim, of its attributions (removed ones too) and of its marks, oldest first."""

    serializer_class = HistoryEntrySerializer
    filter_backends = []

    def get_queryset(self):
        return claim_history(get_object_or_404(Claim, pk=self.kwargs["pk"]))


@extend_schema(summary="A claim's audit bundle: its entries with inclusion proofs against one signed checkpoint",
               responses={200: AuditBundleSerializer, **error_responses(404, 409)})
class ClaimAuditBundleView(RoleAccess, generics.GenericAPIView):
    """Every entry about the claim (its own, its attributions', its marks'), each with its Merkle inclusion proof
    against the newest signed checkpoint, and that checkpoint: `python ledger/verify.py bundle.json` checks it."""

    filter_backends = []

    def get(self, request, pk):
        claim = get_object_or_404(Claim, pk=pk)
        return Response(bundle_of(claim_history(claim), subject={"object_type": "claim", "object_id": str(pk)}))


@extend_schema(summary="Mark a claim (reviewers)", request=AssessmentCreateSerializer,
               responses={201: AssessmentCreatedSerializer, **error_responses(400, 404, 429)})
class ClaimAssessmentsView(RoleAccess, generics.GenericAPIView):
    """Record that a source corroborates, disputes or denies the claim; answers the claim's new standing."""

    serializer_class = AssessmentCreatedSerializer
    write_permission = CanMark

    def post(self, request, pk):
        claim = get_object_or_404(Claim, pk=pk)
        incoming = AssessmentCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        mark = assessment_record(claim=claim, reviewer=request.user, actor=actor_for(request.user),
                                 **incoming.validated_data)
        standing = {"id": claim.pk, "status": mark.verdict.status, "verdict_reason": mark.verdict.reason}
        body = AssessmentCreatedSerializer(mark.assessment, context={"standing": standing}).data
        return Response(body, status=status.HTTP_201_CREATED)


class MarkOwnerOrEditor(BasePermission):
    """A mark is withdrawn by the reviewer who made it, or by an editor."""

    message = "Only the reviewer who made this mark, or an editor, can withdraw it."

    def has_permission(self, request, view):
        return CanMark().has_permission(request, view)

    def has_object_permission(self, request, view, mark):
        return mark.reviewer_id == request.user.pk or CanEdit().has_permission(request, view)


@extend_schema(summary="Withdraw a mark (its reviewer or an editor)", request=ReasonSerializer,
               responses={200: AssessmentWithdrawnSerializer, **error_responses(400, 404, 409, 429)})
class AssessmentWithdrawView(RoleAccess, generics.GenericAPIView):
    """The mark stays on the record, marked withdrawn; the verdict rule stops counting it and says so."""

    serializer_class = AssessmentWithdrawnSerializer
    write_permission = MarkOwnerOrEditor
    queryset = Assessment.objects.select_related("source", "reviewer")

    def post(self, request, pk):
        mark = self.get_object()
        incoming = ReasonSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        result = assessment_withdraw(assessment=mark, actor=actor_for(request.user),
                                     reason=incoming.validated_data["reason"])
        standing = {"id": mark.claim_id, "status": result.verdict.status, "verdict_reason": result.verdict.reason}
        return Response(AssessmentWithdrawnSerializer(result.assessment, context={"standing": standing}).data)


@extend_schema(summary="List reviewers' marks", responses={200: AssessmentSerializer(many=True),
                                                           **error_responses(400)})
class AssessmentListView(RoleAccess, generics.ListAPIView):
    """Marks, newest first (filters: claim, source, stance, reviewer, created_after/before)."""

    serializer_class = AssessmentSerializer
    filterset_class = AssessmentFilter

    def get_queryset(self):
        return assessment_list()


@extend_schema(summary="A claim as schema.org ClaimReview", responses={
    (200, "application/ld+json"): OpenApiResponse(OpenApiTypes.OBJECT, description="ClaimReview JSON-LD."),
    (200, "application/json"): OpenApiResponse(OpenApiTypes.OBJECT, description="The same, as plain JSON."),
    **error_responses(404)})
class ClaimReviewView(RoleAccess, generics.GenericAPIView):
    """The claim's verdict as ClaimReview JSON-LD, ready to publish (mapping in claims/claimreview.py)."""

    # JSON-LD first (what */* and no Accept header get), plain JSON for clients that ask for application/json.
    renderer_classes = [JSONLDRenderer, renderers.JSONRenderer]

    def get(self, request, pk):
        claim = claim_detail(pk)
        review = claim_review(claim, verdicts_of([claim])[pk], reviewed_at=latest_mark_at(claim))
        return Response(review)


@extend_schema(summary="Export claims (csv, jsonl or ClaimReview)",
               parameters=[EXPORT_FORMAT, *_filter_parameters(ClaimFilter)],
               responses=EXPORT_RESPONSES | error_responses(400))
class ClaimExportView(RoleAccess, generics.GenericAPIView):
    """Every claim the filters select, streamed row by row in constant memory; ordering as in /api/claims/."""

    filterset_class = ClaimExportFilter
    content_negotiation_class = IgnoreFormatParameter
    renderer_classes = [renderers.JSONRenderer]

    def get_queryset(self):
        return claim_list().filter(LISTED_CLAIMS)

    def get(self, request):
        chosen = request.query_params.get("format") or "csv"
        if chosen not in EXPORTS:
            raise DomainError(BAD_FORMAT, fields={"format": [BAD_FORMAT]})
        content_type, lines, extension = EXPORTS[chosen]
        claims = self.filter_queryset(self.get_queryset())
        response = StreamingHttpResponse(lines(claims), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="claims.{extension}"'
        return response
