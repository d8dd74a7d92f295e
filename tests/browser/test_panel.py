"""The panel's pages in a real browser: no axe-core violations and valid HTML, in English and
Urdu (right to left), including a meeting with minutes and a filtered action log."""

import pytest

from tests.browser.audit import assert_no_axe_violations, fetch, validate_html

PANEL_PATHS = [
    "housing-advisory-panel/",
    "housing-advisory-panel/members/",
    "housing-advisory-panel/meetings/",
    "housing-advisory-panel/meetings/meeting-2-complaints/",  # approved minutes
    "housing-advisory-panel/meetings/meeting-3-damp-and-mould/",  # draft minutes
    "housing-advisory-panel/action-log/",
    "housing-advisory-panel/action-log/?status=overdue",
]


@pytest.mark.parametrize("language", ["en", "ur"])
@pytest.mark.parametrize("path", PANEL_PATHS)
def test_panel_pages_have_no_axe_violations(page, language, path):
    response = page.goto(f"/{language}/{path}")
    assert response.status == 200
    direction = "rtl" if language == "ur" else "ltr"
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page, context=f"/{language}/{path}")


def test_panel_pages_are_valid_html(page):
    documents = {}
    for language in ("en", "ur"):
        for path in PANEL_PATHS:
            status, html = fetch(page, f"/{language}/{path}")
            assert status == 200, path
            documents[f"/{language}/{path}"] = html
    validate_html(documents)


def test_overdue_actions_are_marked_and_filter_works_without_javascript(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/housing-advisory-panel/action-log/")
    page.get_by_role("link", name="Overdue").click()
    assert "status=overdue" in page.url
    rows = page.locator("tbody tr")
    assert rows.count() >= 1
    for i in range(rows.count()):
        assert "Overdue" in rows.nth(i).inner_text()
    context.close()


def test_private_papers_are_not_served_to_visitors(page):
    page.goto("/en/housing-advisory-panel/papers-for-members/")
    assert "login" in page.url
    assert "Legal advice on disrepair claims" not in page.content()
