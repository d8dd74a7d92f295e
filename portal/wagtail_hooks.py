"""Admin for the site-wide layer: the per-locale main menu under Snippets; private pages and
documents are never cached."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.headers import mark_private
from portal.models import MainMenu


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    menu_label = _("Main menu")
    add_to_admin_menu = False
    list_display = ["__str__"]


register_snippet(MainMenuViewSet)


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
