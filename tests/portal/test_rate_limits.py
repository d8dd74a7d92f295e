"""Rate limits on residents' forms (portal.ratelimit), through the real views.

Each limit is set low here (the ``settings`` fixture) so a test reaches it in a few requests; the
defaults in portal.settings.base are the same shape. Mail goes to a real SMTP server.
"""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.utils import timezone

from consultations.models import Response, ResponseDraft
from news.models import EventIndexPage, EventRSVP
from portal import ratelimit
from tests.consultations import conftest as consultation_fixtures
from tests.consultations.test_journey import token_of, walk
from tests.news.conftest import add_event, publish, translate

# The consultations suite's page tree, shared rather than built again.
estates = consultation_fixtures.estates
consultation_index = consultation_fixtures.consultation_index
consultation = consultation_fixtures.consultation
PROXY = "10.0.0.5"  # the council's TLS proxy, as the app sees it


def add_open_event(home_page):
    """An event taking replies, with room for every reply these tests send."""
    index = publish(
        home_page.add_child(
            instance=EventIndexPage(title="Estate events", slug="events", introduction="Events.")
        )
    )
    start = timezone.now() + timedelta(days=7)
    return add_event(
        index, title="Drop-in", slug="drop-in", start=start, rsvp_enabled=True, capacity=100
    )


@pytest.fixture
def event(home_page):
    return add_open_event(home_page)


def rsvp(client, event, *, email="", **extra):
    return client.post(
        f"{event.url}rsvp/",
        {"name": "Ayşe", "email": email, "places": "1", "submission_key": str(uuid.uuid4())},
        **extra,
    )


def assert_refused(response, *, within: int):
    """A 429 with the translated explanation and a Retry-After the resident can act on."""
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= within
    html = response.content.decode()
    assert "Too many attempts" in html
    assert "Try again in" in html
    assert "no-store" in response["Cache-Control"]
    return html


def on_save_page(client, consultation):
    """A resident part-way through who pressed "Save and come back later"."""
    base = consultation.get_url()
    client.get(f"{base}respond/")
    token = token_of(client.get(f"{base}respond/responding-as/"))
    client.post(f"{base}respond/responding-as/", {"token": token, "respondent_type": "tenant"})
    client.post(
        f"{base}respond/section/about/", {"token": token, "q-tenant": "no", "save_for_later": "1"}
    )
    return f"{base}respond/save/"


# --- save for later ---------------------------------------------------------------------------
def test_resume_emails_to_one_address_stop_at_the_limit(client, consultation, smtp, settings):
    settings.PORTAL_RATE_LIMITS = {"resume_email": "3/h/email,50/h/ip"}
    save = on_save_page(client, consultation)
    for _attempt in range(3):
        assert client.post(save, {"email": "victim@example.org"}).status_code == 302
    refused = client.post(save, {"email": "Victim@Example.org"})  # same inbox, other spelling
    html = assert_refused(refused, within=3600)
    assert "Anything you had already saved has not been lost." in html
    assert f'href="{save}"' in html  # back to the form
    assert [m["To"] for m in smtp.messages] == ["victim@example.org"] * 3
    # The draft itself is untouched, and another address is still served.
    assert ResponseDraft.objects.get().answers["tenant"] == "no"
    assert client.post(save, {"email": "me@example.org"}).status_code == 302
    assert len(smtp.messages) == 4


def test_resume_emails_from_one_connection_stop_at_the_limit(client, consultation, smtp, settings):
    settings.PORTAL_RATE_LIMITS = {"resume_email": "10/h/email,2/h/ip"}
    save = on_save_page(client, consultation)
    assert client.post(save, {"email": "a@example.org"}).status_code == 302
    assert client.post(save, {"email": "b@example.org"}).status_code == 302
    assert_refused(client.post(save, {"email": "c@example.org"}), within=3600)
    assert len(smtp.messages) == 2


def test_a_mistyped_address_is_not_counted(client, consultation, smtp, settings):
    settings.PORTAL_RATE_LIMITS = {"resume_email": "1/h/email,1/h/ip"}
    save = on_save_page(client, consultation)
    wrong = client.post(save, {"email": "not an address"})
    assert wrong.status_code == 200
    assert "Enter an email address in the correct format" in wrong.content.decode()
    assert client.post(save, {"email": "me@example.org"}).status_code == 302
    assert len(smtp.messages) == 1


# --- RSVPs ------------------------------------------------------------------------------------
def test_rsvps_from_one_connection_stop_at_the_limit_and_fill_nothing(client, event, settings):
    settings.PORTAL_RATE_LIMITS = {"rsvp": "3/h/ip"}
    for _reply in range(3):
        assert rsvp(client, event).status_code == 302
    assert_refused(rsvp(client, event), within=3600)
    assert EventRSVP.objects.count() == 3
    assert event.places_left() == 97


