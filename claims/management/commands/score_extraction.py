"""Score the current extraction engine on a folder of labelled reports (a desk's own corrections)."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import ExtractionError, extract, to_json
from claims.extraction.scoring import score_folder


class Command(BaseCommand):
    help = (
        "Run the current engine on every labelled report in DIR (<name>.txt beside <name>.json, or the "
        "articles/ and gold/ folders of the shared sets) and print the attribution scorer's figures: source "
        "F1, precision, recall, sentence-exact, unattributed right, deny recall, coverage."
    )
    requires_system_checks = []  # reads files and prints; needs neither the database nor the checks

    def add_arguments(self, parser):
        parser.add_argument("folder", help="folder of labelled reports, e.g. the output of export_corrections")
        parser.add_argument("--verbose", action="store_true", help="list every sentence not exactly right")
        parser.add_argument("--min-f1", type=float, default=None, help="fail when source F1 is below this")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        try:
            score = score_folder(folder, lambda body: to_json(extract(body)), keep_mistakes=options["verbose"],
                                 progress=self._progress)
        except (ValueError, ExtractionError) as exc:  # json.JSONDecodeError is a ValueError
            raise CommandError(f"{folder}: {exc}") from None
        if not score.reports:
            raise CommandError(f"{folder} holds no labelled reports (<name>.json beside <name>.txt)")
        for mistake in score.mistakes:
            self.stdout.write(f"  {mistake.report} #{mistake.number}: gold={mistake.gold} "
                              f"predicted={mistake.predicted}  | {mistake.text[:90]}")
        self.stdout.write(score.summary())
        if options["min_f1"] is not None and score.figures()["f1"] < options["min_f1"]:
            raise CommandError(f"source F1 {score.figures()['f1']:.3f} is below --min-f1 {options['min_f1']}")

    def _progress(self, done: int, total: int, name: str) -> None:
        """One line per report on stderr, so long folders show where they are."""
        self.stderr.write(f"[{done}/{total}] {name}")
