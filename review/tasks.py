"""Background work of the review app: notification e-mails."""
from celery import shared_task

from review.emails import send


@shared_task(name="review.send_notification_emails", acks_late=True, ignore_result=True,
             autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_notification_emails(notification_ids: list[int]) -> None:
    """Mail these notifications; an unreachable mail server is retried with back-off."""
    send(notification_ids)
