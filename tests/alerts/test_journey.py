"""The resident's journey with a real SMTP server: subscribe, confirm, hear once, stop."""

import pytest

from portal.alerts.models import Delivery, DeliveryStatus, Subscriber

from .conftest import add_update, link_in, publish, subscriber, text_of, translate

pytestmark = pytest.mark.django_db


def test_subscribe_confirm_and_get_one_turkish_email(
    client, smtp, updates_index, locales, on_commit
):
    response = client.post(
        "/en/alerts/",
        {
            "email": "Ayse@Example.org",
            "topics": ["updates:repairs"],
            "language": "tr",
            "frequency": "immediate",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/en/alerts/check-your-email/"
    [confirmation] = smtp.messages
    assert confirmation["To"] == "ayse@example.org"
    assert confirmation["Content-Language"] == "tr"
    assert "List-Unsubscribe" not in confirmation  # not an alert: nothing to stop yet
    record = Subscriber.objects.get()
    assert record.confirmed_at is None and record.consent_text.startswith("We use your email")
    assert record.consent_at is not None and record.consent_language == "en"

    # Nothing is sent before the address is confirmed.
    tr_index = translate(updates_index, locales["tr"])
    on_commit(lambda: add_update(tr_index, title="Erken haber", slug="erken", topics=["repairs"]))
    assert len(smtp.messages) == 1

    confirm_path = link_in(confirmation, "/alerts/confirm/")
    assert confirm_path.startswith("/tr/alerts/confirm/")
    page = client.get(confirm_path)
    assert page.status_code == 200 and b'lang="tr"' in page.content
    Subscriber.objects.get(confirmed_at__isnull=True)  # a GET (a mail scanner) confirms nothing
    manage = client.post(confirm_path)
    assert manage.status_code == 302 and "/tr/alerts/manage/" in manage["Location"]
    assert Subscriber.objects.get().confirmed_at is not None

    update = on_commit(
        lambda: add_update(
            tr_index,
            title="Onarım bekleyen işler azaldı",
            slug="onarim",
            topics=["repairs"],
            intro="Bekleyen onarımlar 450'ye düştü.",
        )
    )
    # Republishing the same update sends nothing more.
    on_commit(lambda: publish(update))
    [alert] = smtp.messages[1:]
    assert alert["To"] == "ayse@example.org"
    assert "Onarım bekleyen işler azaldı" in alert["Subject"]
    assert alert["Content-Language"] == "tr"
    assert alert["List-Unsubscribe"].strip().startswith("<http")
    assert "/tr/alerts/stop/" in alert["List-Unsubscribe"]
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = alert.get_body(preferencelist=("html",)).get_content()
    assert 'lang="tr"' in html and 'dir="ltr"' in html
    assert update.get_full_url() in html and "/tr/" in update.get_full_url()
    assert "Bekleyen onarımlar 450'ye düştü." in text_of(alert)
    assert Delivery.objects.get().status == DeliveryStatus.SENT


def test_one_click_post_unsubscribes_without_signing_in(client, smtp, updates_index, on_commit):
    record = subscriber(topics=["updates:repairs"])
    on_commit(lambda: add_update(updates_index, title="First", slug="first", topics=["repairs"]))
    [alert] = smtp.messages
    one_click = alert["List-Unsubscribe"].strip().strip("<>").split("://", 1)[1].split("/", 1)[1]
    response = client.post("/" + one_click, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    record.refresh_from_db()
    assert record.unsubscribed_at is not None
    on_commit(lambda: add_update(updates_index, title="Second", slug="second", topics=["repairs"]))
    assert len(smtp.messages) == 1


def test_urdu_subscriber_gets_right_to_left_email(smtp, updates_index, on_commit):
    subscriber(topics=["updates:repairs"], language="ur")
    on_commit(
        lambda: add_update(updates_index, title="Repairs", slug="repairs", topics=["repairs"])
    )
    [alert] = smtp.messages
    html = alert.get_body(preferencelist=("html",)).get_content()
    assert 'lang="ur" dir="rtl"' in html
    assert "/ur/alerts/stop/" in alert["List-Unsubscribe"]
    # No Urdu copy of the page yet: the email links to the English one rather than nowhere.
    assert "/en/updates/repairs/" in html


def test_only_followers_of_a_topic_hear(smtp, updates_index, on_commit):
    subscriber(email="repairs@example.org", topics=["updates:repairs"])
    subscriber(email="damp@example.org", topics=["updates:damp-and-mould"])
    subscriber(email="pending@example.org", topics=["updates:repairs"], confirmed=False)
    on_commit(lambda: add_update(updates_index, title="Repairs", slug="r", topics=["repairs"]))
    assert [m["To"] for m in smtp.messages] == ["repairs@example.org"]
