"""Give each report its own copy of shared sources that are only unnamed descriptions ("officials", "residents")."""
from django.core.management.base import BaseCommand

from claims.parties import mark_persons, split_generic_sources


class Command(BaseCommand):
    help = ("Split shared sources that every report writes as an unnamed description into one party per report, "
            "and mark which sources are persons; every change is recorded in the ledger. Safe to run again.")

    def handle(self, *args, **options):
        done = split_generic_sources(actor="command:split_generic_sources")
        for item in done:
            self.stdout.write(f"split source {item['source']} ({item['name']}) into {len(item['into'])} report "
                              f"parties: {', '.join(map(str, item['into']))}")
        persons = mark_persons(actor="command:split_generic_sources")
        self.stdout.write(self.style.SUCCESS(f"{len(done)} shared descriptions split; {persons} sources re-marked "
                                             "as person or organisation."))
