"""The "share out a budget" question of the open demo consultation, in a real browser.

The demo's strategy section asks residents to share out £100,000 between four options (Repairs
at least £10,000, the community hall at most £50,000). In English and in Urdu (right to left),
with JavaScript on and off, the question is answered by keyboard alone: Tab to each amount, type
it, Enter to send. Sent £10,000 short, the server says so in the error summary (linked to the
first amount) and beside the question; with JavaScript the running total, an aria-live region,
says it as the resident types. Corrected, the amounts reach check your answers and the stored
response. axe-core runs on the question, its error state and check your answers; the Nu Html
Checker on the same pages as the server sent them.

The other steps are answered as ``test_consultations`` answers them (its keyboard test covers
them key by key); every step is sent with Enter.
"""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from consultations.models import ConsultationPage, Response
from consultations.questions import budget
from tests.browser.audit import assert_no_axe_violations, fetch, validate_html
from tests.browser.conftest import close_checking_csp, watched_context
from tests.browser.test_consultations import (
    ANSWER,
    SLUG,
    focused,
    press_and_wait,
    step_of,
    strategy,  # noqa: F401  (the consultation's path in each language)
)
from tests.browser.test_consultations_admin import analyst, audit, sign_in  # noqa: F401

QUESTION = "q-estate-budget"
TOTAL = {"total": 100_000, "unit": "money"}
# Typed by the resident: £10,000 short, then the last option given the rest.
SHORT = {"repairs": "40000", "green-spaces": "30,000", "community-hall": "20000"}
REST = ("security-lighting", "10000")
# In Urdu, amounts typed in Urdu digits (and an Arabic thousands mark) are read as numbers.
SHORT_UR = {"repairs": "۴۰۰۰۰", "green-spaces": "۳۰٬۰۰۰", "community-hall": "20000"}
STORED = {"repairs": 40_000, "green-spaces": 30_000, "community-hall": 20_000}


def tab_until(page, selector: str, *, limit: int = 80) -> None:
    """Press Tab until ``selector`` has the focus. Asked through a locator, which works with
    JavaScript off too (``page.evaluate`` waits for ever in a page that may run no script)."""
    for _press in range(limit + 1):
        if page.locator(f"{selector}:focus").count():
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reaches {selector} on {page.url}")


def send_by_keyboard(page) -> None:
    """Tab to the form's own submit button (not "Save and come back later") and press Enter."""
    tab_until(page, "main form button[type=submit]:not([name])")
    press_and_wait(page)


def expected(language: str) -> dict[str, str]:
    """What the page should say, in ``language``, from the project's own translations."""
    with translation.override(language):
        so_far = gettext("Shared out so far: {sum} of %(total)s.") % {"total": "£100,000"}
        return {
            "short": budget.off_by_message(TOTAL, 90_000),
            "running short": so_far.replace("{sum}", "£90,000")
            + " "
            + gettext("{difference} left to share out.").replace("{difference}", "£10,000"),
            "running exact": so_far.replace("{sum}", "£100,000")
            + " "
            + gettext("You have shared out the whole amount."),
        }


