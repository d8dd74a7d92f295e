"""Template helpers for the news section's pages and home page sections."""

from django import template

from news.selectors import status_counts
from news.status import STATUS_TAG_CLASSES

register = template.Library()


@register.simple_tag
def status_totals(summaries) -> list[dict]:
    """Counts of commitments by status, with each status's label and tag colour."""
    return [
        {
            "status": status,
            "label": status.label,
            "count": count,
            "tag_class": STATUS_TAG_CLASSES[status],
        }
        for status, count in status_counts(summaries)
    ]
