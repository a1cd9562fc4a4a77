"""Filters of /api/claims/, /api/documents/ and /api/assessments/ (and of the desk's search page)."""
import django_filters
from django import forms
from django.db.models import Exists, OuterRef

from claims.models import Assessment, AssessmentStance, Attribution, Claim, Stance, Status, Voice
from claims.search import SEARCH_BOUND, claims_matching, newest_matches
from config import params
from sources.models import Document, SourceKind

RANK_NEEDS_Q = "Ordering by rank needs a search: add q=…"
# Filters that speak of one attribution: applied together, so source=3&stance=deny means "3 denies it".
ATTRIBUTION_FILTERS = {"source": "source_id", "source_kind": "source__kind", "stance": "stance"}


class ClaimFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        ordering = [field.lstrip("-") for field in data.get("ordering") or []]
        if "rank" in ordering and not data.get("q"):
            raise forms.ValidationError({"ordering": RANK_NEEDS_Q})
        return data


class StableOrderingFilter(django_filters.OrderingFilter):
    """Order as asked, then by id, so pages never repeat or skip a row."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


class ClaimFilter(django_filters.FilterSet):
    """The claims list's filters. A ranked search (q, ordered by rank: the default) ranks the newest SEARCH_BOUND
    matches that pass every other filter, and says so in `bound`; an export takes every match (ranks_all)."""

    ranks_all = False
    bound: int | None = None  # set by filter_queryset: SEARCH_BOUND when the search was ranked among the newest
    ranked: int | None = None  # and how many claims it ranked, which is the count of the results
    q = params.CharFilter(method="search", label="Full-text search of the claim's words (stemmed, "
                                                         "ranked); \"phrases\" and -excluded words allowed")
    status = django_filters.ChoiceFilter(choices=Status.choices, label="Status from reviewers' marks")
    source = params.IntegerFilter(method="by_attribution", label="Id of a source the claim is attributed to")
    source_kind = django_filters.ChoiceFilter(choices=SourceKind.choices, method="by_attribution",
                                              label="Kind of a source the claim is attributed to")
    stance = django_filters.ChoiceFilter(choices=Stance.choices, method="by_attribution",
                                         label="Stance of an attribution (with source: that source's stance)")
    voice = django_filters.ChoiceFilter(choices=Voice.choices, label="Attributed, or the reporter's own voice")
    document = params.IntegerFilter(field_name="document_id", label="Id of the report")
    outlet = params.IntegerFilter(field_name="document__outlet_id", label="Id of the publishing outlet")
    published_after = params.DateFilter(field_name="document__published_at", lookup_expr="date__gte",
                                                label="Report published on or after (YYYY-MM-DD)")
    published_before = params.DateFilter(field_name="document__published_at", lookup_expr="date__lte",
                                                 label="Report published on or before (YYYY-MM-DD)")
    ordering = StableOrderingFilter(
        fields=[("position", "position"), ("document__published_at", "published"), ("status", "status"),
                ("created_at", "created"), ("rank", "rank")],
        label="Order by position, published, status, created or rank (with q); prefix - to reverse")

    class Meta:
        model = Claim
        form = ClaimFilterForm
        fields = ["q", "status", "source", "source_kind", "stance", "voice", "document", "outlet",
                  "published_after", "published_before", "ordering"]

    def search(self, queryset, name, value):
        """Full-text match; best matches first unless another ordering is asked for."""
        matched = claims_matching(queryset, value)
        return matched if self.form.cleaned_data.get("ordering") else matched.order_by("-rank", "-pk")

    def by_attribution(self, queryset, name, value):
        """Applied once for all attribution filters together, in filter_queryset()."""
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        wanted = {ATTRIBUTION_FILTERS[name]: self.form.cleaned_data[name] for name in ATTRIBUTION_FILTERS
                  if self.form.cleaned_data.get(name) not in (None, "")}
        if wanted:
            queryset = queryset.filter(Exists(Attribution.objects.filter(claim=OuterRef("pk"), **wanted)))
        self.bound = SEARCH_BOUND if self._ranks_search() and not self.ranks_all else None
        if self.bound:
            queryset, self.ranked = newest_matches(self.queryset, queryset, self.form.cleaned_data["q"], self.bound)
        return queryset

    @property
    def reached(self) -> bool:
        """Whether a bounded search matched as many claims as it ranks, so older claims may match too."""
        return bool(self.bound) and self.ranked >= self.bound

    def _ranks_search(self) -> bool:
        """True for a search ordered by how well claims match: the default with q, or ordering=rank."""
        data = self.form.cleaned_data
        return bool(data.get("q")) and (data.get("ordering") or ["rank"])[0].lstrip("-") == "rank"


class ClaimExportFilter(ClaimFilter):
    """The export's filters: the same as the list's, but a search exports every match, ranked."""

    ranks_all = True


class DocumentFilter(django_filters.FilterSet):
    outlet = params.IntegerFilter(field_name="outlet_id", label="Id of the publishing outlet")
    published_after = params.DateFilter(field_name="published_at", lookup_expr="date__gte",
                                                label="Published on or after (YYYY-MM-DD)")
    published_before = params.DateFilter(field_name="published_at", lookup_expr="date__lte",
                                                 label="Published on or before (YYYY-MM-DD)")
    q = params.CharFilter(field_name="title", lookup_expr="icontains", label="Words in the title")

    class Meta:
        model = Document
        fields = ["outlet", "published_after", "published_before", "q"]


class AssessmentFilter(django_filters.FilterSet):
    claim = params.IntegerFilter(field_name="claim_id", label="Id of the claim marked")
    source = params.IntegerFilter(field_name="source_id", label="Id of the source the mark is about")
    stance = django_filters.ChoiceFilter(choices=AssessmentStance.choices, label="corroborates, disputes or denies")
    reviewer = params.CharFilter(field_name="reviewer__username", label="Username of the reviewer")
    created_after = params.DateTimeFilter(field_name="created_at", lookup_expr="gte",
                                                     label="Marked at or after (ISO 8601)")
    created_before = params.DateTimeFilter(field_name="created_at", lookup_expr="lte",
                                                      label="Marked at or before (ISO 8601)")

    class Meta:
        model = Assessment
        fields = ["claim", "source", "stance", "reviewer", "created_after", "created_before"]
