"""Store a report file as attributed claims, the way a fact-checker's desk would receive it."""
from datetime import UTC, datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from claims.queueing import queue_for_path
from claims.reports import read_report_file
from claims.services import report_ingest
from config.errors import DomainError


def parse_published(value: str | None):
    """Accept an ISO date or date-time; a bare date means midnight UTC."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published {value!r} is not an ISO date such as 2017-09-24 or 2017-09-24T10:00") from None
    if len(value) <= 10:
        moment = datetime.combine(moment.date(), time.min)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, UTC)


class Command(BaseCommand):
    help = (
        "Store a news report (a UTF-8 text file) as a document and one claim per statement, each attributed to "
        "the parties it names. The same text ingested twice is found, not stored again. Nothing is stored when "
        "the file is missing, empty or not UTF-8 text."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the report, UTF-8 text (with --queue: a file, a folder or a .zip)")
        parser.add_argument("--queue", action="store_true",
                            help="ingest in the background on Celery, one task per report (needs the broker); "
                                 "prints the batch id at once")
        parser.add_argument("--wait", action="store_true", help="with --queue: follow the batch until it is done")
        parser.add_argument("--title", default="", help="headline (default: the first sentence)")
        parser.add_argument("--outlet", default="", help="publishing outlet (default: the dateline's credit)")
        parser.add_argument("--url", default="", help="where the report was published")
        parser.add_argument("--published", default=None, help="publication date, ISO 8601")

    def handle(self, *args, **options):
        published = parse_published(options["published"])
        if options["queue"]:
            return self._queue(options, published)
        if options["wait"]:
            raise CommandError("--wait follows a queued batch: use it with --queue.")
        try:
            text = read_report_file(options["file"])
            result = report_ingest(text=text, title=options["title"], outlet=options["outlet"], url=options["url"],
                                   published_at=published, actor="command:ingest")
        except DomainError as exc:
            raise CommandError(exc.message) from None  # the file's messages name it; the others are about it
        document = result.document
        if not result.created:
            self.stdout.write(f"Already stored as document {document.pk} ({document.title!r}) with "
                              f"{result.claims} claims; nothing new stored.")
            return
        self.stdout.write(self.style.SUCCESS(
            f"Stored document {document.pk} ({document.title!r}): {result.claims} claims, "
            f"{result.sources_created} new sources."))

    def _queue(self, options, published) -> None:
        """Hand the reports to background ingest, which an app built on claims provides."""
        queue = queue_for_path()
        if queue is None:
            raise CommandError("Background ingest is not installed (the batches app); run without --queue.")
        try:
            queue(path=options["file"], actor="command:ingest", title=options["title"], outlet=options["outlet"],
                  url=options["url"], published_at=published, wait=options["wait"], out=self.stdout)
        except DomainError as exc:
            raise CommandError(exc.message) from None
