"""What editors control in search (synonyms, the no-results report) and how browsers find it
(the header form on every page, the OpenSearch description)."""

import pytest

from portal.models import StandardPage
from search.models import Synonym, ZeroResultQuery
from tests.news.conftest import publish
from tests.search.test_results import results_of, titles

pytestmark = pytest.mark.django_db


def test_a_synonym_finds_pages_that_use_the_other_word(client, home_page, locales):
    publish(home_page.add_child(instance=StandardPage(title="Report antisocial behaviour")))
    publish(home_page.add_child(instance=StandardPage(title="Black mold in bathrooms")))
    assert titles(results_of(client, "en", "ASB")) == []
    Synonym.objects.create(locale=locales["en"], terms="ASB, antisocial behaviour")
    Synonym.objects.create(locale=locales["en"], terms="mould, mold")
    assert titles(results_of(client, "en", "ASB")) == ["Report antisocial behaviour"]
    assert titles(results_of(client, "en", "mould")) == ["Black mold in bathrooms"]


def test_searches_with_no_results_are_counted_without_personal_data(client, home_page, locales):
    for _ in range(3):
        results_of(client, "en", "Trampoline PARK")
    results_of(client, "tr", "trampoline park")
    row = ZeroResultQuery.objects.get(locale=locales["en"])
    assert (row.query, row.count) == ("trampoline park", 3)
    assert ZeroResultQuery.objects.filter(locale=locales["tr"], count=1).exists()
    fields = {field.name for field in ZeroResultQuery._meta.get_fields()}
    assert fields == {"id", "locale", "query", "count", "last_searched_on"}


def test_the_no_results_report_is_in_the_admin_most_frequent_first(admin_client, locales):
    ZeroResultQuery.objects.create(
        locale=locales["en"], query="rare", count=1, last_searched_on="2026-01-01"
    )
    ZeroResultQuery.objects.create(
        locale=locales["en"], query="frequent", count=9, last_searched_on="2026-01-01"
    )
    html = admin_client.get("/admin/snippets/site_search/zeroresultquery/").content.decode()
    assert html.index("frequent") < html.index("rare")


def test_every_page_has_the_search_form_in_its_header(client, home_page):
    html = client.get("/en/").content.decode()
    assert 'id="header-search-q" name="q" type="search"' in html
    assert 'action="/en/search/"' in html
    assert (
        'rel="search" type="application/opensearchdescription+xml" href="/en/search/opensearch.xml"'
        in html
    )


def test_the_opensearch_description_points_at_the_language_s_search(client, home_page):
    response = client.get("/tr/search/opensearch.xml")
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    body = response.content.decode()
    assert 'template="http://testserver/tr/search/?q={searchTerms}"' in body
    assert "<Language>tr</Language>" in body
