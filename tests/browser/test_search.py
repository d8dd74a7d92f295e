"""Search in a real browser over the demo: axe and the Nu Html Checker on every state (results,
no results, filters, errors, "did you mean", promoted results), in English and Urdu, and a
search by keyboard."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page

from tests.browser.audit import assert_no_axe_violations, fetch, validate_html

LANGUAGES = ("en", "ur")
QUERIES = {
    "en": {"results": "repairs", "typo": "repiars"},
    "ur": {"results": "مرمت", "typo": "repiars"},
}


@pytest.fixture(scope="module")
def promotion(demo_site):
    """An editor's promoted result for "mould": the demo's damp and mould update. Made outside
    each test's transaction, so the live server sees it; removed again afterwards."""
    english = Page.objects.get(
        title="How we are tackling damp and mould", locale=Locale.get_default()
    )
    promoted = SearchPromotion.objects.create(
        query=Query.get("mould"), page=english, description="What to do about damp and mould."
    )
    yield promoted
    promoted.delete()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_states_have_no_axe_violations_and_valid_html(page, lang, promotion):
    words = QUERIES[lang]
    paths = {
        "empty form": f"/{lang}/search/",
        "results": f"/{lang}/search/?q={words['results']}",
        "filtered": f"/{lang}/search/?q={words['results']}&type=update&sort=newest",
        "results page 2": f"/{lang}/search/?q={words['results']}&page=2",
        "no results": f"/{lang}/search/?q=xyzzyplugh",
        "did you mean": f"/{lang}/search/?q={words['typo']}",
        "query error": f"/{lang}/search/?q=%22%22",
        "filter error": f"/{lang}/search/?q={words['results']}&date_from=2026-02-31",
        "promoted result": f"/{lang}/search/?q=mould",
    }
    documents = {}
    for name, path in paths.items():
        status, html = fetch(page, path)
        assert status == 200, (name, path)
        documents[f"{name} [{lang}]"] = html
        page.goto(path)
        assert page.locator("h1").count() == 1, name
        assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ur" else "ltr")
        assert_no_axe_violations(page, f"{name} [{lang}]")
    validate_html(documents)
    page.goto(paths["promoted result"])
    assert page.locator("#promoted-heading").is_visible()
    assert page.locator(".portal-search-promoted li").count() == 1


def test_searching_from_the_header_by_keyboard(page):
    page.goto("/en/")
    page.locator("#header-search-q").focus()
    page.keyboard.type("repairs")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/search/?q=repairs")
    assert page.locator(".portal-search-results__item").count() > 0
    assert page.locator("mark").count() > 0
