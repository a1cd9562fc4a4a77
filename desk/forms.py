"""The desk's forms: ingest a report, mark a claim. They check input; the services decide."""
from datetime import UTC, datetime, time

from django import forms

from claims.models import AssessmentStance
from claims.reports import EMPTY_REPORT, read_upload
from config.errors import DomainError
from sources.models import Source
from sources.services import source_find

PASTE_OR_UPLOAD = "Paste the report or upload its file, not both."
UNKNOWN_SOURCE = "No source is called {name!r}. Pick a name from the list, or ask an editor to add the source."


def _decode_report(upload) -> str:
    """Read an uploaded report with the rules every way in shares (claims/reports.py)."""
    try:
        return read_upload(upload)
    except DomainError as exc:
        raise forms.ValidationError(exc.message) from None


class IngestForm(forms.Form):
    """A report pasted or uploaded, with what the desk knows about where it came from."""

    text = forms.CharField(required=False, strip=False, label="Paste the report",
                           widget=forms.Textarea(attrs={"rows": 8, "placeholder": "AMMAN (Reuters) - …"}))
    file = forms.FileField(required=False, label="or upload the report: a UTF-8 .txt, a saved .html page or a PDF")
    title = forms.CharField(required=False, max_length=500, label="Headline (default: the first sentence)")
    outlet = forms.CharField(required=False, max_length=300, label="Outlet (default: the dateline's credit)")
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https", label="Published at URL")
    published_on = forms.DateField(required=False, label="Publication date",
                                   widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        """Settle on one report text, from the paste box or the file."""
        data = super().clean()
        pasted, upload = data.get("text", ""), data.get("file")
        if upload and pasted.strip():
            raise forms.ValidationError(PASTE_OR_UPLOAD)
        text = _decode_report(upload) if upload else pasted
        if not text.strip():
            raise forms.ValidationError(EMPTY_REPORT)
        data["report"] = text
        return data

    def published_at(self):
        """A publication date means midnight UTC of that day."""
        day = self.cleaned_data.get("published_on")
        return datetime.combine(day, time.min, tzinfo=UTC) if day else None


REASON_HELP = "Recorded in the ledger beside the change."


class WithdrawForm(forms.Form):
    """An editor withdraws a report, saying why."""

    reason = forms.CharField(max_length=2000, label="Why withdraw it", help_text=REASON_HELP)


class DocumentCorrectForm(forms.Form):
    """An editor corrects a report's headline, outlet, address, date or byline, saying why."""

    title = forms.CharField(max_length=500, label="Headline")
    outlet = forms.CharField(max_length=300, label="Outlet")
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https", label="Published at URL")
    published_on = forms.DateField(required=False, label="Publication date",
                                   widget=forms.DateInput(attrs={"type": "date"}))
    byline = forms.CharField(required=False, max_length=300, label="Byline")
    reason = forms.CharField(max_length=2000, label="Why correct it", help_text=REASON_HELP)

    @classmethod
    def for_document(cls, document, data=None) -> "DocumentCorrectForm":
        """The form filled with the report as it stands."""
        day = document.published_at.date() if document.published_at else None
        return cls(data, prefix="correct", initial={"title": document.title, "outlet": document.outlet.name,
                                                    "url": document.url, "published_on": day,
                                                    "byline": document.byline})

    def changes(self) -> dict:
        """The fields as report_correct() takes them."""
        data = dict(self.cleaned_data)
        day = data.pop("published_on")
        data["published_at"] = datetime.combine(day, time.min, tzinfo=UTC) if day else None
        return data


class MarkForm(forms.Form):
    """A reviewer's mark: which source says what about the claim, and the evidence."""

    source = forms.CharField(max_length=300, label="Source",
                             help_text="The party whose statement you checked, e.g. “Syrian Observatory”.")
    stance = forms.ChoiceField(choices=AssessmentStance.choices, widget=forms.RadioSelect, label="The source…")
    evidence_url = forms.URLField(required=False, max_length=1000, assume_scheme="https", label="Evidence URL")
    excerpt = forms.CharField(required=False, label="Excerpt", widget=forms.Textarea(attrs={"rows": 2}))
    note = forms.CharField(required=False, label="Note for the desk", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report

    def clean_source(self) -> Source:
        """Find the source by its name or an alias (the claim's own report's unnamed parties first)."""
        name = self.cleaned_data["source"]
        source = source_find(name, report=self.report)
        if source is None:
            raise forms.ValidationError(UNKNOWN_SOURCE.format(name=name))
        return source
