"""Private papers and drafts never leak: page URL, search, sitemap, listings, document URL."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from panel import services
from panel.models import MeetingPage, PanelPapersPage
from portal.roles import PANEL_MEMBERS, PANEL_SECRETARY
from tests.panel.conftest import LONDON

pytestmark = pytest.mark.django_db

SECRET_WORD = "disrepair"  # only in the private papers page's title
PAPER_BYTES = b"%PDF-1.4 confidential legal advice on disrepair claims"


@pytest.fixture
def private_document(panel_section):
    document = Document(title="Legal advice", collection=services.private_papers_collection())
    document.file.save("legal-advice.pdf", ContentFile(PAPER_BYTES), save=False)
    document.save()
    return document


@pytest.fixture
def draft_meeting(panel_section):
    """A meeting a panel member has drafted but nobody has published."""
    meeting = MeetingPage(
        title="Unpublished meeting about disrepair",
        slug="draft-meeting",
        start=datetime.datetime(2025, 2, 1, 18, tzinfo=LONDON),
        location="Online",
        online=True,
    )
    panel_section["index"].add_child(instance=meeting)
    meeting.unpublish()
    return meeting


def _signed_in(client, user):
    client.force_login(user)
    return client


def test_papers_page_is_restricted_to_both_panel_groups_from_creation(panel_section):
    restriction = PageViewRestriction.objects.get(page=panel_section["papers"])
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert sorted(g.name for g in restriction.groups.all()) == [PANEL_MEMBERS, PANEL_SECRETARY]


@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_outsiders_cannot_open_private_papers(client, panel_section, resident, who):
    if who == "resident":
        _signed_in(client, resident)
    response = client.get(panel_section["papers"].url)
    assert response.status_code == 302
    # Wagtail sends people to sign in (its own form until WAGTAIL_FRONTEND_LOGIN_URL is set).
    assert "login/?next=/en/panel/members-papers/" in response["Location"]
    assert "Legal advice on disrepair" not in response.content.decode()


@pytest.mark.parametrize("who", ["panel_member", "secretary"])
def test_panel_groups_can_open_private_papers(client, panel_section, request, who):
    _signed_in(client, request.getfixturevalue(who))
    response = client.get(panel_section["papers"].url)
    assert response.status_code == 200
    assert "Legal advice on disrepair claims." in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "resident", "panel_member"])
def test_search_shows_private_papers_only_to_the_panel_and_drafts_to_nobody(
    client, panel_section, draft_meeting, request, who
):
    if who != "anonymous":
        _signed_in(client, request.getfixturevalue(who))
    html = client.get("/en/search/", {"q": SECRET_WORD}).content.decode()
    # Panel members, signed in, find the members-only papers they may open; nobody else does.
    assert ("Confidential briefing" in html) == (who == "panel_member")
    assert "Unpublished meeting" not in html
    # The search works: public panel content is found.
    html = client.get("/en/search/", {"q": "scrutinise"}).content.decode()
    assert "Housing Advisory Panel" in html


def test_sitemap_lists_public_panel_pages_only(client, panel_section, draft_meeting):
    xml = client.get("/sitemap.xml").content.decode()
    for key in ("panel", "members_page", "index", "action_log", "past", "upcoming"):
        assert f"{panel_section[key].url}</loc>" in xml, key
    assert panel_section["papers"].url not in xml
    assert "draft-meeting" not in xml


@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_listings_never_link_to_private_papers(client, panel_section, draft_meeting, resident, who):
    if who == "resident":
        _signed_in(client, resident)
    for key in ("panel", "index", "past", "action_log"):
        html = client.get(panel_section[key].url).content.decode()
        assert "Confidential briefing" not in html, key
        assert "members-papers" not in html, key
        assert "Unpublished meeting" not in html, key
    assert client.get("/en/").status_code == 200
    assert "Confidential briefing" not in client.get("/en/").content.decode()


def test_panel_members_see_a_link_to_their_papers(client, panel_section, panel_member):
    _signed_in(client, panel_member)
    html = client.get(panel_section["panel"].url).content.decode()
    assert "Papers for panel members" in html
    assert f'href="{panel_section["papers"].url}"' in html


def test_draft_meeting_is_not_served(client, draft_meeting):
    assert client.get("/en/panel/meetings/draft-meeting/").status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_outsiders_cannot_download_private_documents(client, private_document, resident, who):
    if who == "resident":
        _signed_in(client, resident)
    response = client.get(private_document.url)
    assert response.status_code in (302, 403)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert PAPER_BYTES not in body


def test_panel_member_can_download_private_documents(client, private_document, panel_member):
    _signed_in(client, panel_member)
    response = client.get(private_document.url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body == PAPER_BYTES


def test_removing_the_privacy_setting_puts_it_back(
    panel_section, django_capture_on_commit_callbacks
):
    papers = panel_section["papers"]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=papers).delete()
    assert not PanelPapersPage.objects.filter(pk=papers.pk).public().exists()

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.get(page=papers)
        restriction.restriction_type = PageViewRestriction.PASSWORD
        restriction.password = "shared-secret"
        restriction.save()
    restriction = PageViewRestriction.objects.get(page=papers)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert restriction.password == ""


def _loosen(restriction_kind, collection):
    from wagtail.models import CollectionViewRestriction

    restrictions = CollectionViewRestriction.objects.filter(collection=collection)
    if restriction_kind == "removed":
        restrictions.delete()
    elif restriction_kind == "password":
        restriction = restrictions.get()
        restriction.restriction_type = CollectionViewRestriction.PASSWORD
        restriction.password = "shared-secret"
        restriction.save()
    elif restriction_kind == "any signed-in user":
        restriction = restrictions.get()
        restriction.restriction_type = CollectionViewRestriction.LOGIN
        restriction.save()
    else:  # one panel group dropped
        restriction = restrictions.get()
        restriction.groups.remove(restriction.groups.get(name=PANEL_SECRETARY))
        restriction.save()


@pytest.mark.parametrize(
    "loosened", ["removed", "password", "any signed-in user", "one group dropped"]
)
def test_loosening_the_members_only_collection_puts_its_restriction_back(
    client, private_document, resident, django_capture_on_commit_callbacks, loosened
):
    """Safe behaviour: members-only papers stay members-only whatever an editor does to the
    collection's privacy setting; the restriction is restored when the change commits."""
    from wagtail.models import CollectionViewRestriction

    collection = private_document.collection
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _loosen(loosened, collection)
    assert callbacks, "the change was noticed"
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert restriction.password == ""
    assert sorted(g.name for g in restriction.groups.all()) == [PANEL_MEMBERS, PANEL_SECRETARY]
    for who in ("anonymous", "resident"):
        if who == "resident":
            _signed_in(client, resident)
        response = client.get(private_document.url)
        assert response.status_code in (302, 403), who
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert PAPER_BYTES not in body, who


def test_other_collections_privacy_is_left_to_editors(
    panel_section, django_capture_on_commit_callbacks
):
    from wagtail.models import Collection, CollectionViewRestriction

    other = Collection.get_first_root_node().add_child(name="Estate photos")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = CollectionViewRestriction.objects.create(
            collection=other, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
        )
        restriction.delete()
    assert not CollectionViewRestriction.objects.filter(collection=other).exists()


def test_migrate_restores_the_members_only_collections_restriction(private_document):
    from django.core.management import call_command
    from wagtail.models import CollectionViewRestriction

    # A restriction removed before these signals existed (or by raw SQL) is restored on setup.
    CollectionViewRestriction.objects.filter(collection=private_document.collection).update(
        restriction_type=CollectionViewRestriction.LOGIN
    )
    call_command("migrate", verbosity=0)
    restriction = CollectionViewRestriction.objects.get(collection=private_document.collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
