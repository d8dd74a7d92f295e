"""Admin for panel members (the secretary keeps the list), and where their explorer opens."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from panel.models import MeetingIndexPage, PanelMember
from portal.roles import PANEL_MEMBERS, PANEL_SECRETARY


class PanelMemberViewSet(SnippetViewSet):
    model = PanelMember
    icon = "group"
    menu_label = _("Panel members")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "role", "term_start", "term_end"]
    list_filter = ["role"]
    search_fields = ["name"]


register_snippet(PanelMemberViewSet)


@hooks.register("portal_explorer_start_page")
def panel_members_start_at_meetings(user, locale):
    """Panel members and the secretary open the page explorer at Meetings, in their language."""
    if not user.groups.filter(name__in=[PANEL_MEMBERS, PANEL_SECRETARY]).exists():
        return None
    meetings = MeetingIndexPage.objects.filter(locale=locale).first()
    return meetings or MeetingIndexPage.objects.filter(locale=Locale.get_default()).first()
