"""Responding to the open demo consultation in a real browser.

* By keyboard alone (English): every field reached with Tab, radios chosen with Space and the
  arrow keys, links and buttons activated with Enter; focus checked where it matters (skip
  link, error summary, the field an error links to); axe-core on every step, including an
  error state; the stored response checked, and reloading the confirmation stores nothing new.
* In Urdu (right to left) with the mouse: axe-core on every step and an error state.
* With JavaScript switched off: the whole journey still works.
* The Nu Html Checker on the index, the consultation and every step, in English and Urdu.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from consultations.models import ConsultationPage, RespondentDetails, Response
from tests.browser.audit import assert_no_axe_violations, fetch, validate_html

SLUG = "draft-resident-engagement-strategy"
REFERENCE = re.compile(r"^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$")
STEP = re.compile(r"/respond/(?:section/(?P<section>[\w-]+)|(?P<step>[\w-]+))/")

# What the focused element is, in terms a test can compare.
FOCUSED = """() => {
    const el = document.activeElement;
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        name: el.getAttribute("name") || "",
        value: el.value ?? "",
        checked: Boolean(el.checked),
        href: el.getAttribute("href") || "",
        text: (el.innerText || "").trim(),
        label: label ? label.innerText.trim() : "",
        classes: el.className || "",
    };
}"""


@pytest.fixture(scope="module")
def strategy(demo_site) -> dict[str, str]:
    """The open consultation's path in each language, e.g. ``{"en": "/en/consultations/…/"}``."""
    pages = ConsultationPage.objects.live().filter(slug=SLUG).select_related("locale")
    paths = {page.locale.language_code: page.get_url() for page in pages}
    assert {"en", "ur"} <= set(paths), paths
    assert pages.get(locale__language_code="en").status == "open"
    return paths


def stored_responses() -> int:
    """Responses to the consultation in every language (they are stored against English)."""
    return Response.objects.filter(consultation__slug=SLUG).count()


# --- keyboard -------------------------------------------------------------------------------
def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_to(page, selector: str, *, limit: int = 80) -> int:
    """Press Tab until the focused element matches ``selector`` (no press if it already does);
    how many presses it took."""
    for presses in range(limit + 1):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return presses
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reaches {selector} on {page.url}")


def press_and_wait(page, key: str = "Enter") -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def skip_to_main_content(page) -> None:
    """The first Tab on a new page reaches the skip link, and Enter moves focus to <main>."""
    page.keyboard.press("Tab")
    assert "govuk-skip-link" in focused(page)["classes"], page.url
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main-content"


