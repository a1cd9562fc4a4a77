"""What the batch API accepts (reports as JSON, several .txt files, or a .zip) and what it shows of a batch."""
from django.conf import settings
from rest_framework import serializers

from batches.models import Batch
from batches.reading import NOT_TXT, QueuedReport, reports_from_zip
from claims.reports import read_upload
from config.errors import DomainError

ONE_OR_THE_OTHER = "Send `reports` as JSON, or upload `files` (.txt files or a .zip of them), one of the two."
ZIP_TOO_LARGE = "{name} is {size:,} bytes; the largest batch upload is {limit:,} bytes."


class BatchReportSerializer(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False, allow_blank=True)
    title = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    outlet = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)
    url = serializers.URLField(max_length=1000, required=False, default="", allow_blank=True)
    published_at = serializers.DateTimeField(required=False, default=None, allow_null=True)


class BatchCreateSerializer(serializers.Serializer):
    """Many reports at once: JSON `reports`, or multipart `files` holding .txt files and/or .zip archives."""

    reports = BatchReportSerializer(many=True, required=False)
    files = serializers.ListField(child=serializers.FileField(), required=False,
                                  help_text="UTF-8 .txt files, or .zip archives of them (multipart/form-data).")

    def validate(self, data):
        if ("reports" in data) == ("files" in data):
            raise serializers.ValidationError({"reports": [ONE_OR_THE_OTHER]})
        return data

    def queued(self) -> list[QueuedReport]:
        """The reports to queue, in the order sent; an unreadable upload is kept as refused, with its reason."""
        data = self.validated_data
        if "reports" in data:
            return [QueuedReport(name=f"report {n}", **report) for n, report in enumerate(data["reports"], start=1)]
        reports = []
        for upload in data["files"]:
            reports.extend(_uploaded(upload))
        return reports


def _uploaded(upload) -> list[QueuedReport]:
    name = upload.name
    if name.lower().endswith(".zip"):
        if upload.size > settings.MAX_BATCH_UPLOAD_BYTES:
            message = ZIP_TOO_LARGE.format(name=name, size=upload.size, limit=settings.MAX_BATCH_UPLOAD_BYTES)
            raise DomainError(message, code="too_large", fields={"files": [message]}, status=413)
        return reports_from_zip(upload, name)
    if not name.lower().endswith(".txt"):
        return [QueuedReport(name=name, refused=NOT_TXT.format(name=name))]
    try:
        return [QueuedReport(name=name, text=read_upload(upload))]
    except DomainError as exc:
        return [QueuedReport(name=name, refused=exc.message)]


class BatchFailureSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    name = serializers.CharField()
    reason = serializers.CharField()
    attempts = serializers.IntegerField()


class BatchSerializer(serializers.ModelSerializer):
    """A batch's progress: done (stored, or found already stored), failed with the reason, pending."""

    total = serializers.IntegerField()
    done = serializers.IntegerField()
    stored = serializers.IntegerField(help_text="Reports stored as new documents.")
    already_stored = serializers.IntegerField(help_text="Reports whose text had been ingested before.")
    failed = serializers.IntegerField()
    pending = serializers.IntegerField()
    finished = serializers.BooleanField()
    failures = BatchFailureSerializer(many=True)
    url = serializers.SerializerMethodField()
    desk_url = serializers.SerializerMethodField()

    class Meta:
        model = Batch
        fields = ["id", "actor", "created_at", "url", "desk_url", "total", "done", "stored", "already_stored",
                  "failed", "pending", "finished", "failures"]

    def get_url(self, batch) -> str:
        return f"/api/batches/{batch.pk}/"

    def get_desk_url(self, batch) -> str:
        return f"/batches/{batch.pk}/"

    def to_representation(self, instance):
        """Merge the batch's row with its progress, which the view reads once (instance, progress)."""
        batch, progress = instance
        for name, value in progress.items():
            setattr(batch, name, value)
        return super().to_representation(batch)
