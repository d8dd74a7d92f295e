"""Staff tools in the Wagtail admin: who can reach them, what they show, what they store."""

import csv
import io
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import admin_menu
from wagtail.models import PageLogEntry

from consultations.models import AnswerTheme, RespondentDetails, Response, Theme
from portal.roles import COMMS_APPROVERS, COMMS_EDITORS, CONSULTATION_ANALYSTS, ensure_groups
from tests.consultations.test_analysis import respond

pytestmark = pytest.mark.django_db


def staff(username, role=None):
    ensure_groups()
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def analyst(client):
    return staff("analyst", CONSULTATION_ANALYSTS)


def urls(page):
    return {
        "index": reverse("consultation_responses:index"),
        "results": reverse("consultation_responses:results", args=[page.pk]),
        "free_text": reverse("consultation_responses:free_text", args=[page.pk]),
        "csv": reverse("consultation_responses:export", args=[page.pk, "csv"]),
        "xlsx": reverse("consultation_responses:export", args=[page.pk, "xlsx"]),
        "enter": reverse("consultation_responses:enter", args=[page.pk]),
        "erase": reverse("consultation_responses:erase"),
    }


@pytest.fixture
def answered(consultation):
    respond(consultation, comments="Secret opinion about repairs")
    return consultation


@pytest.mark.parametrize("role", [None, COMMS_EDITORS, COMMS_APPROVERS])
def test_residents_and_editors_cannot_reach_responses_results_or_exports(client, answered, role):
    user = staff(f"user-{role}", role)
    client.force_login(user)
    for name, url in urls(answered).items():
        response = client.get(url)
        assert response.status_code == 302, name
        if role is None:  # a resident: no admin access at all
            assert reverse("wagtailadmin_login") in response["Location"]
        else:
            assert response["Location"] == reverse("wagtailadmin_home")
        assert b"Secret opinion" not in response.content
    assert client.post(urls(answered)["enter"], {}).status_code == 302
    assert Response.objects.count() == 1
    assert not PageLogEntry.objects.filter(action="consultations.export").exists()
    if role:  # and the menu does not offer the tools
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Consultation responses" not in home


def test_anonymous_visitors_are_sent_to_the_admin_login(client, answered):
    for url in urls(answered).values():
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_analysts_reach_every_tool(client, answered, analyst):
    client.force_login(analyst)
    for name, url in urls(answered).items():
        response = client.get(url)
        assert response.status_code == 200, name
    index = client.get(urls(answered)["index"]).content.decode()
    assert "Draft resident engagement strategy" in index
    free_text = client.get(urls(answered)["free_text"] + "?field=comments").content.decode()
    assert "Secret opinion about repairs" in free_text


def menu(rf, user) -> list[tuple[str, str, str]]:
    """The admin's main menu as ``user`` sees it: (label, link, icon), in the sidebar's order."""
    request = rf.get(reverse("wagtailadmin_home"))
    request.user = user
    items = sorted(admin_menu.menu_items_for_request(request), key=lambda item: item.order)
    return [(str(item.label), item.url, item.icon_name) for item in items]


def test_the_menu_offers_analysts_the_tools_straight_after_pages(rf, analyst):
    tools = ("Consultation responses", reverse("consultation_responses:index"), "form")
    assert tools in menu(rf, analyst)
    administrator = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    labels = [label for label, _url, _icon in menu(rf, administrator)]
    assert labels[:3] == ["Pages", "Consultation responses", "Plan measurements"]


def test_results_page_shows_counts_and_a_table_for_every_chart(client, consultation, analyst):
    respond(consultation, topics=["more-meetings", "online"])
    respond(consultation, topics=["online"], language="ur", channel="paper")
    client.force_login(analyst)
    html = client.get(urls(consultation)["results"]).content.decode()
    assert "2 responses in every language and channel." in html
    assert "<caption" in html and 'role="img"' in html
    # Each option counted: "Online surveys" by both, "More meetings" by one; no combination.
    assert '<th scope="row">Online surveys</th>\n                <td>2</td>' in html
    assert '<th scope="row">More meetings</th>\n                <td>1</td>' in html
    assert "More meetings, Online surveys" not in html
    assert "Urdu" in html and "Paper" in html
    split = client.get(urls(consultation)["results"] + "?by=channel").content.decode()
    assert "Which topics matter?: split" in split


