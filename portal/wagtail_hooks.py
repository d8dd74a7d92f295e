"""Admin for the site-wide layer: the per-locale main menu under Snippets, the audit log
(Settings → Audit log, administrators only, read-only); private pages and documents are never
cached."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.headers import mark_private
from portal.models import AuditEvent, MainMenu


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    menu_label = _("Main menu")
    add_to_admin_menu = False
    list_display = ["__str__"]


register_snippet(MainMenuViewSet)


class AdministratorsReadOnly(BasePermissionPolicy):
    """The audit log is read by administrators (superusers) and written by no one in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


register_permission_policy(AuditEvent, AdministratorsReadOnly(AuditEvent))


class AuditEventViewSet(ModelViewSet):
    model = AuditEvent
    icon = "history"
    menu_label = _("Audit log")
    add_to_settings_menu = True
    url_prefix = "audit-log"
    list_display = ["at", "action_label", "user", "ip_network"]
    list_filter = ["action"]
    inspect_view_enabled = True
    inspect_view_fields = ["at", "action_label", "user", "ip_network", "details"]
    copy_view_enabled = False
    # Required by ModelViewSet; the add and edit views refuse everyone (AdministratorsReadOnly).
    form_fields = ["action"]
    list_export = []

    def get_queryset(self, request):
        return AuditEvent.objects.select_related("user")


@hooks.register("register_admin_viewset")
def register_audit_log():
    return AuditEventViewSet("audit_log")


@hooks.register("before_serve_page")
def keep_private_pages_out_of_caches(page, request, serve_args, serve_kwargs):
    """A page behind a view restriction (members-only panel papers) is sent ``no-store``."""
    if page.get_view_restrictions().exists():
        mark_private(request)


@hooks.register("before_serve_document")
def keep_private_documents_out_of_caches(document, request):
    """A document in a restricted collection (members-only papers) is sent ``no-store``."""
    if document.collection.get_view_restrictions().exists():
        mark_private(request)
