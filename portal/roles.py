"""The staff roles every installation has, as Django groups, and what each may do.

Each app declares what its features let each role do, from its ``AppConfig.ready()``::

    register_role_grants(
        self.label,
        grants={COMMS_EDITORS: ["news.view_measurement"], COMMS_APPROVERS: [...]},
        configure=configure_sections,  # optional: page, collection and workflow set-up
    )

Model permissions are data, named as ``user.has_perm`` spells them (``"app_label.codename"``);
``configure`` is for what hangs on pages, collections or workflows that may not exist yet. Each
declaration lives next to the feature and grants the least its users need.

``setup_roles`` applies every app's declaration. It is idempotent and only adds: a permission an
administrator gave a group in the admin is kept. It runs once after every ``migrate`` (the one
``post_migrate`` receiver, ``portal.signals.setup_roles_after_migrate``), from
``manage.py setup_roles`` and from ``load_demo_content``.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.translation import gettext_noop

COMMS_EDITORS = gettext_noop("Comms editors")
COMMS_APPROVERS = gettext_noop("Comms approvers")
CONSULTATION_ANALYSTS = gettext_noop("Consultation analysts")
PANEL_MEMBERS = gettext_noop("Panel members")
PANEL_SECRETARY = gettext_noop("Panel secretary")

ALL_ROLES = [COMMS_EDITORS, COMMS_APPROVERS, CONSULTATION_ANALYSTS, PANEL_MEMBERS, PANEL_SECRETARY]

ADMIN_ACCESS = "wagtailadmin.access_admin"


@dataclass(frozen=True)
class RoleGrants:
    """One app's declaration: ``grants`` maps a role to the permissions it is given."""

    app_label: str
    grants: Mapping[str, tuple[str, ...]]
    configure: Callable[[], object] | None = None


_declarations: dict[str, RoleGrants] = {}


def register_role_grants(
    app_label: str,
    *,
    grants: Mapping[str, Iterable[str]],
    configure: Callable[[], object] | None = None,
) -> None:
    """Declare what ``app_label``'s features let each role do (see the module docstring).

    Registering the same app again replaces its declaration. ``configure()`` must be
    idempotent; it runs after every app's ``grants`` are applied.
    """
    unknown = set(grants) - set(ALL_ROLES)
    if unknown:
        raise ImproperlyConfigured(f"{app_label} grants permissions to unknown roles {unknown}")
    _declarations[app_label] = RoleGrants(
        app_label, {role: tuple(names) for role, names in grants.items()}, configure
    )


def role_grants() -> list[RoleGrants]:
    """Every app's declaration, in registration (``INSTALLED_APPS``) order."""
    return list(_declarations.values())


def permissions_named(names: Iterable[str]) -> list[Permission]:
    """The permissions called ``names`` (``"app_label.codename"``).

    Raises ``ImproperlyConfigured`` naming any that does not exist, so a misspelt grant fails
    the migration instead of granting nothing (or a made-up permission).
    """
    wanted = set(names)
    found = {
        f"{permission.content_type.app_label}.{permission.codename}": permission
        for permission in Permission.objects.select_related("content_type").filter(
            codename__in={name.partition(".")[2] for name in wanted}
        )
    }
    missing = wanted - set(found)
    if missing:
        raise ImproperlyConfigured(f"No such permissions: {', '.join(sorted(missing))}")
    return [found[name] for name in sorted(wanted)]


def apply_grants(grants: Mapping[str, Iterable[str]]) -> None:
    """Add each role's permissions in ``grants`` to its group (idempotent)."""
    for role, names in grants.items():
        group = Group.objects.get_or_create(name=role)[0]
        group.permissions.add(*permissions_named(names))


def ensure_groups() -> dict[str, Group]:
    """Every role's group, each able to sign in to the admin (and nothing more)."""
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ALL_ROLES}
    admin_access = permissions_named([ADMIN_ACCESS])
    for group in groups.values():
        group.permissions.add(*admin_access)
    return groups


def ensure_migration_made_permissions() -> None:
    """Permissions that a library's migration creates rather than a model's Meta, made again if
    they are gone: ``flush`` (tests that commit, or an administrator's reset) deletes every
    permission and only Meta permissions come back after it."""
    from django.contrib.contenttypes.models import ContentType

    # wagtail-localize 0006 hangs "Can submit translations" off a content type of no model.
    content_type = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )[0]
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    """Create the groups and apply every app's declaration (idempotent)."""
    ensure_migration_made_permissions()
    groups = ensure_groups()
    declarations = role_grants()
    for declaration in declarations:
        apply_grants(declaration.grants)
    for declaration in declarations:
        if declaration.configure is not None:
            declaration.configure()
    return groups


# --- What the site layer itself grants ---------------------------------------------------------

COMMS_WORKFLOW = gettext_noop("Comms approval")
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
APPROVER_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page"]
MEDIA_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
# Comms staff edit the main menu and "Translate this page" (wagtail-localize; translations are
# moderated like any page).
_COMMS = ["portal.add_mainmenu", "portal.change_mainmenu", "wagtail_localize.submit_translation"]
ROLE_GRANTS = {COMMS_EDITORS: _COMMS, COMMS_APPROVERS: _COMMS}


def configure_comms_roles() -> None:
    """Page permissions, media and the "Comms approval" workflow for Comms staff (idempotent).

    Comms editors add and edit pages under every locale's home page and submit them for
    moderation; Comms approvers may also publish, and they are the group the workflow's
    approval task waits for. Both add and choose images and documents.
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

    from portal.models import HomePage

    editors = Group.objects.get_or_create(name=COMMS_EDITORS)[0]
    approvers = Group.objects.get_or_create(name=COMMS_APPROVERS)[0]
    homes = list(HomePage.objects.all())
    root_collection = Collection.get_first_root_node()
    media = permissions_named(MEDIA_PERMISSIONS)
    for group, codenames in (
        (editors, EDITOR_PAGE_PERMISSIONS),
        (approvers, APPROVER_PAGE_PERMISSIONS),
    ):
        page_permissions = permissions_named(f"wagtailcore.{name}" for name in codenames)
        for home in homes:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=permission
                )
        if root_collection is not None:
            for permission in media:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    task = GroupApprovalTask.objects.filter(name=COMMS_WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=COMMS_WORKFLOW)
    task.groups.set([approvers])
    workflow, _created = Workflow.objects.get_or_create(name=COMMS_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
