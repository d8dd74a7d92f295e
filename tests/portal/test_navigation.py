"""The main menu: editors set it per locale; each language's menu links that language's pages."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group, User

from portal.models import MainMenu, MainMenuItem, StandardPage
from portal.roles import COMMS_EDITORS, setup_roles
from portal.translation import translate_instance

pytestmark = pytest.mark.django_db


def menu_links(html: str) -> list[tuple[str, str]]:
    """(href, text) of each link in the main menu, in order."""
    nav = re.search(
        r'<nav aria-label="[^"]*" class="govuk-service-navigation__wrapper">(.*?)</nav>', html, re.S
    )
    assert nav, "no main menu on the page"
    return [
        (unescape(href), unescape(re.sub(r"<[^>]+>", "", text)).strip())
        for href, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', nav.group(1), re.S)
    ]


def header_search(html: str) -> tuple[str, str]:
    """(action, button text) of the search form beside the menu, on every page."""
    form = re.search(
        r'<form class="portal-header__search" [^>]*action="([^"]+)"(.*?)</form>', html, re.S
    )
    assert form, "no search form in the header"
    button = re.search(r"<button [^>]*>(.*?)</button>", form.group(2), re.S)
    return unescape(form.group(1)), unescape(button.group(1)).strip()


def add_page(parent, slug, title, **fields):
    page = parent.add_child(instance=StandardPage(slug=slug, title=title, **fields))
    page.save_revision().publish()
    return page


@pytest.fixture
def sections(home_page, locales):
    """Two English sections, and a Turkish home page with a translation of one of them."""
    about = add_page(home_page, "about", "About")
    panel = add_page(home_page, "panel", "Housing Advisory Panel")
    turkish = {"Housing engagement": "Konut katılımı", "About": "Hakkında"}
    translate_instance(instance=home_page, locale=locales["tr"], strings=turkish)
    translate_instance(instance=about, locale=locales["tr"], strings=turkish)
    return {"about": about, "panel": panel}


def test_the_menu_shows_the_editors_links_in_order_in_each_language(client, sections, locales):
    menu = MainMenu.objects.create(locale=locales["en"])
    MainMenuItem.objects.create(menu=menu, page=sections["panel"], sort_order=0)
    MainMenuItem.objects.create(
        menu=menu, page=sections["about"], sort_order=1, link_text="Who we are"
    )

    english = menu_links(client.get("/en/").content.decode())
    assert english == [
        ("/en/panel/", "Housing Advisory Panel"),
        ("/en/about/", "Who we are"),
    ]
    assert header_search(client.get("/en/").content.decode()) == ("/en/search/", "Search")
    # Turkish has no menu of its own yet: the English one, each link to the Turkish page where
    # there is one. The untranslated panel page stays in English rather than vanishing.
    turkish_html = client.get("/tr/").content.decode()
    turkish = menu_links(turkish_html)
    assert turkish[0] == ("/en/panel/", "Housing Advisory Panel")
    assert turkish[1][0] == "/tr/about/"
    assert len(turkish) == 2
    assert header_search(turkish_html) == ("/tr/search/", "Ara")


def test_a_locales_own_menu_replaces_the_default_and_hides_unpublished_pages(
    client, sections, locales
):
    english = MainMenu.objects.create(locale=locales["en"])
    MainMenuItem.objects.create(menu=english, page=sections["panel"], sort_order=0)
    turkish_about = sections["about"].get_translation(locales["tr"])
    turkish = MainMenu.objects.create(locale=locales["tr"], translation_key=english.translation_key)
    MainMenuItem.objects.create(menu=turkish, page=turkish_about, sort_order=0)
    assert menu_links(client.get("/tr/").content.decode()) == [("/tr/about/", "Hakkında")]
    turkish_about.unpublish()
    assert menu_links(client.get("/tr/").content.decode()) == []


def test_the_current_section_is_marked_for_assistive_technology(client, sections, locales):
    menu = MainMenu.objects.create(locale=locales["en"])
    MainMenuItem.objects.create(menu=menu, page=sections["about"], sort_order=0)
    child = add_page(sections["about"], "history", "Our history")
    html = client.get(child.url).content.decode()
    assert re.search(r'href="/en/about/" aria-current="true"', html)


def test_the_menu_costs_a_fixed_number_of_queries(
    client, sections, locales, django_assert_max_num_queries
):
    client.get("/tr/")  # process-wide caches (content types, the sites' root paths)
    menu = MainMenu.objects.create(locale=locales["en"])
    MainMenuItem.objects.create(menu=menu, page=sections["about"], sort_order=0)
    # The first request after a change builds the menu afresh, the next ones read it cached.
    with django_assert_max_num_queries(60) as short:
        client.get("/tr/")
    for n in range(10):
        page = add_page(sections["panel"].get_parent(), f"section-{n}", f"Section {n}")
        MainMenuItem.objects.create(menu=menu, page=page, sort_order=n + 1)
    with django_assert_max_num_queries(len(short)) as long:
        html = client.get("/tr/").content.decode()
    assert len(menu_links(html)) == 11
    assert len(long) == len(short)
    with django_assert_max_num_queries(len(short)) as warm:
        assert menu_links(client.get("/tr/").content.decode()) == menu_links(html)
    assert len(warm) < len(short)


def test_a_comms_editor_changes_the_menu_in_the_admin(client, sections, locales):
    setup_roles()
    menu = MainMenu.objects.create(locale=locales["en"])
    MainMenuItem.objects.create(menu=menu, page=sections["about"], sort_order=0)
    editor = User.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name=COMMS_EDITORS))
    client.force_login(editor)
    item = menu.items.get()
    response = client.post(
        f"/admin/snippets/portal/mainmenu/edit/{menu.pk}/",
        {
            "locale": locales["en"].pk,
            "items-TOTAL_FORMS": "2",
            "items-INITIAL_FORMS": "1",
            "items-MIN_NUM_FORMS": "1",
            "items-MAX_NUM_FORMS": "1000",
            "items-0-id": item.pk,
            "items-0-page": sections["about"].pk,
            "items-0-link_text": "",
            "items-0-ORDER": "2",
            "items-0-DELETE": "",
            "items-1-id": "",
            "items-1-page": sections["panel"].pk,
            "items-1-link_text": "The panel",
            "items-1-ORDER": "1",
            "items-1-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    assert menu_links(client.get("/en/").content.decode()) == [
        ("/en/panel/", "The panel"),
        ("/en/about/", "About"),
    ]


def test_without_a_menu_the_pages_marked_show_in_menus_stand_in(client, home_page):
    add_page(home_page, "about", "About", show_in_menus=True)
    add_page(home_page, "hidden", "Hidden")
    assert menu_links(client.get("/en/").content.decode()) == [
        ("/en/about/", "About"),
    ]
