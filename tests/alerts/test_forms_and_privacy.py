"""Hostile input, tokens, digests, staff figures and privacy: through the real views."""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from portal.alerts import retention, sending, services, tokens
from portal.alerts.models import Delivery, ExportRecord, Subscriber

from .conftest import add_update, html_of, subscriber, text_of

pytestmark = pytest.mark.django_db

VALID = {
    "email": "a@example.org",
    "topics": ["updates:repairs"],
    "language": "en",
    "frequency": "immediate",
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": "not-an-address"}, "Enter an email address in the correct format"),
        ({"email": ""}, "Enter your email address"),
        ({"topics": []}, "Choose at least one thing to hear about"),
        ({"topics": ["updates:repairs", "'; DROP TABLE"]}, "Choose from the list"),
        ({"language": "xx"}, "Choose a language from the list"),
        ({"frequency": "hourly"}, "Choose how often we email you"),
        ({"email": "a\x00@example.org"}, "characters in it that we cannot store"),
    ],
)
def test_bad_input_is_refused_next_to_the_field(client, home_page, change, message):
    response = client.post("/en/alerts/", {**VALID, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_confirmed_address_keeps_its_choices_and_its_owner_is_told(client, smtp, home_page):
    subscriber(email="a@example.org", topics=["updates:repairs"])
    response = client.post("/en/alerts/", {**VALID, "topics": ["panel:meetings"]})
    assert response["Location"] == "/en/alerts/check-your-email/"  # the same page as for anyone
    assert list(Subscriber.objects.get().subscriptions.values_list("topic", flat=True)) == [
        "updates:repairs"
    ]
    [message] = smtp.messages
    assert "/en/alerts/manage/" in text_of(message)


def test_forged_and_expired_links_are_refused(client, home_page, settings):
    record = subscriber()
    assert client.get("/en/alerts/manage/forged:token/").status_code == 400
    confirm_token = tokens.make_token(record, tokens.CONFIRM)
    assert client.get(f"/en/alerts/manage/{confirm_token}/").status_code == 400  # wrong purpose
    settings.ALERTS_LINK_DAYS = -1
    manage = client.get(f"/en/alerts/manage/{tokens.make_token(record, tokens.MANAGE)}/")
    assert manage.status_code == 400 and "expired" in manage.content.decode()


def test_manage_page_changes_choices_without_signing_in(client, home_page):
    record = subscriber(topics=["updates:repairs"])
    url = f"/en/alerts/manage/{tokens.make_token(record, tokens.MANAGE)}/"
    page = client.get(url)
    assert 'value="updates:repairs" checked' in page.content.decode()
    response = client.post(
        url, {"topics": ["panel:minutes"], "language": "ur", "frequency": "weekly"}
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.language, record.frequency) == ("ur", "weekly")
    assert list(record.subscriptions.values_list("topic", flat=True)) == ["panel:minutes"]


def test_weekly_digest_groups_by_kind_and_lists_everything(smtp, updates_index, on_commit):
    subscriber(topics=["updates:repairs", "updates:complaints"], frequency="weekly")
    for n in range(3):
        on_commit(
            lambda n=n: add_update(
                updates_index, title=f"Update {n}", slug=f"u{n}", topics=["repairs", "complaints"]
            )
        )
    assert smtp.messages == []  # weekly: nothing yet
    report = sending.send_digests()
    assert report == {"sent": 1, "items": 3}
    [digest] = smtp.messages
    html = html_of(digest)
    assert digest["Subject"] == "Your weekly housing updates"
    assert "3 new items this week." in html
    assert html.count("<h2") == 1 and "Improvement plan updates" in html
    assert all(f"Update {n}" in html for n in range(3))
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sending.send_digests()["sent"] == 0  # nothing twice


def test_retention_removes_unconfirmed_and_long_unsubscribed(home_page, settings):
    old = timezone.now() - datetime.timedelta(days=8)
    pending = subscriber(email="pending@example.org", confirmed=False)
    Subscriber.objects.filter(pk=pending.pk).update(created_at=old)
    fresh = subscriber(email="fresh@example.org", confirmed=False)
    gone = subscriber(email="gone@example.org")
    services.unsubscribe(subscriber=gone)
    Subscriber.objects.filter(pk=gone.pk).update(
        unsubscribed_at=timezone.now() - datetime.timedelta(days=31)
    )
    recent = subscriber(email="recent@example.org")
    services.unsubscribe(subscriber=recent)
    assert retention.apply_retention() == {"unconfirmed": 1, "unsubscribed": 1}
    assert set(Subscriber.objects.values_list("email", flat=True)) == {fresh.email, recent.email}


def test_account_alerts_export_and_erasure(client, django_user_model, home_page):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("res", "res@example.org", "pw-12345678")
    EmailAddress.objects.create(user=user, email="res@example.org", primary=True, verified=True)
    client.force_login(user)
    response = client.post(
        "/en/accounts/alerts/",
        {"topics": ["updates:repairs"], "language": "pl", "frequency": "immediate"},
    )
    assert response.status_code == 302
    record = Subscriber.objects.get()
    assert record.is_active and record.user == user  # the account's address is confirmed
    data = json.loads(client.get("/en/accounts/alerts/data/").content)
    [mine] = data["email_alerts"]
    assert mine["email"] == "res@example.org" and mine["topics"] == ["updates:repairs"]
    assert mine["consent"]["wording"].startswith("We use your email address")
    client.post("/en/accounts/delete/", {"confirm": "on"})
    assert not Subscriber.objects.exists()


def test_staff_see_counts_and_only_permitted_staff_see_addresses(
    client, django_user_model, home_page
):
    subscriber(email="private@example.org", topics=["updates:repairs"], language="bn")
    admin = django_user_model.objects.create_user("admin", "admin@example.org", "pw", is_staff=True)
    admin.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_alertitem"),
        Permission.objects.get(codename="view_subscriber"),
    )
    client.force_login(admin)
    counts = client.get("/admin/email-alerts/subscribers/").content.decode()
    assert "Bengali" in counts and "private@example.org" not in counts
    assert client.get("/admin/email-alerts/subscribers/export/").status_code != 200
    assert not ExportRecord.objects.exists()
    admin.user_permissions.add(Permission.objects.get(codename="view_subscriber_addresses"))
    admin = django_user_model.objects.get(pk=admin.pk)
    client.force_login(admin)
    export = client.get("/admin/email-alerts/subscribers/export/")
    assert b"private@example.org" in b"".join(export.streaming_content)
    assert ExportRecord.objects.get().user == admin


def test_editors_see_queued_and_sent_per_item(
    client, django_user_model, smtp, updates_index, on_commit
):
    subscriber(topics=["updates:repairs"])
    on_commit(lambda: add_update(updates_index, title="Counted", slug="c", topics=["repairs"]))
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw", is_staff=True)
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_alertitem"),
    )
    client.force_login(editor)
    page = client.get("/admin/email-alerts/").content.decode()
    assert "Counted" in page and "<td>1</td><td>1</td><td>0</td><td>0</td>" in page
    assert client.get("/admin/email-alerts/subscribers/").status_code != 200
    assert Delivery.objects.get().status == "sent"


def test_sign_ups_for_one_address_stop_at_the_limit_with_the_429_page(
    client, home_page, settings, smtp
):
    settings.PORTAL_RATE_LIMITS = {"alert_subscribe": "3/h/email,50/h/ip"}
    for _attempt in range(3):
        assert client.post("/en/alerts/", VALID).status_code in (200, 302)
    refused = client.post("/en/alerts/", {**VALID, "email": "A@Example.org"})
    assert refused.status_code == 429 and "Retry-After" in refused
    assert len(smtp.messages) == 3  # the inbox got no fourth email
    assert client.post("/en/alerts/", {**VALID, "email": "b@example.org"}).status_code != 429
