"""The site search page. Works without JavaScript: every filter is a GET parameter."""

from collections.abc import Sequence

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.text import clean_typed_text
from search import promotions, selectors
from search.forms import SearchForm
from search.models import Kind, SearchFacet
from search.text import parse_query

RESULTS_PER_PAGE = 10


def _current_locale() -> Locale:
    try:
        return Locale.objects.get(language_code=get_language())
    except Locale.DoesNotExist:
        return Locale.get_default()


def search(request):
    """Results for ``q``; a filter with a bad value gets a message by it and is left out."""
    form = SearchForm(request.GET)
    form.is_valid()
    context = {"form": form, "search_query": "", "search_results": None}
    if "q" in form.errors:
        # Shown again in the box as typed, less what no page may contain.
        context["search_query"] = clean_typed_text(request.GET.get("q") or "")[0][:1000]
        context["search_error"] = form.errors["q"][0]
    else:
        query = form.cleaned_data.get("q") or ""
        context["search_query"] = query
        if query:
            context.update(_results(request, form, query))
    return render(request, "pages/search/search.html", context)


class _ResultIds(Sequence):
    """The paginator's view of a search: its length is the count, and a slice is one page of ids
    (the page the search read already, or another, read when asked for)."""

    def __init__(self, outcome):
        self.outcome = outcome

    def __len__(self):
        return self.outcome.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("search results are read a page at a time")
        start, stop, _step = index.indices(len(self))
        return selectors.page_of(self.outcome, offset=start, limit=max(0, stop - start))


MAX_PAGE = 100_000  # far beyond any search's last page; keeps the offset a small number


def _page_number(value) -> int:
    """The page asked for, or 1 when it is not a number (the paginator then checks the range)."""
    try:
        return min(max(1, int(value or 1)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def _results(request, form, query):
    locale = _current_locale()
    filters = form.filters()
    number = _page_number(request.GET.get("page"))
    with selectors.searching():
        outcome = selectors.run_search(
            parsed=parse_query(query),
            filters=filters,
            user=request.user,
            locale=locale,
            offset=(number - 1) * RESULTS_PER_PAGE,
            limit=RESULTS_PER_PAGE,
        )
        paginator = Paginator(_ResultIds(outcome), RESULTS_PER_PAGE)
        try:
            results = paginator.page(number)
        except (PageNotAnInteger, EmptyPage):
            results = paginator.page(1)
        results.object_list = selectors.decorate(
            results.object_list, outcome, request=request, locale=locale
        )
        facets = outcome.facets
    counts = outcome.kind_counts
    first_unfiltered_page = results.number == 1 and not filters.any()
    keep = request.GET.copy()
    keep.pop("page", None)
    return {
        "search_results": results,
        "search_filters": filters,
        "kind_counts": [
            {
                "value": value,
                "label": label,
                "count": counts[value],
                "checked": value in filters.kinds,
            }
            for value, label in Kind.choices
            if counts.get(value)
        ],
        "topics": facets.get(SearchFacet.Name.TOPIC, []),
        "estates": facets.get(SearchFacet.Name.ESTATE, []),
        "suggestion": outcome.suggestion.as_text() if outcome.suggestion else "",
        "corrected_from": outcome.corrected_from.as_text() if outcome.corrected_from else "",
        "page_query": keep.urlencode(),
        "promoted": (
            promotions.promoted(query, user=request.user, locale=locale, request=request)
            if first_unfiltered_page
            else []
        ),
    }


def opensearch(request):
    """An OpenSearch description, so a browser can offer this site's search in its own bar."""
    response = render(
        request,
        "pages/search/opensearch.xml",
        {
            "search_url": request.build_absolute_uri(reverse("search")),
            "description": _("Search the council's housing engagement site"),
        },
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response
