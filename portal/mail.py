"""Sending one email without letting a mail server failure fail the request that caused it."""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail

logger = logging.getLogger(__name__)


def send_or_log(subject: str, body: str, to: str, *, what: str) -> bool:
    """Send one email; ``False`` (and a warning naming ``what``) if the server is down or refuses.

    The address is never logged: it is personal data.
    """
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Email not sent (%s): %s", what, error.__class__.__name__)
        return False
    return True


def send_message_or_log(message, *, what: str) -> bool:
    """As ``send_or_log``, for a message already built (HTML alternatives, headers)."""
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Email not sent (%s): %s", what, error.__class__.__name__)
        return False
    return True
