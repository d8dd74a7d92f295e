"""A real SMTP server for tests (aiosmtpd on the loopback interface), as the ``smtp`` fixture.

Django's SMTP backend talks to it, so tests see what a resident's mail server would receive
(headers, encodings, body), and can make it refuse addresses.
"""

import email
import email.policy
import socket

from aiosmtpd.controller import Controller


class Mailbox:
    """An aiosmtpd handler that keeps every message and refuses some recipients."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.refuse: set[str] = set()
        self.refuse_temporarily: set[str] = set()
        self.sessions = 0  # SMTP conversations (connections that said EHLO or HELO)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.sessions += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        if address in self.refuse_temporarily:
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(message)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(settings):
    """Start a server and point Django's email settings at it; returns (mailbox, controller)."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    point_at_nothing(settings)
    settings.EMAIL_PORT = controller.port
    return mailbox, controller


def point_at_nothing(settings) -> None:
    """Point Django's SMTP settings at a port nothing listens on: the mail relay is down."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
