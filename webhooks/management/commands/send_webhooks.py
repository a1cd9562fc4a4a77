"""Send the webhook deliveries that are due: those a broker outage kept from the worker, or a worker that died."""
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from webhooks.selectors import due_deliveries
from webhooks.sending import attempt


class Command(BaseCommand):
    help = "Attempt every pending webhook delivery whose next attempt is due, once each, and report the outcome."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Also deliveries handed off less than a minute ago.")

    def handle(self, *args, **options):
        window = timedelta(0) if options["all"] else timedelta(minutes=1)
        due = list(due_deliveries(timezone.now(), handed_off_within=window).values_list("pk", flat=True))
        settled = 0
        for number, delivery_id in enumerate(due, start=1):
            retry_in = attempt(delivery_id)
            settled += retry_in is None
            self.stdout.write(f"[{number}/{len(due)}] delivery {delivery_id}: "
                              + ("settled" if retry_in is None else f"not delivered, next try in {retry_in}s"))
        self.stdout.write(self.style.SUCCESS(f"{len(due)} due, {settled} settled."))
