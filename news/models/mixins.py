"""Page-tree rules shared by the news section's index pages."""

from django.utils import timezone


class OnePerLocaleMixin:
    """At most one page of this type per locale; translations are made by wagtail-localize."""

    @classmethod
    def can_create_at(cls, parent):
        return (
            super().can_create_at(parent)
            and not cls.objects.filter(locale_id=getattr(parent, "locale_id", None)).exists()
        )


def london_today():
    """Today's date in Europe/London (the project's TIME_ZONE)."""
    return timezone.localdate()
