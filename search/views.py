"""Site search: live, public pages in the visitor's language."""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.text import clean_typed_text
from search.selectors import search_pages

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# Words are what the search backends match; everything else (quotes, brackets, operators such
# as SQLite's FTS5 syntax) would be read as query syntax, so it is left out of the query.
_WORD = re.compile(r"\w+")


def search_terms(query: str) -> str:
    """The words of ``query``, separated by single spaces."""
    return " ".join(_WORD.findall(query))


def search(request):
    query = (request.GET.get("q") or "").strip()
    error = None
    results = None
    query, removed = clean_typed_text(query)
    if removed:
        error = _("Enter words and numbers only, without control characters.")
    elif len(query) > MAX_QUERY_LENGTH:
        error = _("Enter %(count)s characters or fewer.") % {"count": MAX_QUERY_LENGTH}
    elif "q" in request.GET and not query:
        error = _("Enter a word or phrase to search for.")
    elif query and not search_terms(query):
        error = _("Enter at least one word or number to search for.")
    elif query:
        paginator = Paginator(search_pages(query=search_terms(query)), RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page") or 1)
        except (PageNotAnInteger, EmptyPage):
            results = paginator.page(1)
    return render(
        request,
        "pages/search/search.html",
        {"search_query": query, "search_results": results, "search_error": error},
    )
