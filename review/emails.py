"""Notifications by e-mail: mentions, assignments and approvals asked, mailed after the change commits.

Both parts come from templates: the HTML part escapes everything (comment and claim text included); the plain
part is plain text, never read as markup.
"""
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string

from config.queueing import publish_soon
from review.models import Notification, NotificationKind

EMAILED = {NotificationKind.ASSIGNED, NotificationKind.MENTIONED, NotificationKind.APPROVAL_ASKED}


def mail_after_commit(notifications: list[Notification]) -> None:
    """Queue e-mails for these notifications once the change commits, when the newsroom wants them."""
    ids = [n.pk for n in notifications if n.kind in EMAILED]
    if settings.NOTIFICATION_EMAILS and ids:
        transaction.on_commit(lambda: _enqueue(ids))


def _enqueue(ids: list[int]) -> None:
    from review.tasks import send_notification_emails

    publish_soon(send_notification_emails, ids, fallback="the desk still shows them")


def message_for(notification: Notification) -> EmailMultiAlternatives:
    """The e-mail of one notification, with a plain and an HTML part."""
    context = {"notification": notification, "claim": notification.claim, "comment": notification.comment,
               "link": f"{settings.CLAIMLEDGER_PUBLIC_URL.rstrip('/')}/claims/{notification.claim_id}/"
                       + (f"#comment-{notification.comment_id}" if notification.comment_id else "")}
    message = EmailMultiAlternatives(subject=f"[Claim Ledger] {notification.summary}",
                                     body=render_to_string("review/notification_email.txt", context),
                                     to=[notification.recipient.email])
    message.attach_alternative(render_to_string("review/notification_email.html", context), "text/html")
    return message


def send(ids: list[int]) -> int:
    """Send the e-mails of these notifications over one connection; people without an address are skipped."""
    rows = (Notification.objects.filter(pk__in=ids).exclude(recipient__email="")
            .select_related("recipient", "claim", "comment").order_by("pk"))
    messages = [message_for(notification) for notification in rows]
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
