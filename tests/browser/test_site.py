"""Site-wide browser checks: every page type audited in English and Urdu, keyboard journeys
through the skip link and language switcher, and the header mirrored in right-to-left languages.

Page types are discovered from the database (``audit.page_type_urls``), so pages that apps add
with demo content are audited here without new tests.
"""

import pytest

from tests.browser.audit import (
    assert_no_axe_violations,
    axe_violations,
    fetch,
    format_violations,
    page_type_urls,
    validate_html,
)
from tests.browser.conftest import MOBILE

LANGUAGES = ("en", "ur")

# Views that are not Wagtail pages: (name, path template, expected status).
NON_PAGE_VIEWS = [
    ("search with results", "/{lang}/search/?q=repairs", 200),
    ("search with an error", "/{lang}/search/?q=", 200),
    ("sign in", "/{lang}/accounts/login/", 200),
    ("sign up", "/{lang}/accounts/signup/", 200),
    ("not found", "/{lang}/no-such-page-here/", 404),
]


def audited_urls(language_code: str) -> list[tuple[str, str, int]]:
    """(name, path, expected status) for every page type and non-page view in a language."""
    pages = [
        (item.name, item.path, 200)
        for item in page_type_urls((language_code,))
        if item.language_code == language_code
    ]
    views = [
        (f"{name} [{language_code}]", template.format(lang=language_code), status)
        for name, template, status in NON_PAGE_VIEWS
    ]
    return pages + views


def test_page_type_discovery_finds_the_site_pages(demo_site):
    found = {(item.page_type, item.language_code) for item in page_type_urls(LANGUAGES)}
    for page_type in ("portal.homepage", "portal.standardpage"):
        for code in LANGUAGES:
            assert (page_type, code) in found, f"no live {page_type} in {code}"


@pytest.mark.parametrize("language_code", LANGUAGES)
def test_every_page_type_and_view_has_no_axe_violations(page, language_code):
    """One page per page type, plus search, sign-in, sign-up and the 404, in the language."""
    direction = "rtl" if language_code == "ur" else "ltr"
    failures = []
    for name, path, expected_status in audited_urls(language_code):
        response = page.goto(path)
        if response.status != expected_status:
            failures.append(f"{name}: status {response.status}, expected {expected_status}")
            continue
        html = page.locator("html")
        if (html.get_attribute("lang"), html.get_attribute("dir")) != (language_code, direction):
            failures.append(
                f"{name}: <html lang={html.get_attribute('lang')} "
                f"dir={html.get_attribute('dir')}>, expected {language_code}/{direction}"
            )
        if page.locator("h1").count() != 1:
            failures.append(f"{name}: {page.locator('h1').count()} h1 elements, expected 1")
        violations = axe_violations(page)
        if violations:
            failures.append(format_violations(violations, name))
    assert not failures, "\n".join(failures)


def test_every_page_type_and_view_is_valid_html(page):
    documents = {}
    for code in LANGUAGES:
        for name, path, expected_status in audited_urls(code):
            status, html = fetch(page, path)
            assert status == expected_status, f"{name}: status {status}"
            documents[name] = html
    validate_html(documents)


def test_search_finds_demo_pages(page):
    page.goto("/en/search/?q=repairs")
    results = page.locator(".portal-search-results__item")
    assert results.count() > 0
    assert "repair" in page.locator("main").inner_text().lower()


def test_search_error_is_shown_next_to_the_field(page):
    page.goto("/en/search/?q=")
    error = page.locator("#search-q-error")
    assert "Enter a word or phrase" in error.inner_text()
    # The field is described by its hint and by the error, so a screen reader reads both.
    described_by = page.locator("#search-q").get_attribute("aria-describedby").split()
    assert "search-q-error" in described_by and "search-q-hint" in described_by


def test_not_found_page_is_styled_and_in_the_visitors_language(page):
    response = page.goto("/ur/no-such-page-here/")
    assert response.status == 404
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".portal-header").count() == 1
    assert_no_axe_violations(page, "404 [ur]")


def test_skip_link_works_by_keyboard(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert "govuk-skip-link" in focused
    assert page.locator(".govuk-skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"


def test_language_switcher_works_by_keyboard(page):
    page.goto("/en/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('hreflang')") == "ur":
            break
    else:
        pytest.fail("Tab never reached the Urdu link in the language switcher")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    html = page.locator("html")
    assert html.get_attribute("lang") == "ur"
    assert html.get_attribute("dir") == "rtl"
    assert page.url.rstrip("/").endswith("/ur")
    assert page.locator(".govuk-language-navigation__text[aria-current]").inner_text() == "اردو"


def _header_layout(page, path: str) -> dict:
    page.goto(path)
    container = page.locator(".portal-header__container").bounding_box()
    brand = page.locator(".portal-header__brand").bounding_box()
    switcher = page.locator(".portal-language-switcher").bounding_box()
    items = [item.bounding_box() for item in page.locator(".govuk-service-navigation__item").all()]
    return {"container": container, "brand": brand, "switcher": switcher, "items": items}


def test_header_and_navigation_mirror_in_urdu(page):
    english = _header_layout(page, "/en/")
    urdu = _header_layout(page, "/ur/")

    def left_gap(layout):
        return layout["brand"]["x"] - layout["container"]["x"]

    def right_gap(layout):
        box, container = layout["brand"], layout["container"]
        return (container["x"] + container["width"]) - (box["x"] + box["width"])

    # The brand sits at the start edge: left in English, right in Urdu.
    assert left_gap(english) < 40 and right_gap(english) > 200
    assert right_gap(urdu) < 40 and left_gap(urdu) > 200
    # The language switcher sits on the other side of the brand.
    assert english["switcher"]["x"] > english["brand"]["x"]
    assert urdu["switcher"]["x"] < urdu["brand"]["x"]

    # Navigation items run left to right in English, right to left in Urdu (same row).
    assert len(english["items"]) == len(urdu["items"]) >= 2
    for first, second in zip(english["items"], english["items"][1:], strict=False):
        if abs(first["y"] - second["y"]) < 5:
            assert second["x"] > first["x"]
    same_row = 0
    for first, second in zip(urdu["items"], urdu["items"][1:], strict=False):
        if abs(first["y"] - second["y"]) < 5:
            same_row += 1
            assert second["x"] + second["width"] <= first["x"] + 1
    assert same_row >= 1
    # The first item starts at the right-hand edge of the width container in Urdu.
    first_item = urdu["items"][0]
    container = urdu["container"]
    assert (container["x"] + container["width"]) - (first_item["x"] + first_item["width"]) < 40


@pytest.mark.parametrize("language_code", ["en", "ur"])
def test_navigation_works_on_a_phone_without_javascript(browser, site_url, language_code):
    """Every navigation link is on screen at 375px with scripts off, and nothing overflows."""
    context = browser.new_context(
        viewport=MOBILE, base_url=site_url, java_script_enabled=False, is_mobile=True
    )
    try:
        page = context.new_page()
        page.goto(f"/{language_code}/")
        links = page.locator(".portal-navigation .govuk-service-navigation__link").all()
        assert len(links) >= 3
        for link in links:
            assert link.is_visible()
            box = link.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= MOBILE["width"]
        languages = page.locator(".portal-language-switcher li").all()
        assert len(languages) == 8
        assert all(item.is_visible() for item in languages)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= MOBILE["width"]
        with page.expect_navigation():
            links[-1].click()
        assert page.locator("h1").count() == 1
    finally:
        context.close()