def test_results_page_queries_do_not_grow_with_responses(
    client, consultation, analyst, django_assert_max_num_queries
):
    client.force_login(analyst)
    respond(consultation)
    # Counted afresh each time ("recount"), so the counting itself is measured.
    url = urls(consultation)["results"] + "?by=estate&recount=1"
    client.get(url)  # warm per-process caches (site, locales)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for index in range(30):
        respond(consultation, language=["en", "ur", "tr"][index % 3], years=index)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert "31 responses" in response.content.decode()


def test_results_are_counted_once_then_again_on_request_or_after_an_erasure(
    client, consultation, analyst, django_capture_on_commit_callbacks
):
    from consultations.analysis import services as analysis_services

    client.force_login(analyst)
    first = respond(consultation, comments="Call me on 07700 900123")
    url = urls(consultation)["results"]
    html = client.get(url).content.decode()
    assert "1 response in every language" in html and "Counted at" in html
    respond(consultation)
    # Still the counts made a moment ago, saying when they were made...
    assert "1 response in every language" in client.get(url).content.decode()
    # ...until the analyst asks to count again.
    assert "2 responses in every language" in client.get(url + "?recount=1").content.decode()
    answered_before = client.get(url).content.decode().count("Answered by 2 ")
    with django_capture_on_commit_callbacks(execute=True):
        analysis_services.erase_respondent_data(response=first, erase_answers=True, user=analyst)
    # Erased answers are never counted from the cache: the next visit counts again.
    after = client.get(url).content.decode()
    assert after.count("Answered by 2 ") < answered_before


def test_export_is_streamed_and_written_to_the_audit_log(client, answered, analyst):
    client.force_login(analyst)
    response = client.get(urls(answered)["csv"])
    assert response.streaming
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[1][rows[0].index("Any other comments?")] == "Secret opinion about repairs"
    entry = PageLogEntry.objects.get(action="consultations.export")
    assert entry.user == analyst and entry.page_id == answered.pk
    assert entry.data == {"format": "csv", "responses": 1}
    assert entry.message == "Responses exported"
    client.get(urls(answered)["xlsx"])
    assert PageLogEntry.objects.filter(action="consultations.export").count() == 2


PAPER_ANSWERS = {
    "channel": "paper",
    "received_on": "3/6/2025",
    "language": "bn",
    "respondent_type": "leaseholder",
    "name": "Rahima",
    "q-tenant": "no",
    "q-how": "other",
    "q-how.other": "Coffee mornings",
    "q-topics": ["panel", "online"],
    "q-often": "yearly",
    "q-agree": "neither",
    "q-rating": "2",
    "q-priorities-online": "1",
    "q-priorities-panel": "2",
    "q-matrix-repairs": "ok",
    "q-matrix-cleaning": "poor",
    "q-years": "7",
    "q-consent": "yes",
    # The tenants' section is skipped for a "no": its answer must not be stored.
    "q-tenancy": "Ignored because hidden",
}


def test_assisted_entry_stores_a_paper_response_once_with_the_same_rules(
    client, consultation, analyst
):
    client.force_login(analyst)
    url = urls(consultation)["enter"]
    form = client.get(url).content.decode()
    assert 'name="q-priorities-online"' in form and 'name="q-matrix-cleaning"' in form
    token = str(uuid.uuid4())
    response = client.post(url, {**PAPER_ANSWERS, "token": token})
    assert response.status_code == 302
    stored = Response.objects.get()
    assert (stored.channel, stored.language, stored.entered_by) == ("paper", "bn", analyst)
    assert stored.respondent_type == "leaseholder"
    assert stored.submitted_at.date().isoformat() == "2025-06-03"
    assert stored.answers["topics"] == ["online", "panel"]
    assert stored.answers["how.other"] == "Coffee mornings"
    assert stored.answers["priorities"] == ["online", "panel"]
    assert "tenancy" not in stored.answers
    assert RespondentDetails.objects.get(response=stored).name == "Rahima"
    page = client.get(response["Location"]).content.decode()
    assert stored.reference in page
    # A double-click or a resubmitted form stores nothing new.
    client.post(url, {**PAPER_ANSWERS, "token": token})
    assert Response.objects.count() == 1


