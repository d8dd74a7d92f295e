"""Admin for search: synonyms editors keep, and the searches that found nothing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from search.models import Synonym, ZeroResultQuery


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Synonyms")
    list_display = ["terms", "locale"]
    list_filter = ["locale"]
    panels = [FieldPanel("locale"), FieldPanel("terms")]


class ZeroResultQueryViewSet(SnippetViewSet):
    """Most frequent first. Read only: the counts come from searches, not from editors."""

    model = ZeroResultQuery
    icon = "warning"
    menu_label = _("Searches with no results")
    list_display = ["query", "locale", "count", "last_searched_on"]
    list_filter = ["locale"]
    ordering = ["-count", "query"]
    inspect_view_enabled = True
    panels = [FieldPanel("query", read_only=True), FieldPanel("count", read_only=True)]


class SearchViewSetGroup(SnippetViewSetGroup):
    items = (SynonymViewSet, ZeroResultQueryViewSet)
    menu_icon = "search"
    menu_label = _("Search")
    menu_name = "site-search"
    menu_order = 900


register_snippet(SearchViewSetGroup)
