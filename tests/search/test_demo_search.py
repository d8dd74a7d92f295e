"""What the demo shows of search, and who looks after it: promoted results for the queries
residents type in each language, the synonyms, and the comms roles' access to both."""

import pytest

from portal.roles import COMMS_APPROVERS, COMMS_EDITORS, CONSULTATION_ANALYSTS, PANEL_MEMBERS
from search.models import Synonym
from tests.panel.conftest import make_user
from tests.search.test_promotions import recommended

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "code, query, title",
    [
        ("en", "Repairs", "No repair older than three months"),
        ("tr", "onarim", "Üç aydan eski onarım kalmayacak"),
        ("ur", "مرمت", "کوئی مرمت تین ماہ سے پرانی نہیں"),
        ("yi", "פֿאַרריכטונג", "קיין פֿאַרריכטונג עלטער ווי דרײַ חדשים"),
    ],
)
def test_the_demo_promotes_the_repairs_commitment_in_each_language(
    client, demo_content, code, query, title
):
    items = recommended(client, f"/{code}/search/", q=query)
    assert items and items[0]["title"] == title
    assert items[0]["href"].startswith(f"/{code}/")


def test_the_demo_promotion_describes_the_english_page(client, demo_content):
    (item,) = recommended(client, "/en/search/", q="have your say")
    assert item["title"] == "Draft resident engagement strategy"
    assert "tell us how residents should shape the housing service" in item["text"]


def test_the_demo_synonyms_find_the_other_spelling(client, demo_content):
    assert Synonym.objects.filter(locale__language_code="en", terms="mould, mold").exists()
    from tests.search.test_results import results_of, titles

    assert "How we are tackling damp and mould" in titles(results_of(client, "en", "mold"))


ADMIN_PAGES = [
    "/admin/searchpicks/",
    "/admin/searchpicks/add/",
    "/admin/snippets/site_search/synonym/",
    "/admin/snippets/site_search/synonym/add/",
    "/admin/snippets/site_search/zeroresultquery/",
]


@pytest.mark.parametrize("role", [COMMS_EDITORS, COMMS_APPROVERS])
def test_comms_roles_look_after_promotions_and_synonyms(client, django_user_model, role):
    client.force_login(make_user(django_user_model, "comms", role))
    for path in ADMIN_PAGES:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("role", [CONSULTATION_ANALYSTS, PANEL_MEMBERS])
def test_other_roles_cannot_change_what_search_finds(client, django_user_model, role):
    client.force_login(make_user(django_user_model, "staff", role))
    for path in ADMIN_PAGES:
        assert client.get(path).status_code in (302, 403), path
