"""GOV.UK Notify as the email backend (portal.notify), against a stand-in for Notify's API.

GOV.UK Notify cannot be reached from this machine, so these tests do not talk to Notify. The real
official client (notifications-python-client) sends its real HTTP requests to a local stand-in
server that answers as Notify's API is documented to (``POST /v2/notifications/email`` → 201 and
the notification's JSON; errors as ``{"status_code", "errors": [{"error", "message"}]}``). The
tests check what Notify would check: the path, the JSON fields, and the ``Authorization`` header's
JSON Web Token, verified with PyJWT against the key's secret. Whether Notify itself accepts these
requests, and how its template lays the body out, is not tested here.
"""

import collections
import json
import threading
import time
import uuid
from dataclasses import dataclass
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import jwt
import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from portal.alerts import emails, sending
from portal.alerts.models import Delivery, DeliveryStatus, Subscriber
from portal.mail import send_or_log
from portal.notify import NotifyError
from tests.portal.test_production_settings import production, started
from tests.smtp import free_port

from .conftest import add_update, publish, subscriber, translate
from .test_sending import owe_update

pytestmark = pytest.mark.django_db

NOTIFY = "portal.notify.NotifyEmailBackend"
TEAM_ONLY = "Can't send to this recipient using a team-only API key"


@dataclass
class Received:
    method: str
    path: str
    headers: Message
    json: dict


class NotifyHandler(BaseHTTPRequestHandler):
    server: "StandInNotify"

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with self.server.lock:
            self.server.received.append(Received("POST", self.path, self.headers, body))
        if self.path != "/v2/notifications/email":
            return self.answer(404, self.error(404, "ResourceNotFound", "Not found"))
        refusal = self.server.refuse.get(body.get("email_address"))
        if refusal:
            status, name, message = refusal
            return self.answer(status, self.error(status, name, message))
        notification_id = str(uuid.uuid4())
        personalisation = body.get("personalisation", {})
        self.answer(
            201,
            {
                "id": notification_id,
                "reference": body.get("reference"),
                "content": {
                    "from_email": "housing.engagement@notifications.service.gov.uk",
                    "subject": personalisation.get("subject", ""),
                    "body": personalisation.get("body", ""),
                },
                "uri": f"{self.server.url}/v2/notifications/{notification_id}",
                "template": {
                    "id": body["template_id"],
                    "version": 1,
                    "uri": f"{self.server.url}/v2/templates/{body['template_id']}",
                },
            },
        )

    @staticmethod
    def error(status: int, name: str, message: str) -> dict:
        return {"status_code": status, "errors": [{"error": name, "message": message}]}

    def answer(self, status: int, payload: dict) -> None:
        content = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format, *args):
        pass  # the test output is not the place for an access log


class StandInNotify(ThreadingHTTPServer):
    """Records every request; answers each address in ``refuse`` with (status, error, message)."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), NotifyHandler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        self.lock = threading.Lock()
        self.received: list[Received] = []
        self.refuse: dict[str, tuple[int, str, str]] = {}
        self.service_id, self.secret = str(uuid.uuid4()), str(uuid.uuid4())
        self.api_key = f"housing-portal-tests-{self.service_id}-{self.secret}"
        self.template_id, self.reply_to_id = str(uuid.uuid4()), str(uuid.uuid4())

    def addresses(self) -> collections.Counter:
        return collections.Counter(r.json["email_address"] for r in self.received)


@pytest.fixture
def notify(settings):
    """The stand-in Notify on the loopback interface, and Notify's settings pointing at it."""
    server = StandInNotify()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.NOTIFY_API_KEY = server.api_key
    settings.NOTIFY_EMAIL_TEMPLATE_ID = server.template_id
    settings.NOTIFY_EMAIL_REPLY_TO_ID = server.reply_to_id
    settings.NOTIFY_BASE_URL = server.url
    # Notify takes only an https one-click unsubscribe address, as the live site has.
    settings.WAGTAILADMIN_BASE_URL = "https://engage.example.gov.uk"
    settings.ALERTS_SEND_RATE = 0
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_message_is_one_notification_per_recipient_with_its_plain_text(notify):
    message = mail.EmailMultiAlternatives(
        "Your sign-in code",
        "Your code is 123456.\n",
        "Housing engagement <no-reply@engage.example.gov.uk>",
        ["alex@example.org"],
        cc=["sam@example.org"],
        headers={"Message-ID": "<account-7.1@engage.example.gov.uk>"},
    )
    message.attach_alternative("<p>Your code is <b>123456</b>.</p>", "text/html")
    assert mail.get_connection(NOTIFY).send_messages([message]) == 1

    assert notify.addresses() == {"alex@example.org": 1, "sam@example.org": 1}
    for request in notify.received:
        assert (request.method, request.path) == ("POST", "/v2/notifications/email")
        assert request.headers["Content-Type"] == "application/json"
        fields = request.json
        assert fields["template_id"] == notify.template_id
        assert fields["email_reply_to_id"] == notify.reply_to_id
        # Notify takes no HTML: the plain-text alternative is what residents get.
        assert fields["personalisation"] == {
            "subject": "Your sign-in code",
            "body": "Your code is 123456.\n",
        }
        assert fields["reference"] == "account-7.1@engage.example.gov.uk"
        assert "one_click_unsubscribe_url" not in fields  # not an alert: nothing to stop


