"""Moderation through the Wagtail admin views: members draft and submit, the secretary decides."""

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from panel import services
from panel.models import ActionStatus, MeetingPage
from portal.models import StandardPage

pytestmark = pytest.mark.django_db


def meeting_form(**overrides):
    data = {
        "title": "Panel meeting, summer",
        "slug": "summer",
        "introduction": "The panel looks at repairs and complaints.",
        "start": "2025-06-12 18:00",
        "end": "2025-06-12 20:00",
        "location": "Hackney Town Hall",
        "online_details": "",
        "agenda": streamfield(
            [("item", {"title": "Repairs performance", "summary": "", "presenter": ""})]
        ),
        "papers": streamfield([]),
        "minutes": streamfield(
            [
                (
                    "item",
                    {
                        "title": "Repairs performance",
                        "discussion": rich_text("<p>The panel questioned officers.</p>"),
                        "decisions": streamfield([]),
                    },
                )
            ]
        ),
        "minutes_approved_on": "",
        "attendances": inline_formset([]),
        "actions": inline_formset(
            [
                {
                    "description": "Share the repairs dashboard with the panel",
                    "owner": "Head of Repairs",
                    "due_date": "2025-07-31",
                    "status": ActionStatus.NOT_STARTED,
                }
            ]
        ),
        "comments": inline_formset([]),
        "listing_title": "",
        "listing_summary": "",
        "social_text": "",
        "seo_title": "",
        "search_description": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("panel", "meetingpage", index.pk))


def create_and_submit(client, user, index, **overrides):
    client.force_login(user)
    response = client.post(add_url(index), {**meeting_form(**overrides), "action-submit": "on"})
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    return MeetingPage.objects.get(slug=overrides.get("slug", "summer"))


def current_task_state(page) -> TaskState:
    return WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).current_task_state


def test_panel_section_uses_the_panel_workflow_not_the_home_page_one(panel_section, home_page):
    comms = Workflow.objects.create(name="Comms approval")
    WorkflowPage.objects.create(page=home_page, workflow=comms)
    assert panel_section["past"].get_workflow().name == services.WORKFLOW_NAME
    assert panel_section["papers"].get_workflow().name == services.WORKFLOW_NAME
    assert home_page.get_workflow() == comms


def test_member_creates_and_submits_a_meeting_but_it_stays_private(
    client, panel_section, panel_member
):
    meeting = create_and_submit(client, panel_member, panel_section["index"])
    assert not meeting.live
    state = current_task_state(meeting)
    assert state.task.name == services.TASK_NAME
    client.logout()
    assert client.get("/en/panel/meetings/summer/").status_code == 404
    log = client.get(panel_section["action_log"].url).content.decode()
    assert "Share the repairs dashboard" not in log


def test_member_cannot_publish(client, panel_section, panel_member):
    client.force_login(panel_member)
    response = client.post(
        add_url(panel_section["index"]), {**meeting_form(), "action-publish": "on"}
    )
    assert response.status_code in (302, 403)
    page = MeetingPage.objects.filter(slug="summer").first()
    assert page is None or not page.live
    # Nor through the publish button on an existing draft.
    past = panel_section["past"]
    live_revision = past.live_revision_id
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(past.pk,)),
        {
            **meeting_form(title="Renamed by a member", slug="spring"),
            "action-publish": "on",
        },
    )
    past.refresh_from_db()
    assert past.live_revision_id == live_revision
    assert past.title == "Panel meeting, spring"
    client.logout()
    assert "Renamed by a member" not in client.get(past.url).content.decode()


def test_member_cannot_edit_outside_the_panel_section(client, home_page, panel_member):
    news = home_page.add_child(instance=StandardPage(title="Repairs update", slug="update"))
    client.force_login(panel_member)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(news.pk,)))
    assert edit.status_code in (302, 403)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(news.pk,)),
        {"title": "Hijacked", "slug": "update", "action-publish": "on"},
    )
    assert response.status_code in (302, 403)
    news.refresh_from_db()
    assert news.title == "Repairs update"
    add = client.get(
        reverse("wagtailadmin_pages:add", args=("portal", "standardpage", home_page.pk))
    )
    assert add.status_code in (302, 403)
    perms = Page.objects.get(pk=news.pk).permissions_for_user(panel_member)
    assert not perms.can_edit() and not perms.can_add_subpage()


def test_secretary_approves_and_the_meeting_goes_live(
    client, panel_section, panel_member, secretary
):
    meeting = create_and_submit(client, panel_member, panel_section["index"])
    state = current_task_state(meeting)
    client.force_login(secretary)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(meeting.pk, "approve", state.pk)),
        {"comment": "Thank you"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.live
    client.logout()
    html = client.get("/en/panel/meetings/summer/").content.decode()
    assert "The panel questioned officers." in html
    assert "Draft, subject to approval" in html
    log = client.get(panel_section["action_log"].url).content.decode()
    assert "Share the repairs dashboard" in log


def test_secretary_rejects_with_a_comment(client, panel_section, panel_member, secretary):
    meeting = create_and_submit(client, panel_member, panel_section["index"])
    state = current_task_state(meeting)
    client.force_login(secretary)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(meeting.pk, "reject", state.pk)),
        {"comment": "Please add the apologies received."},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert not meeting.live
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_REJECTED
    assert state.comment == "Please add the apologies received."
    workflow_state = WorkflowState.objects.get(object_id=str(meeting.pk))
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_member_cannot_approve_their_own_submission(client, panel_section, panel_member):
    meeting = create_and_submit(client, panel_member, panel_section["index"])
    state = current_task_state(meeting)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(meeting.pk, "approve", state.pk)),
        {"comment": ""},
    )
    meeting.refresh_from_db()
    assert not meeting.live
