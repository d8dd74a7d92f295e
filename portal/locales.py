from django.conf import settings
from wagtail.models import Locale


def ensure_locales() -> list[Locale]:
    """One Wagtail locale per enabled language (idempotent)."""
    return [
        Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES
    ]