def test_every_request_carries_a_token_notify_can_verify(notify):
    assert mail.get_connection(NOTIFY).send_messages(
        [mail.EmailMessage("Hello", "Body.\n", to=["alex@example.org"])]
    )
    [request] = notify.received
    scheme, token = request.headers["Authorization"].split(" ")
    assert scheme == "Bearer"
    assert jwt.get_unverified_header(token) == {"typ": "JWT", "alg": "HS256"}
    claims = jwt.decode(token, notify.secret, algorithms=["HS256"])
    assert claims["iss"] == notify.service_id
    assert abs(claims["iat"] - time.time()) <= 30  # Notify refuses a token older than 30 s
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, str(uuid.uuid4()), algorithms=["HS256"])
    # No Message-ID of ours: the backend made one, and it names no one.
    reference = request.json["reference"]
    assert "@" in reference and "alex" not in reference and "example.org" not in reference


def test_an_alerts_list_unsubscribe_becomes_notifys_one_click_address(notify, updates_index):
    item = owe_update(updates_index, 1)
    resident = Subscriber.objects.get()
    alert = emails.render_alert(item, "en").for_subscriber(resident)
    assert mail.get_connection(NOTIFY).send_messages([alert]) == 1
    [request] = notify.received
    one_click = alert.extra_headers["List-Unsubscribe"].strip("<>")
    assert one_click.startswith("https://engage.example.gov.uk/en/alerts/stop/")
    assert request.json["one_click_unsubscribe_url"] == one_click
    assert request.json["personalisation"]["body"] == alert.body
    assert resident.email not in request.json["reference"]

    # Notify refuses an http address: a local machine's alert goes without one, and its body
    # still has the link.
    with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000"):
        local = emails.render_alert(item, "en").for_subscriber(resident)
    mail.get_connection(NOTIFY).send_messages([local])
    fields = notify.received[1].json
    assert "one_click_unsubscribe_url" not in fields
    assert "http://127.0.0.1:8000/en/alerts/stop/" in fields["personalisation"]["body"]


