"""Builders for test data. Rows of ledgered models are written inside @recorded so each gets its entry."""
import factory
from django.contrib.auth.models import Group, User

from ledger.guard import recorded
from ledger.reconcile import snapshot
from ledger.services import ledger_append


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@newsroom.test")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class LedgeredFactory(factory.django.DjangoModelFactory):
    """Create the row through a recorded write with a ledger entry, as the services would."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        @recorded
        def create():
            obj = model_class.objects.create(*args, **kwargs)
            name = model_class._meta.model_name
            ledger_append(actor="command:tests", action=f"{name}.created", object_type=name, object_id=obj.pk,
                          payload={"after": snapshot(obj)})
            return obj

        return create()


class SourceFactory(LedgeredFactory):
    class Meta:
        model = "sources.Source"

    name = factory.Sequence(lambda n: f"Party {n}")
    kind = "other"


class DocumentFactory(LedgeredFactory):
    class Meta:
        model = "sources.Document"

    title = factory.Sequence(lambda n: f"Report {n}")
    outlet = factory.SubFactory(SourceFactory, kind="media")
    text = factory.Sequence(lambda n: f"Report number {n}. Officials said the bridge was closed.")
    sha256 = factory.LazyAttribute(lambda d: __import__("hashlib").sha256(d.text.encode()).hexdigest())


class ClaimFactory(LedgeredFactory):
    class Meta:
        model = "claims.Claim"

    document = factory.SubFactory(DocumentFactory)
    position = factory.Sequence(lambda n: n + 1)
    start = 0
    end = factory.LazyAttribute(lambda c: len(c.document.text))
    text = factory.LazyAttribute(lambda c: c.document.text[c.start:c.end])
    voice = "attributed"


class AttributionFactory(LedgeredFactory):
    class Meta:
        model = "claims.Attribution"

    claim = factory.SubFactory(ClaimFactory)
    source = factory.SubFactory(SourceFactory)
    name_as_written = factory.LazyAttribute(lambda a: a.source.name)
    cue = "said"
    stance = "assert"


def findings_beyond_the_cast() -> list[dict]:
    """Reconcile's findings but for accounts: UserFactory makes the cast directly, not through recorded commands."""
    from ledger.reconcile import reconcile

    return [finding for finding in reconcile()["findings"] if finding["object_type"] not in ("user", "token")]
