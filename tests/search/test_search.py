"""Site search: live, public pages in the visitor's language only; bad input handled."""

import pytest
from wagtail.models import PageViewRestriction

from portal.models import StandardPage
from portal.translation import translate_instance

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page, locales):
    def add(title, parent=home_page, publish=True):
        page = parent.add_child(
            instance=StandardPage(title=title, introduction=f"All about {title.lower()}.")
        )
        if publish:
            page.save_revision().publish()
        else:
            page.live = False
            page.save_revision()
            page.save()
        return page

    live = add("Damp and mould repairs")
    draft = add("Repairs draft plan", publish=False)
    private = add("Repairs panel papers")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    translate_instance(instance=home_page, locale=locales["tr"], strings={})
    translate_instance(
        instance=live,
        locale=locales["tr"],
        strings={"Damp and mould repairs": "Rutubet ve küf onarımları (repairs)"},
    )
    return {"live": live, "draft": draft, "private": private}


def test_finds_live_public_pages_in_the_current_language_only(client, pages):
    html = client.get("/en/search/", {"q": "repairs"}).content.decode()
    assert "Damp and mould repairs" in html
    assert "Repairs draft plan" not in html
    assert "Repairs panel papers" not in html
    assert "Rutubet" not in html
    assert "1 result" in html

    turkish = client.get("/tr/search/", {"q": "repairs"}).content.decode()
    assert "Rutubet ve küf onarımları" in turkish
    assert 'href="/tr/damp-and-mould-repairs/"' in turkish
    assert "Damp and mould repairs<" not in turkish


def test_no_results_gives_advice(client, pages):
    html = client.get("/en/search/", {"q": "trampoline"}).content.decode()
    assert "0 results" in html
    assert "Try different or fewer words." in html


def test_an_over_long_query_is_refused_with_a_message_by_the_field(client, pages):
    response = client.get("/en/search/", {"q": "repairs " * 40})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="search-q-error"' in html
    assert "Enter 200 characters or fewer." in html
    assert "govuk-input--error" in html


def test_an_empty_query_asks_for_words(client, pages):
    html = client.get("/en/search/", {"q": "  "}).content.decode()
    assert "Enter a word or phrase to search for." in html


@pytest.mark.parametrize("page", ["abc", "999", "-1", "0"])
def test_bad_page_numbers_show_the_first_page(client, pages, page):
    response = client.get("/en/search/", {"q": "repairs", "page": page})
    assert response.status_code == 200
    assert "Damp and mould repairs" in response.content.decode()


def test_results_are_paginated_with_bounded_queries(
    client, home_page, django_assert_max_num_queries
):
    for number in range(25):
        home_page.add_child(
            instance=StandardPage(title=f"Estate walkabout {number}", slug=f"walkabout-{number}")
        ).save_revision().publish()
    with django_assert_max_num_queries(40):
        first = client.get("/en/search/", {"q": "walkabout"}).content.decode()
    assert "25 results" in first
    assert first.count('class="portal-search-results__item"') == 10
    assert 'rel="next"' in first
    third = client.get("/en/search/", {"q": "walkabout", "page": "3"}).content.decode()
    assert third.count('class="portal-search-results__item"') == 5
    assert 'rel="prev"' in third and 'rel="next"' not in third


@pytest.mark.parametrize(
    "query, message",
    [
        ("\x00", "without control characters"),
        ("repairs\x00", "without control characters"),
        ('"', "at least one word or number"),
        ("()*:^", "at least one word or number"),
    ],
)
def test_query_syntax_and_control_characters_get_a_message_not_an_error(
    client, pages, query, message
):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="search-q-error"' in html and message in html
    assert "\x00" not in html


@pytest.mark.parametrize("query", ['"damp', 'damp"', "(damp)", "damp*", "damp: -mould^"])
def test_stray_quotes_and_operators_search_for_the_words_around_them(client, pages, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert "Damp and mould repairs" in response.content.decode()


@pytest.mark.parametrize("query", ["NEAR(damp", "damp OR", "AND", "NOT mould", "'; DROP TABLE"])
def test_words_that_are_query_operators_elsewhere_are_just_words(client, pages, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert 'id="results-heading"' in response.content.decode()
