"""Writes for the panel: roles, the panel section's permissions and workflow, privacy.

All idempotent, so they run from ``post_migrate`` on every install, from page-creation signals,
and from the demo generator without creating duplicates.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.roles import PANEL_MEMBERS, PANEL_SECRETARY

WORKFLOW_NAME = "Panel minutes approval"
TASK_NAME = "Panel secretary approval"
PUBLIC_PAPERS_COLLECTION = "Panel papers"
PRIVATE_PAPERS_COLLECTION = "Panel papers (members only)"

# Page permissions on the panel section: members draft and submit, the secretary publishes.
SECTION_PAGE_PERMISSIONS = {
    PANEL_MEMBERS: ["add_page", "change_page"],
    PANEL_SECRETARY: ["add_page", "change_page", "publish_page"],
}
# Document permissions in both panel collections, so members can attach papers.
COLLECTION_DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]


def _permission(*, app_label: str, model: str, codename: str) -> Permission:
    # get_or_create: on a fresh database this can run before Django has created the
    # permissions of apps later in INSTALLED_APPS.
    content_type = ContentType.objects.get_by_natural_key(app_label, model)
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ")},
    )
    return permission


def panel_groups() -> list[Group]:
    return [Group.objects.get_or_create(name=name)[0] for name in (PANEL_MEMBERS, PANEL_SECRETARY)]


@transaction.atomic
def configure_every_panel_section() -> None:
    """Everything ``configure_panel_section`` and the privacy rules set up, on every panel page.

    Registered with ``portal.roles`` (run after every ``migrate``), so an install whose panel
    pages predate a rule, or whose restriction someone removed by hand, is put right.
    """
    from panel.models import PanelPage, PanelPapersPage

    ensure_panel_roles()
    for panel_page in PanelPage.objects.all():
        configure_panel_section(panel_page=panel_page)
    for papers_page in PanelPapersPage.objects.all():
        restrict_page_to_panel(page=papers_page)


@transaction.atomic
def ensure_panel_roles() -> Workflow:
    """The panel groups, their document collections (members-only one restricted) and the
    approval workflow. Their model permissions are data in ``panel.permissions``."""
    members, secretary = panel_groups()
    public_papers = _ensure_collection(PUBLIC_PAPERS_COLLECTION)
    private_papers = _ensure_collection(PRIVATE_PAPERS_COLLECTION)
    restrict_collection_to_panel(collection=private_papers)
    for collection in (public_papers, private_papers):
        for group in (members, secretary):
            for codename in COLLECTION_DOCUMENT_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=collection,
                    permission=_permission(
                        app_label="wagtaildocs", model="document", codename=codename
                    ),
                )
    return ensure_workflow(secretary=secretary)


def ensure_workflow(*, secretary: Group) -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(secretary)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def _ensure_collection(name: str) -> Collection:
    root = Collection.get_first_root_node()
    if root is None:
        # A database flushed by a transactional test (or emptied by hand) has lost the root
        # collection Wagtail's migration made; documents cannot live anywhere without it.
        root = Collection.add_root(name="Root")
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def private_papers_collection() -> Collection:
    return _ensure_collection(PRIVATE_PAPERS_COLLECTION)


@transaction.atomic
def configure_panel_section(*, panel_page: Page) -> None:
    """Give the panel groups their page permissions on ``panel_page`` and its descendants,
    and moderate everything under it with the panel workflow (overriding any workflow on an
    ancestor, such as the Comms one on the home page)."""
    workflow = ensure_panel_roles()
    for group in panel_groups():
        for codename in SECTION_PAGE_PERMISSIONS[group.name]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=panel_page,
                permission=_permission(app_label="wagtailcore", model="page", codename=codename),
            )
    WorkflowPage.objects.update_or_create(page=panel_page, defaults={"workflow": workflow})


@transaction.atomic
def restrict_page_to_panel(*, page: Page) -> PageViewRestriction:
    """Only signed-in Panel members and the Panel secretary may view ``page``."""
    restriction = PageViewRestriction.objects.filter(page=page).order_by("pk").first()
    if restriction is None:
        restriction = PageViewRestriction(page=page)
    _set_group_restriction(restriction)
    PageViewRestriction.objects.filter(page=page).exclude(pk=restriction.pk).delete()
    return restriction


@transaction.atomic
def restrict_collection_to_panel(*, collection: Collection) -> CollectionViewRestriction:
    """Only signed-in Panel members and the Panel secretary may download from ``collection``."""
    restriction = (
        CollectionViewRestriction.objects.filter(collection=collection).order_by("pk").first()
    )
    if restriction is None:
        restriction = CollectionViewRestriction(collection=collection)
    _set_group_restriction(restriction)
    CollectionViewRestriction.objects.filter(collection=collection).exclude(
        pk=restriction.pk
    ).delete()
    return restriction


def is_panel_restriction(restriction: BaseViewRestriction) -> bool:
    expected = {group.pk for group in panel_groups()}
    return restriction.restriction_type == BaseViewRestriction.GROUPS and expected == set(
        restriction.groups.values_list("pk", flat=True)
    )


def _set_group_restriction(restriction: BaseViewRestriction) -> None:
    restriction.restriction_type = BaseViewRestriction.GROUPS
    restriction.password = ""
    restriction.save()
    restriction.groups.set(panel_groups())
