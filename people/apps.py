from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and roles"

    def ready(self):
        """Record every login lockout django-axes decides in the ledger."""
        from axes.signals import user_locked_out

        user_locked_out.connect(_record_lockout, dispatch_uid="people-record-lockout")


def _record_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    from people.services import login_lockout_record

    login_lockout_record(username=username or "", ip_address=ip_address)
