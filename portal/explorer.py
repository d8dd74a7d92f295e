"""Where the admin's page explorer opens for each role.

Wagtail opens it at the closest common ancestor of every page a user may edit, which for staff
of a site in eight languages is the root of all of them. Instead:

* a feature app may claim a role with the ``portal_explorer_start_page`` hook, a function
  ``(user, locale) -> Page | None`` (the panel opens its members at Meetings);
* otherwise Comms staff open at the home page of their language (their admin language, or the
  default one), if they may edit it;
* everyone else (superusers included) keeps Wagtail's choice.
"""

from wagtail import hooks
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from portal.roles import COMMS_APPROVERS, COMMS_EDITORS


def user_locale(user) -> Locale:
    code = UserProfile.get_for_user(user).get_preferred_language()
    return (
        Locale.objects.filter(language_code=code).first()
        or Locale.objects.filter(language_code=code.split("-")[0]).first()
        or Locale.get_default()
    )


def start_page_for(user) -> Page | None:
    if user.is_superuser:
        return None
    locale = user_locale(user)
    for claim in hooks.get_hooks("portal_explorer_start_page"):
        page = claim(user, locale)
        if page is not None:
            return page
    if user.groups.filter(name__in=[COMMS_EDITORS, COMMS_APPROVERS]).exists():
        from portal.models import HomePage

        home = HomePage.objects.filter(locale=locale).first()
        if home is not None and home.permissions_for_user(user).can_edit():
            return home
    return None


class RoleExplorerMenuItem(ExplorerMenuItem):
    """Wagtail's "Pages" menu item, opening at ``start_page_for(user)`` when there is one."""

    def _start_page(self, request):
        if not hasattr(request, "_portal_explorer_start"):
            request._portal_explorer_start = start_page_for(request.user)
        return request._portal_explorer_start

    def get_context(self, request):
        context = super().get_context(request)
        if (start := self._start_page(request)) is not None:
            context["start_page_id"] = start.id
        return context

    def render_component(self, request):
        from django.urls import reverse
        from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent

        start = self._start_page(request)
        if start is None:
            return super().render_component(request)
        return PageExplorerMenuItemComponent(
            self.name,
            self.label,
            reverse("wagtailadmin_explore", args=[start.id]),
            start.id,
            icon_name=self.icon_name,
            classname=self.classname,
        )
