"""News pages in a real browser: audits of states the page-type sweep does not reach (filters,
RSVP errors and confirmation), the RSVP journey by keyboard, and right-to-left tables."""

import pytest

from tests.browser.audit import assert_no_axe_violations, fetch, validate_html

LANGUAGES = ("en", "ur")


def _rsvp_event_path(language_code: str) -> str:
    from django.utils import timezone

    from news.models import EventPage, EventStatus

    event = (
        EventPage.objects.live()
        .filter(
            locale__language_code=language_code,
            rsvp_enabled=True,
            status=EventStatus.SCHEDULED,
            start__gt=timezone.now(),
        )
        .order_by("start")
        .first()
    )
    assert event is not None, "the demo content has an upcoming event taking replies"
    return event.get_url()


def _commitment_path(language_code: str) -> str:
    from news.models import CommitmentPage

    return CommitmentPage.objects.live().filter(locale__language_code=language_code).first().url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_news_page_states_have_no_axe_violations_and_valid_html(page, lang):
    paths = {
        "tracker": f"/{lang}/improvement-plan/",
        "commitment": _commitment_path(lang),
        "updates by topic": f"/{lang}/updates/?topic=repairs",
        "updates page 2": f"/{lang}/updates/?page=2",
        "past events": f"/{lang}/events/?when=past",
        "events with bad filters": f"/{lang}/events/?estate=999999&month=nope",
        "event with replies": _rsvp_event_path(lang),
    }
    documents = {}
    for name, path in paths.items():
        status, html = fetch(page, path)
        assert status == 200, (name, path)
        documents[f"{name} [{lang}]"] = html
        page.goto(path)
        assert page.locator("h1").count() == 1, name
        assert_no_axe_violations(page, f"{name} [{lang}]")
    validate_html(documents)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rsvp_by_keyboard_shows_errors_then_confirms(page, lang):
    page.goto(_rsvp_event_path(lang))
    # Reach the name field by keyboard alone and send the form empty.
    page.locator("#id_name").focus()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.locator("#id_places").fill("")
    page.locator("#id_places").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")  # implicit submission from a text field
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert page.locator(".govuk-error-message").count() >= 2
    assert_no_axe_violations(page, f"RSVP errors [{lang}]")
    # The error summary links move focus to the field.
    summary.locator("a").first.focus()
    page.keyboard.press("Enter")
    page.locator("#id_name").fill("Keyboard resident")
    page.locator("#id_places").fill("1")
    page.locator("#id_places").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    banner = page.locator(".govuk-notification-banner--success")
    assert banner.is_visible()
    assert "Keyboard resident" in banner.inner_text()
    assert page.url.endswith("#rsvp")
    assert_no_axe_violations(page, f"RSVP confirmation [{lang}]")


def test_tracker_table_reads_right_to_left_in_urdu(page):
    page.goto("/ur/improvement-plan/")
    first_header = page.locator(".news-tracker th").first
    align = first_header.evaluate("el => getComputedStyle(el).textAlign")
    assert align == "right"
    page.goto("/en/improvement-plan/")
    align = page.locator(".news-tracker th").first.evaluate("el => getComputedStyle(el).textAlign")
    assert align in ("left", "start")
