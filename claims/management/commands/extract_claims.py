"""Preview what ingest would store for a report, without storing anything."""
import json

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import ExtractionError, extract, to_json
from claims.extraction.render import to_table
from claims.reports import read_report_file
from config.errors import DomainError


class Command(BaseCommand):
    help = (
        "Split a report (a UTF-8 text file) into claims and show who each is attributed to, as JSON "
        "(the shape the attribution scorer reads) or as a table. Nothing is stored; `ingest` stores."
    )
    requires_system_checks = []  # reads a file and prints; needs neither the database nor the checks

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the report, UTF-8 text")
        parser.add_argument("--format", choices=["json", "table"], default="table")

    def handle(self, *args, **options):
        try:
            claims = extract(read_report_file(options["file"]))
        except DomainError as exc:
            raise CommandError(exc.message) from None
        except ExtractionError as exc:
            raise CommandError(f"{options['file']}: {exc}") from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(to_json(claims), ensure_ascii=False, indent=1))
        else:
            self.stdout.write(to_table(claims))
