"""The staff roles every installation has, as Django groups.

``ensure_groups`` is idempotent; feature apps grant each group the permissions their features
need through ``grant`` (also idempotent), so least privilege is declared next to the feature.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_noop

COMMS_EDITORS = gettext_noop("Comms editors")
COMMS_APPROVERS = gettext_noop("Comms approvers")
CONSULTATION_ANALYSTS = gettext_noop("Consultation analysts")
PANEL_MEMBERS = gettext_noop("Panel members")
PANEL_SECRETARY = gettext_noop("Panel secretary")

ALL_ROLES = [COMMS_EDITORS, COMMS_APPROVERS, CONSULTATION_ANALYSTS, PANEL_MEMBERS, PANEL_SECRETARY]


def ensure_groups() -> dict[str, Group]:
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ALL_ROLES}
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group in groups.values():
        group.permissions.add(admin_access)
    return groups


def grant(role: str, *, model, codenames: list[str]) -> None:
    """Give ``role`` the named permissions on ``model`` (e.g. ``["add_estate"]``)."""
    group = Group.objects.get_or_create(name=role)[0]
    content_type = ContentType.objects.get_for_model(model)
    for codename in codenames:
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ")},
        )
        group.permissions.add(permission)


COMMS_WORKFLOW = gettext_noop("Comms approval")
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
APPROVER_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page"]
MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    """Create the groups, the Comms permissions and the "Comms approval" workflow (idempotent).

    Comms editors add and edit pages under every locale's home page and submit them for
    moderation; Comms approvers may also publish, and they are the group the workflow's
    approval task waits for. Both add and choose images and documents. Run by
    ``manage.py setup_roles``, after every ``migrate`` and by ``load_demo_content``.
    """
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        GroupCollectionPermission,
        GroupPagePermission,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    from portal.models import HomePage, MainMenu

    groups = ensure_groups()
    editors, approvers = groups[COMMS_EDITORS], groups[COMMS_APPROVERS]
    # "Translate this page" (wagtail-localize); translations are moderated like any page.
    submit_translation = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    for role in (COMMS_EDITORS, COMMS_APPROVERS):
        grant(role, model=MainMenu, codenames=["add_mainmenu", "change_mainmenu"])
        if submit_translation is not None:
            groups[role].permissions.add(submit_translation)
    homes = list(HomePage.objects.all())

    def page_permission(codename):
        return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)

    for group, codenames in (
        (editors, EDITOR_PAGE_PERMISSIONS),
        (approvers, APPROVER_PAGE_PERMISSIONS),
    ):
        for home in homes:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=page_permission(codename)
                )
        root_collection = Collection.get_first_root_node()
        if root_collection is not None:
            for app_label, codenames in MEDIA_PERMISSIONS.items():
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=Permission.objects.get(
                            content_type__app_label=app_label, codename=codename
                        ),
                    )

    task = GroupApprovalTask.objects.filter(name=COMMS_WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=COMMS_WORKFLOW)
    task.groups.set([approvers])
    workflow, _created = Workflow.objects.get_or_create(name=COMMS_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return groups
