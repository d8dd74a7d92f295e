"""The staff roles every installation has, as Django groups.

``ensure_groups`` is idempotent; feature apps grant each group the permissions their features
need through ``grant`` (also idempotent), so least privilege is declared next to the feature.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
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
