"""The consultation staff tools in the Wagtail admin, in a real browser.

An analyst signs in through the one sign-in (password, then second factor) and uses the results
(split by language), the free-text coding page (adding a theme and tagging an answer with it)
and assisted entry (including its error state), with axe-core on every page. Editors, who edit
consultation pages but must not read responses, are turned away from the same addresses.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from playwright.sync_api import expect

from consultations.models import AnswerTheme, ConsultationPage, Response, Theme
from portal.roles import COMMS_EDITORS, CONSULTATION_ANALYSTS
from tests.browser import staff
from tests.browser.audit import assert_no_axe_violations

PASSWORD = "a-long-browser-test-passphrase"
SLUG = "draft-resident-engagement-strategy"
THEME = "Meetings at better times"
EDITOR_GROUPS = [COMMS_EDITORS, "Editors"]


def _staff_user(username: str, group: str):
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    user.set_password(PASSWORD)
    user.save()
    user.groups.set([Group.objects.get(name=group)])
    staff.enrol_staff(user)
    return user


@pytest.fixture(scope="module")
def analyst(demo_site):
    return _staff_user("browser-analyst", CONSULTATION_ANALYSTS)


@pytest.fixture(scope="module")
def editors(demo_site) -> dict:
    """Page editors: the portal's Comms editors and Wagtail's own Editors group.

    Users are made in a module fixture, outside each test's transaction, so that the live
    server (another thread and connection) can sign them in.
    """
    return {group: _staff_user(f"browser-{slugify(group)}", group) for group in EDITOR_GROUPS}


@pytest.fixture(scope="module")
def consultation(demo_site) -> ConsultationPage:
    return ConsultationPage.objects.get(slug=SLUG, locale__language_code="en")


def staff_urls(consultation) -> dict[str, str]:
    base = f"/admin/consultation-responses/{consultation.pk}/"
    return {
        "results by language": f"{base}?by=language",
        "free text and themes": f"{base}free-text/",
        "assisted entry": f"{base}enter/",
    }


def sign_in(page, user) -> None:
    """The one sign-in: email and password, then the second factor (tests.browser.staff)."""
    staff.sign_in(page, user, PASSWORD)


def audit(page, context: str) -> None:
    """axe-core once Wagtail's message bar has faded in.

    The bar's list fades in (a half-second opacity transition, even when empty); measured
    mid-way, a message's text fails colour contrast. Running CSS transitions are waited for too.
    Wagtail's "What's new" badge pings for 25 seconds: animations are not waited for.
    """
    expect(page.locator(".messages ul")).to_have_css("opacity", "1")
    page.evaluate(
        """() => Promise.all(document.getAnimations()
            .filter((animation) => animation instanceof CSSTransition)
            .map((animation) => animation.finished.catch(() => null)))"""
    )
    assert_no_axe_violations(page, context=context)


def test_analyst_tools_have_no_axe_violations(page, analyst, consultation):
    urls = staff_urls(consultation)
    sign_in(page, analyst)

    page.goto("/admin/consultation-responses/")
    expect(page.locator("main")).to_contain_text(consultation.title)
    audit(page, "consultation responses index")

    # Results split by language. The counts may be cached: counted again, they include every
    # response stored so far, and the split is kept.
    assert page.goto(urls["results by language"]).status == 200
    expect(page.locator("#id_by")).to_have_value("language")
    audit(page, "results by language")
    with page.expect_navigation():
        page.get_by_role("button", name="Count again now").click()
    expect(page.locator("#id_by")).to_have_value("language")
    total = Response.objects.filter(consultation=consultation).count()
    expect(page.locator("main")).to_contain_text(f"{total} responses in every language")
    expect(page.locator("h3", has_text="Responses by language")).to_have_count(1)
    expect(page.locator("table caption", has_text=": split").first).to_be_attached()
    audit(page, "results by language, counted again")

    # Free text: add a theme, then tag the first answer with it.
    assert page.goto(urls["free text and themes"]).status == 200
    audit(page, "free text, no themes yet")
    page.fill("#id_name", THEME)
    with page.expect_navigation():
        page.get_by_role("button", name="Add theme").click()
    expect(page.locator(".messages")).to_contain_text(f"Theme “{THEME}” added.")
    first_answer = page.locator("main article").first
    first_answer.get_by_label(THEME).check()
    theme = Theme.objects.get(consultation=consultation, name=THEME)
    # With JavaScript the themes are saved in the background (coding.js): no reload, the status
    # region announces the save and the theme's count in the table goes up.
    first_answer.get_by_role("button", name="Save themes").click()
    expect(page.locator("[data-coding-status]")).to_contain_text("Themes saved for response")
    expect(page.locator(f'[data-theme-count="{theme.pk}"]')).to_have_text("1")
    expect(first_answer.get_by_label(THEME)).to_be_checked()
    audit(page, "free text with a theme and a coded answer")
    assert AnswerTheme.objects.filter(theme=theme).count() == 1

    # Assisted entry, blank and then sent without its required answers.
    assert page.goto(urls["assisted entry"]).status == 200
    audit(page, "assisted entry")
    before = Response.objects.filter(consultation=consultation).count()
    with page.expect_navigation():
        page.get_by_role("button", name="Store this response").click()
    expect(page.locator(".messages")).to_contain_text("The response has not been stored.")
    expect(page.locator(".consultation-entry__error").first).to_be_visible()
    audit(page, "assisted entry with errors")
    assert Response.objects.filter(consultation=consultation).count() == before


@pytest.mark.parametrize("group", EDITOR_GROUPS)
def test_editors_are_turned_away_from_staff_tools(page, editors, consultation, group):
    sign_in(page, editors[group])
    for name, url in staff_urls(consultation).items():
        response = page.request.get(url, max_redirects=0, fail_on_status_code=False)
        assert response.status in (302, 403), f"{name}: {response.status}"
        if response.status == 302:
            assert "consultation-responses" not in response.headers["location"], name
        page.goto(url)
        expect(page.locator("main")).not_to_contain_text("Enter a paper, phone or event response")
        expect(page.locator("main")).not_to_contain_text("Answers by question")
    # Nor is the staff tools' menu item shown.
    page.goto("/admin/")
    expect(page.get_by_role("link", name="Consultation responses")).to_have_count(0)
