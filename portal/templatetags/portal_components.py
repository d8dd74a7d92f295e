"""Shared page components: the error summary and pagination.

Each feature passes what it has (a Django form, a list of errors, a page of results); these tags
turn it into the one context ``templates/components/error_summary.html`` and
``templates/components/pagination.html`` render, so the markup lives in one place.
"""

from collections.abc import Iterable, Mapping

from django import template
from django.core.paginator import Page
from django.utils.translation import gettext as _

register = template.Library()


def _field_anchor(bound_field) -> str:
    """The id a summary link for this field jumps to: its input, or its first choice."""
    if bound_field.id_for_label:
        return bound_field.id_for_label
    subwidgets = bound_field.subwidgets
    if subwidgets and subwidgets[0].id_for_label:
        return subwidgets[0].id_for_label
    return bound_field.auto_id or ""


def _form_items(form) -> list[dict]:
    fields = form.visible_fields()
    first = f"#{_field_anchor(fields[0])}" if fields else ""
    # Errors not tied to a visible field (the form's own, hidden fields') point at its start.
    items = [{"href": first, "text": error} for error in form.non_field_errors()]
    for field in form.hidden_fields():
        items.extend({"href": first, "text": error} for error in field.errors)
    for field in fields:
        anchor = f"#{_field_anchor(field)}"
        items.extend({"href": anchor, "text": error} for error in field.errors)
    return items


def _listed_items(errors, anchor: str) -> list[dict]:
    if not errors:
        return []
    if isinstance(errors, str) or not isinstance(errors, Iterable):
        return [{"href": f"#{anchor}" if anchor else "", "text": errors}]
    if isinstance(errors, Mapping):
        return [{"href": f"#{key}", "text": error} for key, error in errors.items() if error]
    items = []
    for item in errors:
        get = item.get if isinstance(item, Mapping) else lambda name, i=item: getattr(i, name, "")
        href = get("href") or get("change") or (f"#{get('anchor')}" if get("anchor") else "")
        text = f"{get('key')}: {get('error')}" if get("key") else get("error")
        items.append({"href": href, "text": text})
    return items


@register.inclusion_tag("components/error_summary.html")
def error_summary(
    *, form=None, errors=None, anchor="", form_error="", form_error_anchor="submit", title=""
):
    """``{% error_summary form=form %}``: GOV.UK's error summary, empty when nothing is wrong.

    ``form``: a Django form; each field error links to its field, other errors to the first field.
    ``errors``: one message (linked to ``anchor``), a mapping of field id to message, or a list
    of items with ``error`` and a target: ``anchor`` (a field id), ``href`` or ``change`` (a
    URL, as a check-your-answers row has), and an optional ``key`` shown before the message.
    ``form_error``: a message about the whole form, linked to ``form_error_anchor``.
    ``title``: the heading, "There is a problem" unless given (pass it translated).
    """
    items = []
    if form_error:
        items.append({"href": f"#{form_error_anchor}", "text": form_error})
    if form is not None:
        items.extend(_form_items(form))
    items.extend(_listed_items(errors, anchor))
    return {"items": items, "title": title or _("There is a problem")}


@register.inclusion_tag("components/table_head.html")
def table_head(caption, *headings, caption_class="govuk-visually-hidden", admin=False):
    """``{% table_head caption heading heading ... %}``: a table's caption and column headings.

    The caption names the table for screen readers (hidden unless ``caption_class`` says
    otherwise); each heading is a column header (``scope="col"``). ``admin=True`` writes them as
    Wagtail's admin listings do. Pass every string translated.
    """
    return {
        "caption": caption,
        "headings": headings,
        "caption_class": caption_class,
        "admin": admin,
    }


@register.inclusion_tag("components/pagination.html")
def pagination(page_obj, *, query="", label=""):
    """``{% pagination page_obj query=page_query label=_("Results pages") %}``.

    ``query``: the URL-encoded query string to keep on every link (search terms, filters),
    without ``page``; each link adds its own ``page=``. Nothing is shown for a single page, or
    when ``page_obj`` is not a page of results (``None``, or missing from the context).
    """
    if not isinstance(page_obj, Page) or not page_obj.has_other_pages():
        return {"page_obj": None}
    paginator = page_obj.paginator
    prefix = f"?{query}&page=" if query else "?page="
    numbers = [
        {"number": number, "href": f"{prefix}{number}", "current": number == page_obj.number}
        if number != paginator.ELLIPSIS
        else {"ellipsis": True}
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
    return {
        "page_obj": page_obj,
        "label": label or _("Pages"),
        "numbers": numbers,
        "page_count": paginator.num_pages,
        "previous_href": (
            f"{prefix}{page_obj.previous_page_number()}" if page_obj.has_previous() else ""
        ),
        "next_href": f"{prefix}{page_obj.next_page_number()}" if page_obj.has_next() else "",
    }
