"""The demo generator: the content the issue asks for, private in every language, idempotent."""

import io
import random

import pytest
from wagtail.models import PageViewRestriction

from panel import demo as panel_demo
from panel import selectors
from panel.models import ActionStatus, MeetingAction, MeetingPage, PanelMember, PanelPapersPage
from portal import demo as site_demo

pytestmark = pytest.mark.django_db


def run(capture_on_commit, skip_translations=False):
    # wagtail-localize publishes translations when the transaction commits.
    with capture_on_commit(execute=True):
        return _run(skip_translations)


def _run(skip_translations):
    rng = random.Random(2020)
    options = {"skip_translations": skip_translations}
    home = site_demo.load_site(rng=rng, options=options, stdout=io.StringIO())
    panel_demo.generate(home=home, rng=rng, options=options, stdout=io.StringIO())
    return home


def test_demo_panel_has_everything_the_issue_asks_for_in_every_language(
    client, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks)
    # A second run updates, never duplicates (translations are updated in place by
    # translate_instance; skipped here to keep the test quick).
    run(django_capture_on_commit_callbacks, skip_translations=True)
    assert selectors.current_members().count() == 8
    assert PanelMember.objects.count() == 9  # and one past member
    english = MeetingPage.objects.filter(locale__language_code="en")
    assert english.count() == 4
    with_minutes = [m for m in english if m.minutes]
    assert len(with_minutes) == 3
    assert sum(m.minutes_are_approved for m in with_minutes) == 2
    assert sum(m.is_upcoming for m in english) == 1
    english_actions = MeetingAction.objects.filter(page__locale__language_code="en")
    assert {a.status for a in english_actions} == set(ActionStatus.values)
    assert english_actions.overdue().exists()

    # Every language has the panel, with translated titles and private papers.
    for code in ("tr", "pl", "es", "fr", "bn", "ur", "yi"):
        response = client.get(f"/{code}/housing-advisory-panel/")
        assert response.status_code == 200, code
        direction = "rtl" if code in ("ur", "yi") else "ltr"
        assert f'lang="{code}" dir="{direction}"' in response.content.decode()
    ur = client.get("/ur/housing-advisory-panel/").content.decode()
    assert "ہاؤسنگ مشاورتی پینل" in ur
    papers = PanelPapersPage.objects.all()
    assert papers.count() == 2 * 8
    for page in papers:
        restriction = PageViewRestriction.objects.get(page=page)
        assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert not PanelPapersPage.objects.public().exists()

    for path in (
        "/ur/housing-advisory-panel/",
        "/ur/housing-advisory-panel/members/",
        "/ur/housing-advisory-panel/meetings/",
        "/ur/housing-advisory-panel/meetings/meeting-3-damp-and-mould/",
        "/ur/housing-advisory-panel/action-log/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert 'lang="ur" dir="rtl"' in response.content.decode()
    actions = client.get("/ur/housing-advisory-panel/action-log/").content.decode()
    # Actions are copied to translations, then translated; a person's name as owner stays.
    assert "سیلن کی اطلاع والے ہر گھر کا دس کاروباری دنوں میں معائنہ کرنا۔" in actions
    assert "Inspect every home with a damp report" not in actions
    assert "<bdi>Rahim Uddin</bdi>" in actions
