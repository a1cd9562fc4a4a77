import json
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from config.errors import DomainError
from ledger.bundles import bundle_for
from ledger.exporting import checkpoint_lines, export_lines
from ledger.models import LedgerCheckpoint, LedgerEntry


class Command(BaseCommand):
    help = (
        "Write the ledger (or, with --checkpoints, its signed checkpoints) as JSON lines or CSV, in constant "
        "memory, for archiving and for checking outside the application with `python ledger/verify.py`. "
        "--since SEQ exports only entries with seq >= SEQ, to extend an earlier archive. --bundle CLAIM_ID writes one "
        "claim's audit bundle instead, which `python ledger/verify.py FILE --public-key KEY` checks offline."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--output", help="file to write (default: standard output)")
        parser.add_argument("--since", type=int, default=1, help="first seq to export")
        parser.add_argument("--checkpoints", action="store_true", help="export the signed checkpoints instead")
        parser.add_argument("--bundle", metavar="CLAIM_ID",
                            help="write the claim's audit bundle (entries with inclusion proofs, and the checkpoint)")

    def handle(self, *args, **options):
        if options["bundle"]:
            self._bundle(options["bundle"], options["output"])
            return
        if options["checkpoints"]:
            queryset = LedgerCheckpoint.objects.all()
            lines = checkpoint_lines(queryset)
        else:
            queryset = LedgerEntry.objects.filter(seq__gte=options["since"])
            lines = export_lines(queryset, options["format"])
        total = queryset.count() if sys.stderr.isatty() else None
        if not options["output"]:
            self._write(lines, lambda line: self.stdout.write(line, ending=""), total=total)
            return
        with open(options["output"], "w", encoding="utf-8", newline="") as fh:
            count = self._write(lines, fh.write, total=total)
        self.stderr.write(f"wrote {count} lines to {options['output']}")

    def _bundle(self, claim_id: str, output: str | None) -> None:
        """The same file GET /api/claims/{id}/audit-bundle/ serves."""
        try:
            text = json.dumps(bundle_for("claim", claim_id), ensure_ascii=False, indent=1) + "\n"
        except DomainError as refused:
            raise CommandError(refused.message) from None
        if not output:
            self.stdout.write(text, ending="")
            return
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        self.stderr.write(f"wrote the audit bundle of claim {claim_id} to {output}")

    def _write(self, lines, write, *, total) -> int:
        """Write line by line; a progress bar on stderr only when it is a terminal."""
        count = 0
        with tqdm(total=total, unit="line", file=sys.stderr, disable=total is None) as bar:
            for line in lines:
                write(line)
                count += 1
                bar.update(1)
        return count
