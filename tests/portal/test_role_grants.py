"""What each staff role may do once ``migrate`` has run: exactly these permissions, no more.

The sets below are the least privilege each role needs (see each app's ``permissions.py``); a
change to them is a change of who may do what, so it shows up here first.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from panel.models import PanelPage
from portal.models import HomePage
from portal.roles import (
    ALL_ROLES,
    COMMS_APPROVERS,
    COMMS_EDITORS,
    CONSULTATION_ANALYSTS,
    PANEL_MEMBERS,
    PANEL_SECRETARY,
    apply_grants,
    permissions_named,
    register_role_grants,
    role_grants,
)
from portal.translation import other_locales, translate_instance

pytestmark = pytest.mark.django_db

COMMS = {
    "alerts.view_alertitem",
    "news.add_estate",
    "news.change_estate",
    "news.view_estate",
    "news.view_eventrsvp",
    "news.view_measurement",
    "portal.add_mainmenu",
    "portal.change_mainmenu",
    "site_search.add_synonym",
    "site_search.change_synonym",
    "site_search.delete_synonym",
    "site_search.view_synonym",
    "site_search.view_zeroresultquery",
    "wagtail_localize.submit_translation",
    "wagtailadmin.access_admin",
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
    "wagtailsearchpromotions.view_searchpromotion",
}
MODEL_PERMISSIONS = {
    COMMS_EDITORS: COMMS,
    COMMS_APPROVERS: COMMS
    | {
        "news.add_measurement",
        "news.change_measurement",
        "news.delete_measurement",
        "news.delete_eventrsvp",
    },
    CONSULTATION_ANALYSTS: {
        "consultations.view_response",
        "consultations.add_response",
        "consultations.export_response",
        "consultations.erase_response",
        "consultations.view_theme",
        "consultations.add_theme",
        "consultations.change_theme",
        "consultations.delete_theme",
        "consultations.view_answertheme",
        "consultations.add_answertheme",
        "consultations.delete_answertheme",
        "wagtailadmin.access_admin",
    },
    PANEL_MEMBERS: {"panel.view_panelmember", "wagtailadmin.access_admin"},
    PANEL_SECRETARY: {
        "panel.add_panelmember",
        "panel.change_panelmember",
        "panel.view_panelmember",
        "wagtailadmin.access_admin",
    },
}
MEDIA = {
    f"Root:{app}.{action}_{model}"
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "choose")
}
PANEL_PAPERS = {
    f"{collection}:wagtaildocs.{action}_document"
    for collection in ("Panel papers", "Panel papers (members only)")
    for action in ("add", "change", "choose")
}
COLLECTION_PERMISSIONS = {
    COMMS_EDITORS: MEDIA,
    COMMS_APPROVERS: MEDIA,
    CONSULTATION_ANALYSTS: set(),
    PANEL_MEMBERS: PANEL_PAPERS,
    PANEL_SECRETARY: PANEL_PAPERS,
}
EDITOR_PAGES = {"add_page", "change_page", "lock_page", "unlock_page"}
PAGE_PERMISSIONS = {
    # (on every home page, on the panel section)
    COMMS_EDITORS: (EDITOR_PAGES, set()),
    COMMS_APPROVERS: (EDITOR_PAGES | {"publish_page"}, set()),
    CONSULTATION_ANALYSTS: (set(), set()),
    PANEL_MEMBERS: (set(), {"add_page", "change_page"}),
    PANEL_SECRETARY: (set(), {"add_page", "change_page", "publish_page"}),
}


def model_permissions(group):
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def collection_permissions(group):
    return {
        f"{name}:{app}.{codename}"
        for name, app, codename in GroupCollectionPermission.objects.filter(
            group=group
        ).values_list(
            "collection__name", "permission__content_type__app_label", "permission__codename"
        )
    }


def page_permissions(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def roles():
    return {name: Group.objects.get(name=name) for name in ALL_ROLES}


def test_after_migrate_each_role_has_exactly_its_permissions(db):
    for name, group in roles().items():
        assert model_permissions(group) == MODEL_PERMISSIONS[name], name
        assert collection_permissions(group) == COLLECTION_PERMISSIONS[name], name


@pytest.fixture
def site_with_panel(home_page):
    """Every locale's home page and a panel section, as a real install has after setup."""
    for locale in other_locales():
        translate_instance(instance=home_page, locale=locale, strings={})
    panel = home_page.add_child(
        instance=PanelPage(
            title="Housing Advisory Panel",
            slug="panel",
            introduction="Residents and experts who scrutinise the housing service.",
            terms_of_reference="<p>The panel meets four times a year.</p>",
            raise_an_issue="<p>Email the panel secretary.</p>",
        )
    )
    return {"homes": list(HomePage.objects.all()), "panel": panel}


def test_page_permissions_cover_every_home_and_the_panel_section(site_with_panel):
    call_command("setup_roles", verbosity=0)
    homes, panel = site_with_panel["homes"], site_with_panel["panel"]
    assert len(homes) == 8
    for name, group in roles().items():
        on_homes, on_panel = PAGE_PERMISSIONS[name]
        for home in homes:
            assert page_permissions(group, home) == on_homes, (name, home.locale)
        assert page_permissions(group, panel) == on_panel, name


def test_migrating_again_grants_nothing_new(site_with_panel):
    call_command("setup_roles", verbosity=0)

    def everything():
        return {
            name: (
                model_permissions(group),
                collection_permissions(group),
                GroupPagePermission.objects.filter(group=group).count(),
            )
            for name, group in roles().items()
        }

    before = everything()
    call_command("migrate", verbosity=0)
    call_command("setup_roles", verbosity=0)
    assert everything() == before
    assert before[CONSULTATION_ANALYSTS][0] == MODEL_PERMISSIONS[CONSULTATION_ANALYSTS]


def test_an_administrators_extra_grant_survives_migrate(db):
    editors = Group.objects.get(name=COMMS_EDITORS)
    editors.permissions.add(*permissions_named(["news.delete_estate"]))
    call_command("migrate", verbosity=0)
    assert model_permissions(editors) == MODEL_PERMISSIONS[COMMS_EDITORS] | {"news.delete_estate"}


def test_a_misspelt_or_misaddressed_grant_fails_loudly(db):
    with pytest.raises(ImproperlyConfigured, match="news.view_estates"):
        apply_grants({COMMS_EDITORS: ["news.view_estate", "news.view_estates"]})
    with pytest.raises(ImproperlyConfigured, match="Comms editor"):
        register_role_grants("news", grants={"Comms editor": ["news.view_estate"]})
    assert (
        model_permissions(Group.objects.get(name=COMMS_EDITORS)) == MODEL_PERMISSIONS[COMMS_EDITORS]
    )


def test_every_app_grants_through_the_one_post_migrate_receiver():
    """Apps declare their grants; none connects its own ``post_migrate`` (consultations once
    granted the analysts' permissions twice, from two receivers)."""
    assert {grants.app_label for grants in role_grants()} == {
        "portal",
        "consultations",
        "news",
        "panel",
        "alerts",
        "site_search",
    }
    root = Path(settings.BASE_DIR)
    connects = [
        str(path.relative_to(root))
        for app in ("portal", "consultations", "news", "panel", "search")
        for path in (root / app).rglob("*.py")
        if "post_migrate.connect(" in path.read_text()
    ]
    assert connects == ["portal/apps.py"]
