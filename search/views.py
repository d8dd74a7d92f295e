"""Site search: live, public pages in the visitor's language."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from search.selectors import search_pages

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = (request.GET.get("q") or "").strip()
    error = None
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Enter %(count)s characters or fewer.") % {"count": MAX_QUERY_LENGTH}
    elif "q" in request.GET and not query:
        error = _("Enter a word or phrase to search for.")
    elif query:
        paginator = Paginator(search_pages(query=query), RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page") or 1)
        except (PageNotAnInteger, EmptyPage):
            results = paginator.page(1)
    return render(
        request,
        "pages/search/search.html",
        {"search_query": query, "search_results": results, "search_error": error},
    )
