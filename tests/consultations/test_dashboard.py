"""The admin dashboard's "Open consultations" panel: what staff see when they sign in."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from consultations.admin_dashboard import days_left, open_consultations
from consultations.models import ResponseDraft
from portal.roles import COMMS_EDITORS, CONSULTATION_ANALYSTS, PANEL_MEMBERS
from tests.consultations.conftest import make_consultation
from tests.consultations.test_admin import staff
from tests.consultations.test_analysis import respond

pytestmark = pytest.mark.django_db


def panel_html(client, user):
    client.force_login(user)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    start = page.find('id="open-consultations-section"')
    return "" if start == -1 else page[start : page.find("</section>", start)]


@pytest.fixture
def three_consultations(consultation_index, estates):
    closing_soon = make_consultation(consultation_index, slug="soon", opens=-80, closes=2)
    later = make_consultation(consultation_index, slug="later", opens=-1, closes=40)
    closed = make_consultation(consultation_index, slug="closed", opens=-90, closes=-3)
    for _ in range(3):
        respond(closing_soon)
    respond(later)
    respond(closed)
    ResponseDraft.objects.create(consultation=later, expires_at=later.closes_at)
    ResponseDraft.objects.create(  # an expired draft is not "started, not yet sent"
        consultation=later, expires_at=timezone.now() - timedelta(minutes=1)
    )
    return closing_soon, later, closed


def test_analysts_see_open_consultations_with_responses_and_days_left(client, three_consultations):
    closing_soon, later, closed = three_consultations
    html = panel_html(client, staff("analyst", CONSULTATION_ANALYSTS))
    assert html, "the panel is missing from the dashboard"
    assert closing_soon.title in html and closed.slug not in html
    # Soonest to close first, each with its count, drafts and time left.
    rows = [item.page.slug for item in open_consultations(staff("other", CONSULTATION_ANALYSTS))]
    assert rows == ["soon", "later"]
    assert "2 days left" in html and "40 days left" in html
    assert reverse("consultation_responses:results", args=[closing_soon.pk]) in html
    soon, late = open_consultations(staff("third", CONSULTATION_ANALYSTS))
    assert (soon.responses, soon.drafts) == (3, 0)
    assert (late.responses, late.drafts) == (1, 1)


def test_the_panel_counts_in_a_fixed_number_of_queries(consultation_index, estates):
    user = staff("analyst", CONSULTATION_ANALYSTS)
    make_consultation(consultation_index, slug="first")
    open_consultations(user)  # the user's permissions and the default locale are cached after this
    with CaptureQueriesContext(connection) as one:
        open_consultations(user)
    for n in range(5):
        page = make_consultation(consultation_index, slug=f"more-{n}")
        respond(page)
    with CaptureQueriesContext(connection) as six:
        assert len(open_consultations(user)) == 6
    assert len(six) == len(one)


def test_editors_see_what_they_may_edit_but_no_results_and_others_see_no_panel(
    client, three_consultations
):
    from portal.roles import setup_roles

    setup_roles()  # Comms editors may edit every page under the home pages
    editor = staff("editor", COMMS_EDITORS)
    html = panel_html(client, editor)
    items = open_consultations(editor)
    assert [item.page.slug for item in items] == ["soon", "later"]
    for item in items:
        assert item.can_edit and reverse("wagtailadmin_pages:edit", args=[item.page.pk]) in html
    assert "consultation-responses" not in html  # editors cannot read responses
    # Staff with neither right (a panel member) reach the dashboard without the panel.
    client.force_login(staff("member", PANEL_MEMBERS))
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert b"open-consultations" not in dashboard.content


def test_a_part_day_counts_as_a_day_left():
    now = timezone.now()
    assert days_left(now + timedelta(hours=3), now) == 1
    assert days_left(now + timedelta(days=2), now) == 2
    assert days_left(now - timedelta(hours=1), now) == 0
