"""The desk's forms: ingest a report, mark a claim. They check input; the services decide."""
from datetime import UTC, datetime, time

from django import forms

from claims.models import AssessmentStance, Stance
from claims.reports import EMPTY_REPORT, read_upload
from config.errors import DomainError
from events.models import LinkRelation
from people.roles import ROLES
from sources.models import Source, SourceKind
from sources.selectors import name_suggestions
from sources.services import source_find

PASTE_OR_UPLOAD = "Paste the report or upload its file, not both."
UNKNOWN_SOURCE = ("No source is called {name!r}.{near} Pick a name from the list, or tick “add it as a new party” "
                  "and say what kind it is.")
DID_YOU_MEAN = " Did you mean {names}?"
NEW_PARTY_NEEDS_KIND = "Say what kind of party {name!r} is."


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
    new_party = forms.BooleanField(required=False, label="Add it as a new party (an editor can fix it later)")
    new_kind = forms.ChoiceField(choices=[("", "Kind of party…"), *SourceKind.choices], required=False,
                                 label="Kind of the new party")
    evidence_url = forms.URLField(required=False, max_length=1000, assume_scheme="https", label="Evidence URL")
    excerpt = forms.CharField(required=False, label="Excerpt", widget=forms.Textarea(attrs={"rows": 2}))
    note = forms.CharField(required=False, label="Note for the desk", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report

    def clean_source(self) -> Source | None:
        """Find the source by its name or an alias (the claim's own report's unnamed parties first).

        None means a party not in the desk yet: clean() accepts it only when the reviewer asks to add it.
        """
        return source_find(self.cleaned_data["source"], report=self.report)

    def clean(self):
        """A name that finds no source is refused with the nearest spellings, unless it is to be added."""
        data = super().clean()
        name = (self.data.get(self.add_prefix("source")) or "").strip()
        if "source" not in data or data["source"] is not None or not name:
            return data
        if not data.get("new_party"):
            near = [source.name for source, _ in name_suggestions(name)]
            hint = DID_YOU_MEAN.format(names=" or ".join(f"“{n}”" for n in near)) if near else ""
            self.add_error("source", UNKNOWN_SOURCE.format(name=name, near=hint))
        elif not data.get("new_kind"):
            self.add_error("new_kind", NEW_PARTY_NEEDS_KIND.format(name=name))
        data["new_name"] = name
        return data


class AttributionForm(forms.Form):
    """An editor's correction of who a claim is attributed to: another party, another stance, or off the claim."""

    attribution = forms.IntegerField(required=False, widget=forms.HiddenInput)
    source = forms.CharField(max_length=300, required=False, label="Party")
    stance = forms.ChoiceField(choices=Stance.choices, required=False, label="Stance")
    remove = forms.BooleanField(required=False, label="Take this attribution off the claim")
    reason = forms.CharField(max_length=2000, label="Why", help_text=REASON_HELP)

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report

    def clean_source(self) -> Source | None:
        name = self.cleaned_data["source"].strip()
        if not name:
            return None
        source = source_find(name, report=self.report)
        if source is None:
            near = [found.name for found, _ in name_suggestions(name)]
            hint = DID_YOU_MEAN.format(names=" or ".join(f"“{n}”" for n in near)) if near else ""
            raise forms.ValidationError(f"No source is called {name!r}.{hint} Add it on the sources page first.")
        return source


class LinkForm(forms.Form):
    """A reviewer confirms a competing account: the other claim contradicts or corroborates this one."""

    other = forms.IntegerField(widget=forms.HiddenInput)
    relation = forms.ChoiceField(choices=LinkRelation.choices)


class MarkWithdrawForm(forms.Form):
    """A reviewer withdraws their own mistaken mark (an editor anyone's), saying why."""

    reason = forms.CharField(max_length=2000, label="Why withdraw it", help_text=REASON_HELP)


class SourceEditForm(forms.Form):
    """An editor's correction of a source: its kind, whether it is one person, what it belongs to, a new alias."""

    kind = forms.ChoiceField(choices=SourceKind.choices)
    is_person = forms.BooleanField(required=False, label="One person (not an organisation)")
    affiliation = forms.CharField(max_length=300, required=False, label="Belongs to (name of a wider party)")
    alias = forms.CharField(max_length=300, required=False, label="Add an alias")
    reason = forms.CharField(max_length=2000, required=False, label="Why", help_text=REASON_HELP)

    def clean_affiliation(self) -> Source | None:
        name = self.cleaned_data["affiliation"].strip()
        if not name:
            return None
        found = source_find(name)
        if found is None:
            raise forms.ValidationError(f"No named source is called {name!r}.")
        return found


class MergeForm(forms.Form):
    """An editor merges this source into another, after seeing the preview."""

    into = forms.CharField(max_length=300, label="Merge into (name of the source that stays)")
    reason = forms.CharField(max_length=2000, required=False, label="Why they are one party", help_text=REASON_HELP)
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_into(self) -> Source:
        name = self.cleaned_data["into"].strip()
        found = Source.objects.filter(pk=int(name)).first() if name.isdigit() else source_find(name)
        if found is None:
            raise forms.ValidationError(f"No source is called {name!r}.")
        return found


class UserCreateForm(forms.Form):
    """An admin opens an account with a role; the password is generated and shown once."""

    username = forms.CharField(max_length=150)
    email = forms.EmailField(required=False)
    role = forms.ChoiceField(choices=[(role, role) for role in ROLES])


class UserChangeForm(forms.Form):
    """An admin changes an account's role, deactivates or reactivates it, or resets its password."""

    role = forms.ChoiceField(choices=[("", "no role"), *[(role, role) for role in ROLES]], required=False)
    is_active = forms.BooleanField(required=False, label="Active")
    reset_password = forms.BooleanField(required=False, label="Reset the password (shown once)")


class SourceCreateForm(forms.Form):
    """An editor adds a party the extractor never met (WHO, another ministry)."""

    name = forms.CharField(max_length=300)
    kind = forms.ChoiceField(choices=SourceKind.choices)
    reason = forms.CharField(max_length=2000, required=False, label="Why", help_text=REASON_HELP)
