from django.conf import settings
from wagtail.models import Locale


def ensure_locales() -> list[Locale]:
    """One Wagtail locale per enabled language (idempotent)."""
    return [
        Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES
    ]


def _locale_ids() -> dict[str, int]:
    from portal import fragments

    return fragments.cached(
        "locales", build=lambda: dict(Locale.objects.values_list("language_code", "pk"))
    )


def active_locale_id() -> int | None:
    """The id of the locale for the active language, or ``None`` if it has none.

    What ``Locale.get_active().pk`` gives, from the cached table of locales (one query per
    change to the locales rather than one per call).
    """
    from django.utils import translation
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None
    return _locale_ids().get(code)


def default_locale_id() -> int | None:
    """The id of ``Locale.get_default()``, from the cached table of locales."""
    from wagtail.coreutils import get_supported_content_language_variant

    return _locale_ids().get(get_supported_content_language_variant(settings.LANGUAGE_CODE))


def locale_by_id(locale_id: int) -> Locale | None:
    """The locale ``locale_id`` as if read from the database, from the cached table."""
    for code, pk in _locale_ids().items():
        if pk == locale_id:
            return Locale.from_db(None, ["id", "language_code"], [pk, code])
    return None