def test_rsvps_for_one_email_stop_at_the_limit_whatever_the_connection(client, event, settings):
    settings.PORTAL_RATE_LIMITS = {"rsvp": "100/h/ip,2/h/email"}
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for n in range(2):
        reply = rsvp(client, event, email="ayse@example.org", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
        assert reply.status_code == 302
    refused = rsvp(client, event, email="ayse@example.org", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert_refused(refused, within=3600)
    assert EventRSVP.objects.count() == 2


def test_residents_behind_one_proxy_are_counted_by_their_own_address(event, settings):
    """Behind the TLS proxy every request comes from its address: the header names the resident."""
    settings.PORTAL_RATE_LIMITS = {"rsvp": "2/h/ip"}
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first, second = Client(REMOTE_ADDR=PROXY), Client(REMOTE_ADDR=PROXY)
    for _reply in range(2):
        assert rsvp(first, event, HTTP_X_FORWARDED_FOR="203.0.113.10").status_code == 302
    assert_refused(rsvp(first, event, HTTP_X_FORWARDED_FOR="203.0.113.10"), within=3600)
    # The neighbour on another connection, through the same proxy, is not locked out.
    assert rsvp(second, event, HTTP_X_FORWARDED_FOR="203.0.113.20").status_code == 302
    assert EventRSVP.objects.count() == 3


def test_residents_sharing_one_address_are_counted_by_their_own_email(event, settings):
    """A family or a library behind one address: the per-email limit is each person's own."""
    settings.PORTAL_RATE_LIMITS = {"rsvp": "100/h/ip,1/h/email"}
    first, second = Client(REMOTE_ADDR=PROXY), Client(REMOTE_ADDR=PROXY)
    assert rsvp(first, event, email="ayse@example.org").status_code == 302
    assert rsvp(first, event, email="ayse@example.org").status_code == 429
    assert rsvp(second, event, email="jan@example.org").status_code == 302
    assert sorted(EventRSVP.objects.values_list("email", flat=True)) == [
        "ayse@example.org",
        "jan@example.org",
    ]


def test_a_forged_forwarded_header_changes_nothing_when_no_proxy_is_trusted(
    client, event, settings
):
    settings.PORTAL_RATE_LIMITS = {"rsvp": "2/h/ip"}
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for n in range(2):
        assert rsvp(client, event, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code == 302
    assert rsvp(client, event, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429
    assert EventRSVP.objects.count() == 2


def test_the_refusal_is_in_the_residents_language_right_to_left(client, event, locales, settings):
    settings.PORTAL_RATE_LIMITS = {"rsvp": "1/h/ip"}
    urdu = translate(event, locales["ur"])
    assert rsvp(client, urdu).status_code == 302
    refused = rsvp(client, urdu)
    assert refused.status_code == 429
    html = refused.content.decode()
    assert '<html lang="ur" dir="rtl"' in html
    assert "Too many attempts" not in html
    assert "کوششیں" in html  # "attempts"


# --- responses and drafts ---------------------------------------------------------------------
def test_sending_responses_from_one_connection_stops_at_the_limit_and_keeps_the_answers(
    consultation, settings
):
    settings.PORTAL_RATE_LIMITS = {"response": "2/h/ip"}
    for _household_member in range(2):
        resident = Client()
        check, token = walk(resident, consultation)
        assert resident.post(check.request["PATH_INFO"], {"token": token}).status_code == 302
    resident = Client()
    check, token = walk(resident, consultation)
    refused = resident.post(check.request["PATH_INFO"], {"token": token})
    html = assert_refused(refused, within=3600)
    assert f'href="{check.request["PATH_INFO"]}"' in html
    assert Response.objects.count() == 2
    # Nothing typed is lost: the check page still shows this resident's answers.
    again = resident.get(check.request["PATH_INFO"])
    assert again.status_code == 200
    assert "ada@example.org" in again.content.decode()


def test_new_drafts_from_one_connection_stop_at_the_limit(consultation, settings):
    settings.PORTAL_RATE_LIMITS = {"draft": "3/h/ip"}
    base = consultation.get_url()
    for _visitor in range(3):
        walk(Client(), consultation)
    assert ResponseDraft.objects.count() == 3
    resident = Client()
    answer = resident.get(f"{base}respond/")
    if answer.status_code == 302:  # the draft is made with the first answer, not on this GET
        step = resident.get(answer["Location"])
        answer = resident.post(
            step.request["PATH_INFO"], {"token": token_of(step), "respondent_type": "tenant"}
        )
    assert_refused(answer, within=3600)
    assert ResponseDraft.objects.count() == 3


# --- the client address and the configuration -------------------------------------------------
@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "198.51.100.1", "203.0.113.9"),  # nobody trusted: the header is ignored
        (1, PROXY, "198.51.100.1", "198.51.100.1"),
        (1, PROXY, "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # a forged first entry is skipped
        (2, PROXY, "198.51.100.1", PROXY),  # did not pass both proxies: the connection's address
        (1, PROXY, "not-an-address", PROXY),
        (0, "2001:db8:1:2:3:4:5:6", "", "2001:db8:1:2::"),  # one /64 is one household
    ],
)
def test_client_ip_follows_the_trusted_proxy_count(settings, trusted, remote, forwarded, expected):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = trusted
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = RequestFactory().post("/", REMOTE_ADDR=remote, **headers)
    assert ratelimit.client_ip(request) == expected


@pytest.mark.parametrize("rate", ["3/h", "x/h/ip", "3/w/ip", "3/h/cookie", "0/h/ip"])
def test_a_rate_that_cannot_be_read_is_a_configuration_error(rate):
    with pytest.raises(ImproperlyConfigured, match="PORTAL_RATE_LIMITS"):
        ratelimit.parse_rates(rate)


def test_rates_read_as_documented():
    assert ratelimit.parse_rates("3/h/email, 10/30m/ip,5/2d/ip") == [
        ratelimit.Rate(3, 3600, "email"),
        ratelimit.Rate(10, 1800, "ip"),
        ratelimit.Rate(5, 172800, "ip"),
    ]
