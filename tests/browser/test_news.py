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
        "reply form": _rsvp_event_path(lang) + "rsvp/",
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


def _active(page, selector: str) -> bool:
    return page.evaluate("(s) => document.activeElement.matches(s)", selector)


def _tab_to(page, selector: str, *, limit: int = 120) -> None:
    """Press Tab until the focused element matches ``selector`` (no press if it already does)."""
    for _press in range(limit + 1):
        if _active(page, selector):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reaches {selector} on {page.url}")


def _clear_and_type(page, text: str) -> None:
    page.keyboard.press("Control+a")
    page.keyboard.press("Backspace")
    if text:
        page.keyboard.type(text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rsvp_by_keyboard_shows_errors_then_confirms_with_focus_at_the_confirmation(page, lang):
    page.goto(_rsvp_event_path(lang))
    # The event page links to the reply form, a step of its own (so the event page is cached).
    _tab_to(page, "a.govuk-button[href$='/rsvp/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/rsvp/")
    assert page.locator("html").get_attribute("lang") == lang
    # Send the form with no name and no number of places, by keys alone.
    _tab_to(page, "#id_name")
    _tab_to(page, "#id_places")
    _clear_and_type(page, "")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # implicit submission from a text field
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert page.locator(".govuk-error-message").count() >= 2
    # GOV.UK Frontend moves focus to the error summary, so its first link is one Tab away.
    assert _active(page, ".govuk-error-summary")
    assert_no_axe_violations(page, f"RSVP errors [{lang}]")
    page.keyboard.press("Tab")
    assert _active(page, ".govuk-error-summary a")
    page.keyboard.press("Enter")
    assert _active(page, "#id_name")  # the link took focus to the field it names
    page.keyboard.type("Keyboard resident")
    _tab_to(page, "#id_places")
    _clear_and_type(page, "2")
    _tab_to(page, "form[action$='/rsvp/'] button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # A page of its own: the address, the title and the heading say the reply was saved.
    assert page.url.endswith("/rsvp/confirmation/")
    heading = page.locator("h1.govuk-panel__title").inner_text().strip()
    assert page.title().startswith(heading)
    details = page.locator(".govuk-summary-list").inner_text()
    assert "Keyboard resident" in details and "2" in details
    assert page.locator("html").get_attribute("lang") == lang
    # Focus starts at the top of the confirmation, not in a form further down: the first Tab
    # reaches the skip link.
    assert page.evaluate("document.activeElement === document.body")
    page.keyboard.press("Tab")
    assert _active(page, ".govuk-skip-link")
    assert_no_axe_violations(page, f"RSVP confirmation [{lang}]")
    status, html = fetch(page, page.url)  # same session, so the same reply
    assert status == 200
    validate_html({f"RSVP confirmation [{lang}]": html})
    # Cancel by keyboard too: the event page says so in a banner that takes focus.
    _tab_to(page, "form[action$='/rsvp/cancel/'] button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    banner = page.locator(".govuk-notification-banner--success")
    assert "Keyboard resident" in banner.inner_text()
    page.wait_for_function("document.activeElement.matches('.govuk-notification-banner')")


def test_tracker_table_reads_right_to_left_in_urdu(page):
    page.goto("/ur/improvement-plan/")
    first_header = page.locator(".news-tracker th").first
    align, direction = first_header.evaluate(
        "el => [getComputedStyle(el).textAlign, getComputedStyle(el).direction]"
    )
    # _rtl.scss aligns table text to the start edge, which is the right in a right-to-left table.
    assert direction == "rtl" and align in ("right", "start")
    page.goto("/en/improvement-plan/")
    align = page.locator(".news-tracker th").first.evaluate("el => getComputedStyle(el).textAlign")
    assert align in ("left", "start")
