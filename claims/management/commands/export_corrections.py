"""Export the reports editors corrected as labelled data for the attribution scorer."""
from datetime import UTC, datetime, time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.corrections import corrected_reports, write_report


def parse_since(value: str) -> datetime:
    """An ISO date (midnight UTC) or date-time; anything else is a clear command-line error."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since {value!r} is not an ISO date such as 2026-11-01 or 2026-11-01T09:00") from None
    if len(value) <= 10:
        moment = datetime.combine(moment.date(), time.min)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Command(BaseCommand):
    help = (
        "Write every report whose attributions an editor corrected since DATE (attribution.changed, created "
        "or deleted in the ledger) to DIR as <name>.txt and <name>.json, in the scorer's labelled format, "
        "with the attributions as they stand now. `score_extraction DIR` then scores the engine on them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True, help="ISO date or date-time (UTC when no zone is given)")
        parser.add_argument("--out", default="corrections", help="folder to write into (default: ./corrections)")

    def handle(self, *args, **options):
        since = parse_since(options["since"])
        reports = corrected_reports(since)
        if not reports:
            self.stdout.write(f"No attribution corrections since {since.isoformat()}; nothing written.")
            return
        folder = Path(options["out"])
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"--out {folder} exists and is not a folder")
        folder.mkdir(parents=True, exist_ok=True)
        for n, report in enumerate(reports, start=1):
            text_path, _ = write_report(report.document, folder)
            self.stderr.write(f"[{n}/{len(reports)}] {text_path.stem}: {report.corrections} corrections "
                              f"(claims {', '.join(map(str, report.positions))})")
        total = sum(r.corrections for r in reports)
        noun = "report" if len(reports) == 1 else "reports"
        self.stdout.write(self.style.SUCCESS(
            f"Wrote {len(reports)} corrected {noun} ({total} corrections since {since.isoformat()}) to {folder}."))
