"""Review feedback reaches the author: the secretary's comment, with the secretary's name, on the
member's dashboard and at the top of the edit page until they resubmit; notification emails
link to WAGTAILADMIN_BASE_URL; the page explorer opens each role at its own section."""

import json
import re

import pytest
from django.urls import reverse

from tests.panel.conftest import make_user
from tests.panel.test_workflow import create_and_submit, current_task_state, meeting_form

pytestmark = pytest.mark.django_db

COMMENT = "Please add the apologies received from Ms Begum."


@pytest.fixture
def named_secretary(django_user_model, panel_section):
    from portal.roles import PANEL_SECRETARY

    return make_user(
        django_user_model, "sec", PANEL_SECRETARY, first_name="Ruth", last_name="Okafor"
    )


@pytest.fixture
def named_member(django_user_model, panel_section):
    from portal.roles import PANEL_MEMBERS

    return make_user(
        django_user_model, "mem", PANEL_MEMBERS, first_name="Tariq", last_name="Hussain"
    )


@pytest.fixture
def sent_back(
    client, panel_section, named_member, named_secretary, django_capture_on_commit_callbacks
):
    meeting = create_and_submit(client, named_member, panel_section["index"])
    state = current_task_state(meeting)
    client.force_login(named_secretary)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=(meeting.pk, "reject", state.pk)),
            {"comment": COMMENT},
        )
    assert response.status_code == 302
    client.force_login(named_member)
    return meeting


def test_the_member_sees_the_secretarys_comment_and_name_on_the_dashboard(client, sent_back):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Changes requested on your pages" in html
    assert COMMENT in html
    assert "Ruth Okafor asked for changes (Panel secretary approval):" in html
    assert "Tariq Hussain asked for changes" not in html


def test_the_comment_is_at_the_top_of_the_edit_page_until_resubmitted(client, sent_back):
    edit = reverse("wagtailadmin_pages:edit", args=(sent_back.pk,))
    html = client.get(edit).content.decode()
    assert "Ruth Okafor asked for changes" in html
    assert html.index(COMMENT) < html.index('id="page-edit-form"')

    response = client.post(edit, {**meeting_form(), "action-submit": "on"})
    assert response.status_code == 302
    assert COMMENT not in client.get(edit).content.decode()
    assert COMMENT not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_view_details_names_the_reviewer_who_asked_for_changes_not_the_author(client, sent_back):
    """Wagtail heads the status dialog "Changes requested ... by" whoever submitted the page."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=(sent_back.pk,))).content.decode()
    start = html.index('id="workflow-status-dialog"')
    dialog = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[start : start + 6000]))
    # The heading: "Changes requested <how long ago> by <reviewer>".
    assert re.search(r"Changes requested (?!by ).{1,40} by Ruth Okafor", dialog), dialog[:400]
    assert "by Tariq Hussain" not in dialog
    assert "Changes requested by Ruth Okafor" in dialog  # the timeline's own line agrees
    assert COMMENT in dialog


def test_notification_email_links_to_the_admin_base_url(
    client,
    settings,
    smtp,
    panel_section,
    named_member,
    named_secretary,
    django_capture_on_commit_callbacks,
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    meeting = create_and_submit(client, named_member, panel_section["index"])
    state = current_task_state(meeting)
    client.force_login(named_secretary)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtailadmin_pages:workflow_action", args=(meeting.pk, "reject", state.pk)),
            {"comment": COMMENT},
        )
    to_member = [m for m in smtp.messages if "mem@example.org" in m["To"]]
    assert to_member, [m["Subject"] for m in smtp.messages]
    body = to_member[0].get_body(preferencelist=("plain",)).get_content()
    assert f"http://127.0.0.1:8123/admin/pages/{meeting.pk}/edit/" in body
    assert "127.0.0.1:8000" not in body


def test_make_run_sets_the_admin_base_url_from_port():
    import pathlib
    import subprocess

    root = pathlib.Path(__file__).resolve().parents[2]
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    assert "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8123" in dry_run
    assert "runserver 127.0.0.1:8123" in dry_run


def _explorer_start(client):
    """(url, start page id) of the "Pages" item in the admin sidebar Wagtail renders."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    modules = json.loads(props.group(1))["modules"]
    main_menu = next(m for m in modules if m["_type"] == "wagtail.sidebar.MainMenuModule")
    explorer = next(
        item for item in main_menu["_args"][0] if item["_type"].endswith("PageExplorerMenuItem")
    )
    return explorer["_args"][0]["url"], explorer["_args"][1]


def test_panel_members_open_the_explorer_at_meetings(client, panel_section, named_member):
    client.force_login(named_member)
    url, start = _explorer_start(client)
    assert start == panel_section["index"].pk
    assert url == reverse("wagtailadmin_explore", args=[panel_section["index"].pk])


def test_comms_editors_open_the_explorer_at_their_languages_home(
    client, home_page, django_user_model
):
    from django.core.management import call_command
    from wagtail.users.models import UserProfile

    from portal.models import HomePage
    from portal.roles import COMMS_EDITORS
    from portal.translation import other_locales, translate_instance

    for locale in other_locales():
        translate_instance(instance=home_page, locale=locale, strings={})
    call_command("setup_roles", verbosity=0)
    editor = make_user(django_user_model, "editor", COMMS_EDITORS)
    client.force_login(editor)
    assert _explorer_start(client)[1] == home_page.pk
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "ur"
    profile.save()
    urdu_home = HomePage.objects.get(locale__language_code="ur")
    assert _explorer_start(client)[1] == urdu_home.pk
