import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from ledger import merkle
from ledger.models import LedgerEntry
from ledger.services import sign_head


class Command(BaseCommand):
    help = (
        "Maintain the Merkle tree over the entries. --backfill adds every entry not yet in the tree (entries written "
        "before the tree existed; the migration does this too), with a progress bar. --sign-head checks the chain and "
        "signs a checkpoint of the current head: what a person does, after looking, for a ledger that was started "
        "without a key or whose unsigned entries turned out to be its own. It is refused when the chain is broken."
    )

    def add_arguments(self, parser):
        parser.add_argument("--backfill", action="store_true", help="add the missing entries to the tree")
        parser.add_argument("--sign-head", action="store_true", help="sign the current head after checking the chain")

    def handle(self, *args, **options):
        if not options["backfill"] and not options["sign_head"]:
            raise CommandError("Say what to do: --backfill, --sign-head or both.")
        if options["backfill"]:
            self._backfill()
        if options["sign_head"]:
            try:
                checkpoint = sign_head(actor="command:ledger_tree")
            except ValueError as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(f"signed checkpoint {checkpoint.size}:\n{checkpoint.note}")

    def _backfill(self) -> None:
        with transaction.atomic():
            start = merkle.tree_size()
            pending = LedgerEntry.objects.filter(seq__gt=start).order_by("seq")
            total = pending.count()
            with tqdm(total=total, unit="entry", desc="Merkle tree", file=sys.stderr,
                      disable=not sys.stderr.isatty()) as progress:
                size = merkle.backfill(pending.values_list("hash", flat=True).iterator(chunk_size=10_000),
                                       start=start, progress=progress)
        self.stdout.write(f"the tree holds {size} entries ({total} added)")
