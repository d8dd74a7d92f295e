"""Admin for panel members (the secretary keeps the list)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from panel.models import PanelMember


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
