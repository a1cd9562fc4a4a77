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
    file = forms.FileField(required=False, label="or upload a UTF-8 text file")
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


class MarkForm(forms.Form):
    """A reviewer's mark: which source says what about the claim, and the evidence."""

    source = forms.CharField(max_length=300, label="Source",
                             help_text="The party whose statement you checked, e.g. “Syrian Observatory”.")
    stance = forms.ChoiceField(choices=AssessmentStance.choices, widget=forms.RadioSelect, label="The source…")
    evidence_url = forms.URLField(required=False, max_length=1000, assume_scheme="https", label="Evidence URL")
    excerpt = forms.CharField(required=False, label="Excerpt", widget=forms.Textarea(attrs={"rows": 2}))
    note = forms.CharField(required=False, label="Note for the desk", widget=forms.Textarea(attrs={"rows": 2}))
    evidence_file = forms.FileField(required=False, label="Capture (image, video, PDF, saved page, WARC/WACZ)",
                                    help_text="Stored once by its SHA-256; its hash goes into the mark's ledger entry.")
    evidence_public = forms.BooleanField(required=False, label="The capture may be shown on the public page")

    def clean_source(self) -> Source:
        """Find the source by its name or an alias."""
        name = self.cleaned_data["source"]
        source = source_find(name)
        if source is None:
            raise forms.ValidationError(UNKNOWN_SOURCE.format(name=name))
        return source
