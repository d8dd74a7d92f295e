"""The demo tells one story: no update from the future, and the panel is the size it says."""

import re

import pytest

from consultations.models import ConsultationPage
from news.models import CommitmentPage, UpdatePage
from news.models.mixins import london_today
from panel import demo as panel_demo
from panel.models import MeetingPage, MemberRole, PanelMember, PanelPage

pytestmark = pytest.mark.django_db

NUMBERS = {"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "one": 1, "a": 1}
NUMBERS.update({"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7})


@pytest.fixture
def demo(demo_content):
    """The shared demo (tests/conftest.py)."""


def test_no_published_update_is_dated_after_today(demo):
    today = london_today()
    updates = UpdatePage.objects.live()
    assert updates.count() >= 12
    assert [(u.title, u.date) for u in updates if u.date > today] == []
    # The newest update is the latest progress report, out at the latest today.
    assert updates.order_by("-date").first().date <= today


def test_the_consultation_update_is_dated_the_day_the_consultation_opened(demo):
    update = UpdatePage.objects.get(
        locale__language_code="en", slug="have-your-say-engagement-strategy"
    )
    consultation = ConsultationPage.objects.get(
        locale__language_code="en", slug="draft-resident-engagement-strategy"
    )
    assert update.date == consultation.opens_at.date()


def test_panel_member_counts_stated_in_the_demo_match_the_members_listed(demo):
    current = [m for m in PanelMember.objects.all() if m.is_current()]
    roles = [m.role for m in current]
    panel = PanelPage.objects.get(locale__language_code="en")
    terms = re.sub(r"<[^>]+>", "", panel.terms_of_reference)

    stated = re.search(r"It has (\w+) members: (.*?)\.", terms)
    assert stated, terms
    assert NUMBERS[stated.group(1)] == len(current) == 8
    mix = stated.group(2)
    assert NUMBERS[re.search(r"(\w+) tenants", mix).group(1)] == roles.count(MemberRole.TENANT)
    assert NUMBERS[re.search(r"(\w+) leaseholder", mix).group(1)] == roles.count(
        MemberRole.LEASEHOLDER
    )
    assert NUMBERS[re.search(r"(\w+) independent experts", mix).group(1)] == roles.count(
        MemberRole.INDEPENDENT_EXPERT
    )
    assert "Half of its members are tenants or leaseholders" in terms
    residents = roles.count(MemberRole.TENANT) + roles.count(MemberRole.LEASEHOLDER)
    assert residents * 2 == len(current)

    # The plan's panel commitment counts the same members; the news says the same number.
    commitment = CommitmentPage.objects.get(
        locale__language_code="en", slug="set-up-the-housing-advisory-panel"
    )
    assert commitment.target_value == len(current)
    news = UpdatePage.objects.get(
        locale__language_code="en", slug="housing-advisory-panel-members-appointed"
    )
    assert news.introduction.startswith("Eight members")
    # Every member was appointed before the panel's first meeting.
    first = MeetingPage.objects.filter(locale__language_code="en").order_by("start").first()
    assert all(m.term_start <= first.start.date() for m in current)
    assert "every two months" in panel_demo.PANEL_BODY
    meetings = list(MeetingPage.objects.filter(locale__language_code="en").order_by("start"))
    gaps = {
        (b.start.date() - a.start.date()).days for a, b in zip(meetings, meetings[1:], strict=False)
    }
    assert gaps == {60}


def test_the_demo_dashboard_shows_approvers_a_draft_waiting_for_them_and_what_is_open(demo, client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal.roles import COMMS_APPROVERS, CONSULTATION_ANALYSTS

    approver = get_user_model().objects.create_user("approver", "approver@example.org", "pw")
    approver.groups.add(*Group.objects.filter(name__in=[COMMS_APPROVERS, CONSULTATION_ANALYSTS]))
    client.force_login(approver)
    dashboard = client.get("/admin/").content.decode()
    waiting = UpdatePage.objects.get(locale__language_code="en", slug="repairs-backlog-winter-plan")
    assert not waiting.live and waiting.workflow_in_progress
    assert "Awaiting your review" in dashboard and waiting.title in dashboard
    # The open consultation is on the dashboard with the responses the demo made.
    assert 'id="open-consultations-section"' in dashboard
    for page in ConsultationPage.objects.live().open().filter(locale__language_code="en"):
        assert page.title in dashboard


def test_the_demo_starts_again_on_an_emptied_database(db):
    """After ``manage.py flush`` (or a test suite's) Wagtail's tree root is gone with the rest;
    the demo's home page makes it again and the default site points at the new home page."""
    from wagtail.models import Page, Site

    from portal.demo import _ensure_home_page
    from portal.locales import ensure_locales
    from portal.models import HomePage

    Site.objects.all().delete()
    Page.objects.all().delete()
    ensure_locales()
    home = _ensure_home_page()
    assert isinstance(home, HomePage) and home.live and home.depth == 2
    assert Page.get_first_root_node().depth == 1
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
