"""Helpers shared by the news section's models."""

from django.utils import timezone

# Migration 0002 names the mixin by this path; it now lives in portal with the other page rules.
from portal.models import OnePerLocaleMixin

__all__ = ["OnePerLocaleMixin", "london_today"]


def london_today():
    """Today's date in Europe/London (the project's TIME_ZONE)."""
    return timezone.localdate()