def test_assisted_entry_shows_errors_beside_fields_and_keeps_answers(client, consultation, analyst):
    client.force_login(analyst)
    url = urls(consultation)["enter"]
    bad = {
        **PAPER_ANSWERS,
        "token": str(uuid.uuid4()),
        "q-years": "200",
        "q-topics": ["panel", "online", "more-meetings"],
        "q-how": "not-an-option",
        "received_on": "yesterday-ish",
    }
    response = client.post(url, bad)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a number between 0 and 100." in html
    assert "Select no more than 2 answers." in html
    assert "Select one of the answers shown." in html
    assert 'id="q-years-error"' in html
    assert 'value="200"' in html and 'value="Rahima"' in html
    # What was typed for "Other" is kept even though the choice itself was refused.
    assert 'value="Coffee mornings"' in html
    assert "The response has not been stored." in html
    assert not Response.objects.exists()


def test_analysts_add_themes_and_code_answers(client, answered, analyst):
    client.force_login(analyst)
    url = urls(answered)["free_text"]
    response = client.post(
        url, {"action": "add_theme", "name": "Repairs", "query": "field=comments"}
    )
    assert response.status_code == 302 and response["Location"].endswith("?field=comments")
    duplicate = client.post(url, {"action": "add_theme", "name": "Repairs"})
    assert "There is already a theme with this name." in duplicate.content.decode()
    theme = Theme.objects.get()
    target = Response.objects.get()
    response = client.post(
        url,
        {
            "response": target.pk,
            "field": "comments",
            "themes": [theme.pk],
            "query": "field=comments",
        },
    )
    assert response.status_code == 302
    coding = AnswerTheme.objects.get()
    assert (coding.response, coding.question_id, coding.coded_by) == (target, "comments", analyst)
    html = client.get(f"{url}?field=comments&theme={theme.pk}").content.decode()
    assert "Secret opinion about repairs" in html and "checked" in html
    results = client.get(urls(answered)["results"]).content.decode()
    assert '<th scope="row">Repairs</th><td>1</td>' in results


def test_editors_cannot_code_themes(client, answered):
    client.force_login(staff("editor", COMMS_EDITORS))
    client.post(urls(answered)["free_text"], {"action": "add_theme", "name": "Sneaky"})
    assert not Theme.objects.exists()


def test_analyst_erases_a_respondent_found_by_email(client, consultation, analyst):
    target = respond(
        consultation, details={"name": "Ada", "email": "ada@example.org", "address": "1 Road"}
    )
    client.force_login(analyst)
    url = urls(consultation)["erase"]
    found = client.get(url, {"q": "ADA@example.org"}).content.decode()
    assert target.reference in found
    response = client.post(url, {"response": target.pk, "erase_answers": "on"})
    assert response.status_code == 302
    details = RespondentDetails.objects.get(response=target)
    assert (details.name, details.email, details.address) == ("", "", "")
    target.refresh_from_db()
    assert target.answers == {}
    entry = PageLogEntry.objects.get(action="consultations.erase_respondent")
    assert entry.user == analyst


def test_results_header_names_the_consultation_its_status_and_dates(client, consultation, analyst):
    client.force_login(analyst)
    html = client.get(urls(consultation)["results"]).content.decode()
    assert f"Results: {consultation.title}" in html  # the page's heading for screen readers
    status = html[html.index('class="consultation-results__status"') :][:400]
    assert str(consultation.status.label) in status
    for when in (consultation.opens_at, consultation.closes_at):
        assert timezone.localtime(when).strftime("%-d %B %Y") in status
