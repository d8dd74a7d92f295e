"""Staff roles: the Comms groups, their permissions and the moderation workflow, exercised
through the Wagtail admin as editors and approvers use it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal.models import HomePage, StandardPage
from portal.roles import ALL_ROLES, COMMS_APPROVERS, COMMS_EDITORS, COMMS_WORKFLOW
from portal.translation import other_locales, translate_instance

pytestmark = pytest.mark.django_db


@pytest.fixture
def homes(home_page):
    """The English home page and its translations, like a real install after demo content."""
    for locale in other_locales():
        translate_instance(instance=home_page, locale=locale, strings={})
    return list(HomePage.objects.all())


@pytest.fixture
def roles(homes):
    call_command("setup_roles", verbosity=0)
    return {name: Group.objects.get(name=name) for name in ALL_ROLES}


def _staff(username, group):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@council.example", password="x"
    )
    user.groups.add(group)
    return user


def _page_form(title, **actions):
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "introduction": "Dates and places for repairs surgeries.",
            "body": streamfield([]),
            "comments": inline_formset([]),
            **actions,
        }
    )


def test_setup_roles_is_idempotent_and_covers_every_locale(roles, homes):
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    call_command("setup_roles", verbosity=0)
    assert (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
    ) == counts
    assert set(ALL_ROLES) <= set(Group.objects.values_list("name", flat=True))
    workflow = Workflow.objects.get(name=COMMS_WORKFLOW)
    assert len(homes) == 8
    assert WorkflowPage.objects.filter(workflow=workflow).count() == len(homes)
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [roles[COMMS_APPROVERS]]


def test_the_roles_exist_after_migrate_alone(db):
    # The post_migrate handler ran when the test database was built.
    assert set(ALL_ROLES) <= set(Group.objects.values_list("name", flat=True))


def test_editor_can_create_and_submit_but_not_publish(client, roles, home_page):
    editor = _staff("eda", roles[COMMS_EDITORS])
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=["portal", "standardpage", home_page.pk])
    assert client.get(add_url).status_code == 200

    # Publishing is not among an editor's actions: the button is absent and a forged
    # "publish" only saves a draft.
    page = client.get(add_url).content.decode()
    assert 'name="action-publish"' not in page
    client.post(add_url, _page_form("Repairs surgeries", **{"action-publish": "1"}))
    forged = StandardPage.objects.get(slug="repairs-surgeries")
    assert not forged.live

    response = client.post(
        add_url, _page_form("Estate walkabouts", **{"action-submit": "1"}), follow=True
    )
    assert response.status_code == 200
    page = StandardPage.objects.get(slug="estate-walkabouts")
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == COMMS_WORKFLOW

    # An editor cannot approve their own submission.
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    client.post(approve_url, {})
    page.refresh_from_db()
    assert not page.live


def test_approver_can_publish_and_approve_submissions(client, roles, home_page):
    editor = _staff("eda", roles[COMMS_EDITORS])
    approver = _staff("abi", roles[COMMS_APPROVERS])
    add_url = reverse("wagtailadmin_pages:add", args=["portal", "standardpage", home_page.pk])

    client.force_login(editor)
    client.post(add_url, _page_form("Estate walkabouts", **{"action-submit": "1"}))
    submitted = StandardPage.objects.get(slug="estate-walkabouts")
    task_state = WorkflowState.objects.get(object_id=str(submitted.pk)).current_task_state

    client.force_login(approver)
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state.pk]
    )
    response = client.post(approve_url, {"comment": ""})
    assert response.status_code in (200, 302)
    submitted.refresh_from_db()
    assert submitted.live

    # Approvers may publish their own pages directly.
    client.post(add_url, _page_form("Repairs surgeries", **{"action-publish": "1"}))
    assert StandardPage.objects.get(slug="repairs-surgeries").live


def test_editors_may_add_images_and_documents(roles):
    editor = _staff("eda", roles[COMMS_EDITORS])
    for perm in ("wagtailimages.add_image", "wagtaildocs.add_document"):
        assert not editor.has_perm(perm)  # granted per collection, not globally
    from wagtail.documents.permissions import permission_policy as documents
    from wagtail.images.permissions import permission_policy as images

    assert images.user_has_permission(editor, "add")
    assert documents.user_has_permission(editor, "add")
    assert images.user_has_permission(editor, "choose")
