"""Admin for the site-wide layer: the per-locale main menu under Snippets, the audit log
(Settings → Audit log, administrators only, read-only), moderated translations
(``portal.translation_workflow``), review feedback for authors, where the page explorer opens for
each role; private pages and documents are never cached."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal import translation_views, translation_workflow
from portal.explorer import RoleExplorerMenuItem
from portal.headers import mark_private
from portal.models import AuditEvent, MainMenu
from portal.review_feedback import ReviewFeedbackPanel

SUBMIT_TRANSLATION_ACTION = "portal-submit-translation"


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    menu_label = gettext_lazy("Main menu")
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
    menu_label = gettext_lazy("Audit log")
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


@hooks.register("before_edit_page", order=-10)
def moderate_translation_actions(request, page):
    """Before wagtail-localize's translation editor handles a POST: refuse to publish or submit
    a translation with strings missing (listing them), and handle "Submit for approval"."""
    if request.method != "POST":
        return None
    action = request.POST.get("action")
    if action not in ("publish", SUBMIT_TRANSLATION_ACTION):
        return None
    translation = translation_workflow.translation_for_page(page)
    if translation is None:
        return None
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    missing = translation_workflow.missing_segments(translation)
    if missing:
        shown = missing[:20]
        messages.error(
            request,
            format_html(
                "{} <ul>{}</ul>{}",
                _("This translation cannot go live until every part is translated. Missing:"),
                format_html_join("", "<li>{}</li>", ((text[:120],) for text in shown)),
                _("and %(count)s more.") % {"count": len(missing) - len(shown)}
                if len(missing) > len(shown)
                else "",
            ),
        )
        return redirect(request.path)
    if action == SUBMIT_TRANSLATION_ACTION:
        try:
            state = translation_workflow.submit_translation(
                translation=translation, user=request.user
            )
        except ValidationError as error:
            messages.error(
                request,
                _("The translation could not be saved: %(errors)s")
                % {"errors": "; ".join(error.messages)},
            )
        else:
            if state is None:
                messages.success(request, _("Saved as a draft. Nothing has been published."))
            else:
                messages.success(
                    request,
                    _("Submitted for approval. Residents see it once it is approved."),
                )
        return redirect(request.path)
    return None


@hooks.register("register_admin_urls", order=-10)
def register_translation_urls():
    # Listed before wagtail-localize's own URLs, so this address is served by the moderated
    # version of its sync view (its URL name still reverses here).
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            translation_views.ModeratedUpdateTranslationsView.as_view(),
        ),
        path(
            "reports/out-of-date-translations/",
            translation_views.out_of_date_translations_report,
            name="portal_out_of_date_translations",
        ),
    ]


class TranslatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def out_of_date_translations_menu_item():
    return TranslatorsMenuItem(
        gettext_lazy("Out-of-date translations"),
        reverse("portal_out_of_date_translations"),
        icon_name="warning",
        order=710,
    )


@hooks.register("insert_global_admin_css")
def translation_editor_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("portal/admin/translation-editor.css")
    )


@hooks.register("insert_editor_js")
def translation_editor_js():
    return format_html(
        '<script src="{}" defer></script>', static("portal/admin/translation-editor.js")
    )


@hooks.register("construct_homepage_panels")
def add_review_feedback_panel(request, panels):
    panels.append(ReviewFeedbackPanel())


@hooks.register("construct_main_menu")
def open_the_explorer_at_each_roles_section(request, menu_items):
    for index, item in enumerate(menu_items):
        if item.name == "explorer" and not isinstance(item, RoleExplorerMenuItem):
            menu_items[index] = RoleExplorerMenuItem(
                item.label, item.url, name=item.name, icon_name=item.icon_name, order=item.order
            )