def test_a_published_update_reaches_each_subscriber_once_in_their_language(
    notify, client, updates_index, locales, on_commit
):
    subscriber(email="alex@example.org", topics=["updates:repairs"], language="en")
    ayse = subscriber(email="ayse@example.org", topics=["updates:repairs"], language="tr")
    # Written and translated first (nothing is announced: these commits never happen) ...
    page = add_update(updates_index, title="Repairs backlog halved", slug="b", topics=["repairs"])
    translate(page, locales["tr"], {"Repairs backlog halved": "Onarım birikimi yarıya indi"})
    with override_settings(EMAIL_BACKEND=NOTIFY):
        # ... then published, and published again, which announces nothing more.
        on_commit(lambda: publish(page))
        on_commit(lambda: publish(page))

    assert notify.addresses() == {"alex@example.org": 1, "ayse@example.org": 1}
    sent = {r.json["email_address"]: r.json for r in notify.received}
    english = sent["alex@example.org"]["personalisation"]
    assert english["subject"] == "New update: Repairs backlog halved"
    assert "You get this email because you asked for housing alerts." in english["body"]
    assert "/en/alerts/stop/" in sent["alex@example.org"]["one_click_unsubscribe_url"]
    turkish = sent["ayse@example.org"]["personalisation"]
    assert turkish["subject"] == "Yeni güncelleme: Onarım birikimi yarıya indi"
    assert "Bu e-postayı konut uyarıları istediğiniz için alıyorsunuz." in turkish["body"]
    assert "<" not in turkish["body"]  # the plain text, not the HTML
    one_click = sent["ayse@example.org"]["one_click_unsubscribe_url"]
    assert one_click.startswith("https://engage.example.gov.uk/tr/alerts/stop/")
    assert f"Tüm uyarılarımı durdur: {one_click}" in turkish["body"]
    statuses = Delivery.objects.values_list("status", flat=True)
    assert sorted(statuses) == [DeliveryStatus.SENT, DeliveryStatus.SENT]

    # Notify's unsubscribe button posts to that address: Ayşe hears nothing more.
    response = client.post(urlsplit(one_click).path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    ayse.refresh_from_db()
    assert ayse.unsubscribed_at is not None


@override_settings(EMAIL_BACKEND=NOTIFY)
def test_a_notify_refusal_is_tried_again_then_recorded_never_raised(
    notify, settings, updates_index
):
    settings.ALERTS_MAX_ATTEMPTS, settings.ALERTS_RETRY_SECONDS = 2, 60
    owe_update(updates_index, 2)
    notify.refuse["r001@example.org"] = (400, "BadRequestError", TEAM_ONLY)
    started_at = timezone.now()
    report = sending.send_due()
    assert (report["sent"], report["failed"]) == (1, 1)
    refused = Delivery.objects.get(subscriber__email="r001@example.org")
    assert refused.status == DeliveryStatus.QUEUED and refused.attempts == 1
    assert refused.last_error == "NotifyError 400"
    assert (refused.next_attempt_at - started_at).total_seconds() >= 60
    Delivery.objects.filter(pk=refused.pk).update(next_attempt_at=timezone.now())
    sending.send_due()
    refused.refresh_from_db()
    assert refused.status == DeliveryStatus.FAILED and refused.attempts == 2
    assert Delivery.objects.get(subscriber__email="r000@example.org").status == DeliveryStatus.SENT
    assert notify.addresses() == {"r000@example.org": 1, "r001@example.org": 2}


@override_settings(EMAIL_BACKEND=NOTIFY)
def test_notify_out_of_reach_keeps_every_alert_for_later(notify, settings, updates_index):
    settings.NOTIFY_BASE_URL = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    owe_update(updates_index, 2)
    assert sending.send_due()["failed"] == 2
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.QUEUED}
    assert set(Delivery.objects.values_list("last_error", flat=True)) == {"NotifyError 503"}


@override_settings(EMAIL_BACKEND=NOTIFY)
def test_other_emails_survive_a_refusal_and_never_log_the_address(notify, caplog):
    notify.refuse["alex@example.org"] = (400, "BadRequestError", TEAM_ONLY)
    assert send_or_log("Your draft", "Resume here.\n", "alex@example.org", what="resume") is False
    assert mail.send_mail("Hi", "Body.\n", None, ["alex@example.org"], fail_silently=True) == 0
    with pytest.raises(NotifyError) as refused:
        mail.send_mail("Hi", "Body.\n", None, ["alex@example.org"])
    assert isinstance(refused.value, OSError) and refused.value.status_code == 400
    assert TEAM_ONLY in str(refused.value)
    assert len(notify.received) == 3
    assert "alex@example.org" not in caplog.text


def test_production_sends_through_notify_when_its_key_is_set(notify):
    shown = started(
        production(NOTIFY_API_KEY=notify.api_key, NOTIFY_EMAIL_TEMPLATE_ID=notify.template_id)
    )
    assert shown["email"] == NOTIFY
    refused = production(NOTIFY_API_KEY=notify.api_key)
    assert refused.returncode != 0
    assert "NOTIFY_EMAIL_TEMPLATE_ID is not" in refused.stderr
    assert "((subject))" in refused.stderr and "((body))" in refused.stderr