def type_into(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def choose(page, name: str, *keys: str) -> str:
    """Tab into the radio group ``name`` and press ``keys``; the label of the chosen radio."""
    tab_to(page, f"input[type=radio][name='{name}']")
    for key in keys:
        page.keyboard.press(key)
    chosen = focused(page)
    assert chosen["checked"], f"{keys} did not select a radio in {name}"
    return chosen["label"]


def tick(page, selector: str) -> str:
    tab_to(page, selector)
    page.keyboard.press("Space")
    ticked = focused(page)
    assert ticked["checked"], selector
    return ticked["label"]


def continue_by_keyboard(page, button_text: str = "Continue") -> None:
    tab_to(page, "main form button[type=submit]:not([name])")
    assert focused(page)["text"] == button_text
    press_and_wait(page)


def test_respond_by_keyboard_alone(page, strategy):
    """Tab, Shift+Tab, Space, the arrow keys, typing and Enter: no clicks, no fill."""
    page.goto("/en/consultations/")
    assert_no_axe_violations(page, context="consultation index")
    skip_to_main_content(page)
    tab_to(page, f"main a[href='{strategy['en']}']")
    press_and_wait(page)

    # The consultation: straight from the skip link to the start button.
    assert page.url.endswith(strategy["en"])
    expect(page.locator("h1")).to_have_text("Draft resident engagement strategy")
    assert_no_axe_violations(page, context="consultation page")
    skip_to_main_content(page)
    assert tab_to(page, "a.govuk-button--start") == 1, "the start button is not first in <main>"
    press_and_wait(page)

    # Who are you responding as? Tab lands on the first radio; ArrowDown moves and selects.
    assert "/respond/responding-as/" in page.url
    assert_no_axe_violations(page, context="responding as")
    skip_to_main_content(page)
    assert choose(page, "respondent_type", "ArrowDown", "ArrowUp") == "A council tenant"
    # A council tenant is not asked whether they live in a council home; a leaseholder is.
    assert choose(page, "respondent_type", "ArrowDown") == "A leaseholder"
    continue_by_keyboard(page)

    # About you, sent with a required question unanswered and a number out of range.
    assert "/respond/section/about-you/" in page.url
    expect(page.locator("h1")).to_have_text("About you")
    assert_no_axe_violations(page, context="section: about you")
    skip_to_main_content(page)
    type_into(page, "#q-postcode", "e8 1dy")
    type_into(page, "#q-years-lived", "150")
    type_into(page, "#q-moved-in-day", "27")
    page.keyboard.press("Tab")
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    page.keyboard.type("2015")
    continue_by_keyboard(page)

    # GOV.UK Frontend moves focus to the error summary, whose links go to the fields. (The forms
    # post to the step's address without the skip link's #main-content: a fragment there would
    # make the browser move focus to <main> after the summary took it.)
    assert "/respond/section/about-you/" in page.url
    expect(page).to_have_title(re.compile(r"^Error: About you"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.locator("a[href='#q-council-home-yes']")).to_have_text(
        "Select an answer to “Do you live in a council home?”."
    )
    expect(page.locator("#q-council-home-error")).to_contain_text(
        "Select an answer to “Do you live in a council home?”."
    )
    expect(summary.locator("a[href='#q-years-lived']")).to_have_text(
        "Enter a number between 0 and 100."
    )
    expect(page.locator("#q-years-lived-error")).to_contain_text("between 0 and 100")
    # What was typed is still there, including the number that was refused.
    expect(page.locator("#q-postcode")).to_have_value("e8 1dy")
    expect(page.locator("#q-years-lived")).to_have_value("150")
    expect(page.locator("#q-moved-in-year")).to_have_value("2015")
    assert_no_axe_violations(page, context="section: about you, with errors")

    page.keyboard.press("Tab")
    assert focused(page)["href"] == "#q-council-home-yes"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "q-council-home-yes"
    page.keyboard.press("Space")
    assert focused(page)["checked"]
    estate = choose(page, "q-estate", "ArrowDown")
    # Correct the number (select what is there, type over it); Shift+Tab goes back a field.
    tab_to(page, "#q-years-lived")
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("12")
    page.keyboard.press("Shift+Tab")
    assert focused(page)["id"] == "q-postcode"
    continue_by_keyboard(page)

    # How you want to be involved: checkboxes with Space, radios with arrows, a select.
    assert "/respond/section/involvement/" in page.url
    assert_no_axe_violations(page, context="section: involvement")
    skip_to_main_content(page)
    ways = [tick(page, "#q-ways-meetings"), tick(page, "#q-ways-online")]
    how_often = choose(page, "q-how-often", "ArrowDown")
    tab_to(page, "#q-best-time")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#q-best-time")).to_have_value("evening")
    continue_by_keyboard(page)

    # One question on the page: its legend is the page heading.
    assert "/respond/section/panel/" in page.url
    expect(page.locator("h1")).to_have_text("Would you consider joining the advisory panel?")
    assert_no_axe_violations(page, context="section: panel")
    skip_to_main_content(page)
    assert choose(page, "q-join-panel", "Space") == "Yes"
    continue_by_keyboard(page)

    # Saying yes adds the follow-up section.
    assert "/respond/section/panel-details/" in page.url
    assert_no_axe_violations(page, context="section: panel details (shown by yes)")
    skip_to_main_content(page)
    type_into(page, "#q-panel-email", "Resident@Example.ORG")
    continue_by_keyboard(page)

    assert "/respond/section/strategy/" in page.url
    assert_no_axe_violations(page, context="section: the draft strategy")
    skip_to_main_content(page)
    assert choose(page, "q-agree-aims", "ArrowDown") == "Agree"
    assert choose(page, "q-rating-now", "ArrowRight", "ArrowRight", "ArrowRight") == "4"
    for option, rank in (("repairs", "1"), ("communication", "2"), ("safety", "3")):
        tab_to(page, f"#q-priorities-{option}")
        page.keyboard.type(rank)  # a closed <select> jumps to the option typed
        expect(page.locator(f"#q-priorities-{option}")).to_have_value(rank)
    choose(page, "q-services-repairs", "Space")
    choose(page, "q-services-cleaning", "ArrowRight")
    choose(page, "q-services-complaints", "ArrowLeft")  # wraps round to the last column
    continue_by_keyboard(page)

    assert "/respond/section/comments/" in page.url
    assert_no_axe_violations(page, context="section: anything else")
    skip_to_main_content(page)
    type_into(page, "#q-one-change", "Answer the phone")
    type_into(page, "#q-comments", "Meet in the evening.")
    page.keyboard.press("Enter")  # a new line in the text area, not a submission
    page.keyboard.type("Thank you.")
    continue_by_keyboard(page)

    assert "/respond/section/equality/" in page.url
    assert_no_axe_violations(page, context="section: equality monitoring")
    skip_to_main_content(page)
    choose(page, "q-age", "ArrowDown")
    assert choose(page, "q-disability", "ArrowUp") == "Prefer not to say"
    continue_by_keyboard(page)

    assert "/respond/section/consent/" in page.url
    assert_no_axe_violations(page, context="section: privacy consent")
    skip_to_main_content(page)
    tick(page, "#q-privacy-yes")
    continue_by_keyboard(page)

    assert "/respond/your-details/" in page.url
    assert_no_axe_violations(page, context="your details")
    skip_to_main_content(page)
    type_into(page, "#name", "Ada Resident")
    type_into(page, "#email", "ada@example.org")
    tick(page, "#receipt")
    continue_by_keyboard(page)

    # Check your answers shows what was chosen, in words.
    assert "/respond/check/" in page.url
    assert_no_axe_violations(page, context="check your answers")
    answers = page.locator("main .govuk-summary-list").first.inner_text()
    for shown in ("A leaseholder", estate, "E8 1DY", "12", "27/03/2015", *ways, how_often):
        assert shown in answers, f"{shown!r} is not on check your answers"
    assert "1. Getting repairs done right first time" in answers
    assert "Resident@example.org" in answers
    assert "Ada Resident" in page.locator("main").inner_text()

    before = stored_responses()
    skip_to_main_content(page)
    continue_by_keyboard(page, button_text="Send response")

    assert "/respond/confirmation/" in page.url
    assert_no_axe_violations(page, context="confirmation")
    expect(page.locator("h1")).to_have_text("Response sent")
    reference = page.locator(".govuk-panel__body strong").inner_text()
    assert REFERENCE.match(reference), reference
    assert stored_responses() == before + 1
    stored = Response.objects.get(reference=reference)
    # The page says what happened to the copy asked for. (On SQLite the live server shares the
    # test's connection and transaction, so the receipt waiting for a commit is not sent yet.)
    if RespondentDetails.objects.get(response=stored).receipt_sent_at:
        expect(page.locator("main")).to_contain_text(
            "We have sent a copy of your answers to ada@example.org."
        )
    else:
        expect(page.locator("main")).to_contain_text(
            "We could not send a copy of your answers to ada@example.org just now."
        )
    assert stored.language == "en"
    assert stored.respondent_type == "leaseholder"
    assert stored.answers["council-home"] == "yes"
    assert stored.answers["years-lived"] == 12
    assert stored.answers["postcode"] == "E8 1DY"
    assert stored.answers["moved-in"] == "2015-03-27"
    assert stored.answers["ways"] == ["meetings", "online"]
    assert stored.answers["best-time"] == "evening"
    assert stored.answers["panel-email"] == "Resident@example.org"
    assert stored.answers["priorities"] == ["repairs", "communication", "safety"]
    assert stored.answers["services"] == {
        "repairs": "good",
        "cleaning": "fair",
        "complaints": "poor",
    }
    assert stored.answers["comments"] == "Meet in the evening.\nThank you."

    # Reloading the confirmation still says it was sent, but the reference showed once (the
    # next person at a shared computer learns nothing), and nothing new is stored.
    page.reload()
    expect(page.locator("h1")).to_have_text("Response sent")
    expect(page.locator("main")).not_to_contain_text(reference)
    expect(page.locator("main")).not_to_contain_text("ada@example.org")
    assert stored_responses() == before + 1

    # Back from the confirmation: no stale form from the back-forward cache, no new empty
    # response, but the response already sent (without its reference).
    page.go_back()
    assert "/respond/check/" in page.url
    expect(page.locator("h1")).to_have_text("You have already sent your response")
    expect(page.locator("main")).not_to_contain_text(reference)
    expect(page.locator("main form")).to_have_count(0)
    expect(page.locator("main a[href$='/respond/?again=1']")).to_have_text("Start a new response")
    assert_no_axe_violations(page, context="already sent, after Back")
    assert stored_responses() == before + 1


# --- mouse and typing, by field id (the same in every language) -------------------------------
def _about_you(page):
    page.check("#q-council-home-no")
    page.fill("#q-postcode", "N4 2DR")
    page.fill("#q-years-lived", "3")


def _involvement(page):
    page.check("#q-ways-panel")
    page.check("#q-how-often-yearly")


def _panel(page):
    page.check("#q-join-panel-no")  # the follow-up section is then skipped


def _strategy(page):
    page.check("#q-agree-aims-neither")
    page.check("#q-rating-now-3")
    for option, rank in (("safety", "1"), ("repairs", "2"), ("estates", "3")):
        page.select_option(f"#q-priorities-{option}", rank)
    for row in ("repairs", "cleaning", "complaints"):
        page.check(f"#q-services-{row}-fair")


def _consent(page):
    page.check("#q-privacy-yes")


ANSWER = {
    "responding-as": lambda page: page.check("#respondent_type-leaseholder"),
    "about-you": _about_you,
    "involvement": _involvement,
    "panel": _panel,
    "strategy": _strategy,
    "comments": lambda page: page.fill("#q-one-change", "Ask us in person"),
    "equality": lambda page: page.check("#q-age-65-plus"),
    "consent": _consent,
    "your-details": lambda page: None,  # optional: nothing given
}


def step_of(url: str) -> str:
    match = STEP.search(url)
    assert match, f"{url} is not a step of the journey"
    return match["section"] or match["step"]


def submit(page) -> None:
    with page.expect_navigation():
        page.locator("main form button[type=submit]:not([name])").click()


def respond(page, consultation_path: str, *, at_each_step=None) -> str:
    """Answer every step from the consultation page to the confirmation; the reference.

    ``at_each_step(step)`` is called on each page before it is answered: ``"consultation"``,
    then each step (``"responding-as"``, section ids, ``"your-details"``, ``"check"``) and
    ``"confirmation"``.
    """
    page.goto(consultation_path)
    if at_each_step:
        at_each_step("consultation")
    with page.expect_navigation():
        page.locator("main a.govuk-button--start").click()
    while (step := step_of(page.url)) != "check":
        if at_each_step:
            at_each_step(step)
        ANSWER[step](page)
        submit(page)
        assert step_of(page.url) != step, f"{step} was not accepted"
    if at_each_step:
        at_each_step("check")
    submit(page)
    assert step_of(page.url) == "confirmation"
    if at_each_step:
        at_each_step("confirmation")
    reference = page.locator(".govuk-panel__body strong").inner_text()
    assert REFERENCE.match(reference), reference
    return reference


def send_about_you_with_errors(page) -> None:
    """Leave the required question out and give a number out of range."""
    page.fill("#q-postcode", "N4 2DR")
    page.fill("#q-years-lived", "-4")
    submit(page)
    assert step_of(page.url) == "about-you"
    summary = page.locator(".govuk-error-summary")
    expect(summary.locator("a[href='#q-council-home-yes']")).to_have_count(1)
    expect(summary.locator("a[href='#q-years-lived']")).to_have_count(1)
    expect(page.locator("#q-years-lived")).to_have_value("-4")
    expect(page.locator("#q-postcode")).to_have_value("N4 2DR")


def test_respond_in_urdu_right_to_left(page, strategy):
    def audit(step):
        assert page.locator("html").get_attribute("dir") == "rtl", step
        assert page.locator("html").get_attribute("lang") == "ur", step
        expect(page.locator("h1")).to_have_count(1)
        assert_no_axe_violations(page, context=f"{step} [ur]")
        if step == "about-you":
            send_about_you_with_errors(page)
            expect(page.locator(".govuk-error-summary")).to_be_focused()
            assert_no_axe_violations(page, context="about-you with errors [ur]")

    page.goto("/ur/consultations/")
    assert_no_axe_violations(page, context="consultation index [ur]")
    before = stored_responses()
    reference = respond(page, strategy["ur"], at_each_step=audit)
    assert stored_responses() == before + 1
    stored = Response.objects.get(reference=reference)
    assert stored.language == "ur"
    assert stored.respondent_type == "leaseholder"
    assert stored.answers["priorities"] == ["safety", "repairs", "estates"]
    assert "panel-email" not in stored.answers


def test_respond_without_javascript(browser, site_url, strategy):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    seen = []

    def without_scripts(step):
        seen.append(step)
        assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")
        if step == "about-you":
            send_about_you_with_errors(page)
            # Without the script the summary's links are plain links to the fields' ids.
            page.locator(".govuk-error-summary a[href='#q-years-lived']").click()
            assert page.url.endswith("#q-years-lived")

    before = stored_responses()
    reference = respond(page, strategy["en"], at_each_step=without_scripts)
    context.close()
    assert seen[:2] == ["consultation", "responding-as"] and seen[-2:] == ["check", "confirmation"]
    assert stored_responses() == before + 1
    assert Response.objects.get(reference=reference).answers["years-lived"] == 3


def test_consultation_pages_are_valid_html(page, strategy):
    """The server's markup of every step, as fetched with the journey's own cookies."""
    documents = {}
    for language in ("en", "ur"):

        def keep(step, language=language):
            status, html = fetch(page, page.url)
            assert status == 200, f"{step} [{language}]"
            documents[f"{step} [{language}]"] = html
            if step == "about-you":
                send_about_you_with_errors(page)
                # The page answering a POST cannot be fetched again: take the browser's copy.
                documents[f"about-you with errors [{language}]"] = page.content()

        status, html = fetch(page, f"/{language}/consultations/")
        assert status == 200
        documents[f"index [{language}]"] = html
        respond(page, strategy[language], at_each_step=keep)
        # Back to a step after sending: "You have already sent your response".
        status, html = fetch(page, f"{strategy[language]}respond/check/")
        assert status == 200 and 'name="token"' not in html
        documents[f"already sent [{language}]"] = html
        # The session remembers the response sent; the next language is a new resident.
        page.context.clear_cookies()
    assert {"consultation [en]", "check [en]", "strategy [ur]", "confirmation [ur]"} <= set(
        documents
    )
    validate_html(documents)


@pytest.mark.parametrize("language", ["en", "ur"])
def test_published_outcome_with_theme_counts_is_accessible_and_valid(page, demo_site, language):
    """The closed demo consultation's "we asked, you said, we did", left to right and right to
    left: its theme items with their counts, no axe violations, valid HTML."""
    closed = ConsultationPage.objects.live().get(
        slug="repairs-appointments", locale__language_code=language
    )
    response = page.goto(closed.get_url())
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ur" else "ltr")
    expect(page.locator(".portal-outcome-theme")).to_have_count(closed.outcome_themes.count())
    # Each item says how many of all the responses raised it, in the page's language.
    total = Response.objects.filter(consultation=closed.canonical()).count()
    items = page.locator(".portal-outcome-theme")
    for index in range(items.count()):
        assert re.search(rf"(?<!\d){total}(?!\d)", items.nth(index).inner_text()), index
    assert_no_axe_violations(page, context=f"outcome [{language}]")
    validate_html({f"outcome [{language}]": fetch(page, closed.get_url())[1]})