def answer_budget_by_keyboard(page, language: str, javascript: bool, documents: dict) -> None:
    """On the strategy section: the budget by keyboard, sent short, corrected, sent again."""
    says = expected(language)
    status = page.locator("[data-budget] [data-budget-status]")
    if javascript:  # axe is a script; the markup is the same with it off
        documents[f"budget question [{language}]"] = fetch(page, page.url)[1]
        assert_no_axe_violations(page, context=f"budget question [{language}]")
    ANSWER["strategy"](page)  # the section's other questions

    typed = SHORT_UR if language == "ur" else SHORT
    for option, text in typed.items():
        tab_until(page, f"#{QUESTION}-{option}")
        page.keyboard.type(text)
    if javascript:
        # The running total is shown and announced (politely) as the resident types.
        expect(status).to_be_visible()
        expect(status).to_have_attribute("aria-live", "polite")
        expect(status).to_have_text(says["running short"])
    else:
        expect(status).to_be_hidden()
    send_by_keyboard(page)

    # The server says how far off the total is: in the error summary, linked to the first
    # amount, and beside the question; what was typed is kept.
    assert step_of(page.url) == "strategy"
    summary = page.locator(".govuk-error-summary")
    link = summary.locator(f"a[href='#{QUESTION}-repairs']")
    expect(link).to_have_text(says["short"])
    expect(page.locator(f"#{QUESTION}-error")).to_contain_text(says["short"])
    for option, text in typed.items():
        expect(page.locator(f"#{QUESTION}-{option}")).to_have_value(text)
    if javascript:
        assert_no_axe_violations(page, context=f"budget question with an error [{language}]")
        # The page answering a POST cannot be fetched again: the browser's copy.
        documents[f"budget question with an error [{language}]"] = page.content()

    if javascript:
        expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary
        page.keyboard.press("Tab")
        assert focused(page)["href"] == f"#{QUESTION}-repairs"
        page.keyboard.press("Enter")
        assert focused(page)["id"] == f"{QUESTION}-repairs"
        expect(status).to_have_text(says["running short"])
    else:
        tab_until(page, f".govuk-error-summary a[href='#{QUESTION}-repairs']")
        page.keyboard.press("Enter")
        assert page.url.endswith(f"#{QUESTION}-repairs")
    option, text = REST
    tab_until(page, f"#{QUESTION}-{option}")
    page.keyboard.type(text)
    if javascript:
        expect(status).to_have_text(says["running exact"])
    send_by_keyboard(page)
    assert step_of(page.url) != "strategy", "the corrected budget was not accepted"


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", ["en", "ur"])
def test_share_out_the_budget_by_keyboard(browser, site_url, strategy, language, javascript):  # noqa: F811
    if javascript:
        context = watched_context(browser, base_url=site_url, locale="en-GB")
    else:
        # Without scripts the CSP watch (an init script and an exposed function) cannot run.
        context = browser.new_context(base_url=site_url, locale="en-GB", java_script_enabled=False)
        context.set_default_timeout(15_000)
    page = context.new_page()
    documents = {} if javascript else None  # the server's markup is the same either way
    page.goto(strategy[language])
    tab_until(page, "main a.govuk-button--start")
    press_and_wait(page)
    while (step := step_of(page.url)) != "check":
        assert page.locator("html").get_attribute("lang") == language, step
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ur" else "ltr")
        assert ("js-enabled" in (page.locator("body").get_attribute("class") or "")) is javascript
        if step == "strategy":
            answer_budget_by_keyboard(page, language, javascript, documents)
            continue
        ANSWER[step](page)
        send_by_keyboard(page)
        assert step_of(page.url) != step, f"{step} was not accepted"

    # Check your answers shows each option's amount, grouped as the language writes it.
    answers = page.locator("main .govuk-summary-list").first.inner_text()
    for shown in ("£40,000", "£30,000", "£20,000", "£10,000"):
        assert shown in answers, f"{shown} is not on check your answers [{language}]"
    if javascript:
        assert_no_axe_violations(page, context=f"check your answers with a budget [{language}]")
        documents[f"check your answers [{language}]"] = fetch(page, page.url)[1]

    send_by_keyboard(page)
    assert step_of(page.url) == "confirmation"
    reference = page.locator(".govuk-panel__body strong").inner_text()
    if javascript:
        close_checking_csp(context)
    else:
        context.close()
    stored = Response.objects.get(reference=reference)
    assert stored.language == language
    assert stored.answers["estate-budget"] == {**STORED, "security-lighting": 10_000}
    if documents is not None:
        assert len(documents) == 3
        validate_html(documents)


def test_analysts_see_each_options_mean_median_and_distribution(page, analyst):  # noqa: F811
    """The demo's responses (load_demo_content gives each a valid random share) summarised on
    the results page: a row per option in both tables, axe-core clean."""
    consultation = ConsultationPage.objects.get(slug=SLUG, locale__language_code="en")
    sign_in(page, analyst)
    assert page.goto(f"/admin/consultation-responses/{consultation.pk}/").status == 200
    with page.expect_navigation():  # counts may be cached from before this module's responses
        page.get_by_role("button", name="Count again now").click()
    label = "You have £100,000 for your estate: how would you share it out?"
    amounts = page.locator("table", has=page.locator("caption", has_text=f"{label}: amounts"))
    expect(amounts.locator("thead th")).to_have_text(
        ["Option", "Average (mean)", "Median", "Lowest", "Highest"]
    )
    options = ["Repairs", "Green spaces", "Community hall", "Security lighting"]
    expect(amounts.locator("tbody th")).to_have_text(options)
    # Repairs must have at least £10,000, so no answered row shows less.
    expect(amounts.locator("tbody tr").first.locator("td").nth(2)).to_have_text(
        re.compile(r"^£[1-9]\d{0,2}(,\d{3})+$")
    )
    bands = page.locator("table", has=page.locator("caption", has_text=f"{label}: how many"))
    expect(bands.locator("thead th")).to_have_text(
        [
            "Option",
            "£0 to £20,000",
            "£20,000 to £40,000",
            "£40,000 to £60,000",
            "£60,000 to £80,000",
            "£80,000 to £100,000",
        ]
    )
    expect(bands.locator("tbody th")).to_have_text(options)
    answered = Response.objects.filter(
        consultation=consultation, answers__has_key="estate-budget"
    ).count()
    assert answered
    # Each option's row counts every response that answered the question, once.
    for row in range(len(options)):
        cells = bands.locator("tbody tr").nth(row).locator("td").all_inner_texts()
        assert sum(int(cell.split(" ")[0].replace(",", "")) for cell in cells) == answered
    audit(page, "results with a budget question")
