"""Editors' promoted results: the promoted page in the visitor's language, never one they may
not see, matched whatever the case and accents, and searching never writes a query row."""

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from portal.models import StandardPage
from portal.translation import translate_instance

pytestmark = pytest.mark.django_db


def promote(query: str, page=None, description: str = "", **link) -> SearchPromotion:
    return SearchPromotion.objects.create(
        query=Query.get(query), page=page, description=description, **link
    )


def recommended(client, path: str, **params) -> list[dict]:
    """The "Recommended" items on a search results page, as a visitor reads them."""
    response = client.get(path, params)
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").find(
        "section", class_="portal-search-promoted"
    )
    if section is None:
        return []
    return [
        {
            "title": item.h3.get_text(strip=True),
            "href": item.a["href"],
            "lang": item.get("lang"),
            "text": item.get_text(" ", strip=True),
        }
        for item in section.find_all("li")
    ]


@pytest.fixture
def site(home_page, locales):
    def add(title, parent=home_page, **fields):
        page = parent.add_child(instance=StandardPage(title=title, **fields))
        page.save_revision().publish()
        return page

    damp = add("How we are tackling damp and mould", search_description="Damp help.")
    complaints = add("Answer complaints on time")
    for code in ("tr", "ur"):
        translate_instance(instance=home_page, locale=locales[code], strings={})
    translate_instance(
        instance=damp,
        locale=locales["tr"],
        strings={
            "How we are tackling damp and mould": "Rutubet ve küfle nasıl mücadele ediyoruz",
            "Damp help.": "Rutubet yardımı.",
        },
    )
    turkish_home = home_page.get_translation(locales["tr"])
    turkish_only = add("Onarım randevuları", parent=turkish_home)
    return {"damp": damp, "complaints": complaints, "turkish_only": turkish_only}


def test_a_promoted_page_comes_first_with_the_editor_s_description(client, site):
    promote("mould", site["damp"], description="Report damp and mould and what we do next.")
    items = recommended(client, "/en/search/", q="Mould")
    assert [item["title"] for item in items] == ["How we are tackling damp and mould"]
    assert items[0]["href"] == "/en/how-we-are-tackling-damp-and-mould/"
    assert "Report damp and mould and what we do next." in items[0]["text"]
    assert items[0]["lang"] is None  # in the visitor's own language


def test_each_language_sees_its_translation_or_the_english_page_marked_as_english(client, site):
    promote("mould", site["damp"], description="Report damp and mould and what we do next.")

    turkish = recommended(client, "/tr/search/", q="MOULD")
    assert [item["title"] for item in turkish] == ["Rutubet ve küfle nasıl mücadele ediyoruz"]
    assert turkish[0]["href"].startswith("/tr/")
    # The editor wrote the description for the English page; the translation has its own.
    assert "Report damp" not in turkish[0]["text"]
    assert "Rutubet yardımı." in turkish[0]["text"]

    urdu = recommended(client, "/ur/search/", q="mould")
    assert [item["title"] for item in urdu] == ["How we are tackling damp and mould"]
    assert urdu[0]["lang"] == "en"


def test_a_page_in_another_language_with_no_translation_is_not_promoted(client, site):
    promote("onarım", site["turkish_only"])
    assert [item["title"] for item in recommended(client, "/tr/search/", q="onarim")] == [
        "Onarım randevuları"
    ]
    assert recommended(client, "/en/search/", q="onarım") == []


def test_drafts_and_private_pages_are_never_promoted_to_visitors_who_may_not_see_them(
    client, site, django_user_model
):
    private = site["complaints"]
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = site["damp"]
    draft.unpublish()
    promote("complaints", private)
    promote("complaints", draft)
    assert recommended(client, "/en/search/", q="complaints") == []

    client.force_login(django_user_model.objects.create_user("resident", "r@example.org", "x"))
    assert [item["title"] for item in recommended(client, "/en/search/", q="complaints")] == [
        "Answer complaints on time"
    ]


def test_promotions_show_on_the_first_unfiltered_page_only(client, site):
    promote("mould", site["damp"])
    assert recommended(client, "/en/search/", q="mould", page="2")  # page 2 does not exist: page 1
    assert recommended(client, "/en/search/", q="mould", type="update") == []


def test_an_external_link_is_promoted_in_every_language(client, site):
    promote(
        "council tax",
        external_link_url="https://www.example.gov.uk/council-tax",
        external_link_text="Council tax",
    )
    for path in ("/en/search/", "/ur/search/"):
        items = recommended(client, path, q="Council  tax!")
        assert [(item["title"], item["href"]) for item in items] == [
            ("Council tax", "https://www.example.gov.uk/council-tax")
        ]


def test_searching_writes_no_query_rows(client, site):
    promote("mould", site["damp"])
    before = Query.objects.count()
    for q in ("mould", "something nobody promoted", "onarım"):
        client.get("/en/search/", {"q": q})
    assert Query.objects.count() == before
