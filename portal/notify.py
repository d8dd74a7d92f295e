"""GOV.UK Notify as the site's email backend (``portal.notify.NotifyEmailBackend``).

It sits in ``portal``, not ``portal.alerts``, because ``EMAIL_BACKEND`` carries every email the
site sends: alerts and digests, their confirmation and manage links, event replies, consultation
resume links and receipts, and django-allauth's account emails. ``portal.settings.base`` makes it
the default when ``NOTIFY_API_KEY`` is set.

Notify sends only through a template of the council's Notify service: ``NOTIFY_EMAIL_TEMPLATE_ID``
names one whose subject is ``((subject))`` and whose body is ``((body))``. Each recipient of a
message (to, cc and bcc alike) becomes one notification, through the official client:

- ``personalisation``: the message's subject and its plain-text body. Notify takes no HTML of
  ours: residents get the plain-text alternative in Notify's own layout (which makes links
  clickable), never our HTML. A message with attachments, or with only an HTML body, is refused
  (``ValueError``) rather than sent without them.
- ``reference``: the message's ``Message-ID`` without its angle brackets (one is made if it has
  none). It ties Notify's record to our message and names no one.
- ``one_click_unsubscribe_url``: the https address in ``List-Unsubscribe`` when the message offers
  RFC 8058 one-click (``List-Unsubscribe-Post``), as alerts do. Notify takes only https, so a local
  machine's http address is left out; the link in the body still works.
- ``email_reply_to_id``: ``NOTIFY_EMAIL_REPLY_TO_ID``, one of the service's reply-to addresses.
  The From address is the service's own: ``DEFAULT_FROM_EMAIL``, Reply-To and other headers are
  not sent.

When Notify refuses a notification, cannot be reached or answers with something that is not
Notify's JSON, the backend raises ``NotifyError`` (unless ``fail_silently``). It is an
``OSError``, as an SMTP server's network failure is, so what already survives the mail relay being
down (``portal.mail``, ``portal.alerts.sending``) survives Notify too. Alerts try every Notify
failure again with back-off, a 400 included: Notify answers 400 both to a recipient it will never
take (a team-only key) and to a mistake in our settings (a template it does not know), and only
its English wording tells them apart.
"""

from __future__ import annotations

import logging
import re
from email.utils import make_msgid

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.utils import DNS_NAME
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

logger = logging.getLogger(__name__)

ONE_CLICK = "List-Unsubscribe=One-Click"


class NotifyError(OSError):
    """Notify did not take a notification. ``status_code`` is its HTTP status (503 when it could
    not be reached at all, as the client reports it)."""

    def __init__(self, status_code: int, detail: str):
        super().__init__(f"GOV.UK Notify: {status_code} {detail}")
        self.status_code = status_code


def _header(message, name: str) -> str | None:
    for key, value in message.extra_headers.items():
        if key.lower() == name.lower():
            return str(value)
    return None


def one_click_unsubscribe_url(message) -> str | None:
    """The https address of the message's one-click unsubscribe (RFC 8058), if it offers one."""
    if (_header(message, "List-Unsubscribe-Post") or "").strip() != ONE_CLICK:
        return None
    for address in re.findall(r"<([^>]+)>", _header(message, "List-Unsubscribe") or ""):
        if address.startswith("https://"):
            return address
    return None


def reference(message) -> str:
    """What Notify records as the notification's reference: the message's ``Message-ID``."""
    message_id = _header(message, "Message-ID") or make_msgid(domain=DNS_NAME)
    return message_id.strip().strip("<>")


def notification(message) -> dict:
    """The fields of ``send_email_notification`` for ``message``, less the recipient."""
    if message.attachments or message.content_subtype != "plain":
        raise ValueError(
            "GOV.UK Notify sends a plain-text body and nothing else: this message has "
            "attachments or no plain-text body."
        )
    return {
        "template_id": settings.NOTIFY_EMAIL_TEMPLATE_ID,
        "personalisation": {"subject": str(message.subject), "body": str(message.body)},
        "reference": reference(message),
        "email_reply_to_id": settings.NOTIFY_EMAIL_REPLY_TO_ID,
        "one_click_unsubscribe_url": one_click_unsubscribe_url(message),
    }


class NotifyEmailBackend(BaseEmailBackend):
    """Sends each message through Notify's email template (see the module docstring).

    ``send_messages`` returns the number of messages sent, as Django's backends do; a message
    counts once all its recipients were accepted. The client keeps one HTTP session from
    ``open()`` to ``close()`` and is not thread-safe: one backend instance per thread, as
    ``get_connection()`` gives.
    """

    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently, **kwargs)
        if not (settings.NOTIFY_API_KEY and settings.NOTIFY_EMAIL_TEMPLATE_ID):
            raise ImproperlyConfigured(
                "The GOV.UK Notify email backend needs NOTIFY_API_KEY and NOTIFY_EMAIL_TEMPLATE_ID."
            )
        self.client: NotificationsAPIClient | None = None

    def open(self) -> bool:
        if self.client is not None:
            return False
        options = {}
        if settings.NOTIFY_BASE_URL:
            options["base_url"] = settings.NOTIFY_BASE_URL
        if settings.EMAIL_TIMEOUT:
            options["timeout"] = settings.EMAIL_TIMEOUT
        self.client = NotificationsAPIClient(settings.NOTIFY_API_KEY, **options)
        return True

    def close(self) -> None:
        if self.client is not None:
            self.client.request_session.close()
            self.client = None

    def send_messages(self, email_messages) -> int:
        if not email_messages:
            return 0
        opened = self.open()
        try:
            return sum(self._send(message) for message in email_messages)
        finally:
            if opened:
                self.close()

    def _send(self, message) -> bool:
        recipients = message.recipients()
        if not recipients:
            return False
        fields = notification(message)
        try:
            for address in recipients:
                answer = self.client.send_email_notification(email_address=address, **fields)
                logger.info(
                    "GOV.UK Notify accepted notification %s (reference %s)",
                    answer.get("id"),
                    fields["reference"],
                )
        except APIError as error:
            if self.fail_silently:
                return False
            raise NotifyError(error.status_code, _described(error.message)) from error
        return True


def _described(message) -> str:
    """Notify's errors (``[{"error": "BadRequestError", "message": "..."}]``) as one line."""
    if isinstance(message, list):
        return "; ".join(
            f"{e.get('error')}: {e.get('message')}" for e in message if isinstance(e, dict)
        )
    return str(message)
