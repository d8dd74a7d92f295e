from django.utils.translation import get_language
from wagtail.models import Locale, Page


def search_pages(*, query: str, language_code: str | None = None):
    """Live, public pages in the given (default: active) language that match ``query``."""
    try:
        locale = Locale.objects.get(language_code=language_code or get_language())
    except Locale.DoesNotExist:
        locale = Locale.get_default()
    pages = Page.objects.live().public().filter(locale=locale).specific()
    return pages.search(query, operator="and")
