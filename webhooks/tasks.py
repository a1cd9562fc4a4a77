"""The background task that sends deliveries, retrying with back-off until WEBHOOKS_MAX_ATTEMPTS."""
from celery import shared_task

from webhooks.sending import attempt


@shared_task(bind=True, name="webhooks.deliver", acks_late=True, ignore_result=True)
def deliver(self, delivery_id: int) -> None:
    """Send one delivery; on failure schedule the next attempt after its back-off (the attempts are counted in the
    database, so a lost or repeated task never sends more than the limit)."""
    retry_in = attempt(delivery_id)
    if retry_in is not None:
        raise self.retry(countdown=retry_in, max_retries=None)
