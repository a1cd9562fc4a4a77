"""Send the webhook deliveries that are due: those a broker outage kept from the worker, or a worker that died."""
from django.core.management.base import BaseCommand
from django.utils import timezone

from webhooks.selectors import due_deliveries
from webhooks.sending import attempt


class Command(BaseCommand):
    help = "Attempt every pending webhook delivery whose next attempt is due, once each, and report the outcome."

    def handle(self, *args, **options):
        due = list(due_deliveries(timezone.now()).values_list("pk", flat=True))
        settled = 0
        for number, delivery_id in enumerate(due, start=1):
            retry_in = attempt(delivery_id)
            settled += retry_in is None
            self.stdout.write(f"[{number}/{len(due)}] delivery {delivery_id}: "
                              + ("settled" if retry_in is None else f"failed, next try in {retry_in}s"))
        self.stdout.write(self.style.SUCCESS(f"{len(due)} due, {settled} settled."))
