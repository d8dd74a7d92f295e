"""Translating pages and snippets with wagtail-localize from code (demo content, imports).

``translate_instance`` does what a translator does in the wagtail-localize editor: it syncs the
source into a translation for a locale, fills the strings it has translations for, and saves
(and, for pages, publishes) the translated copy. Strings with no translation keep the source
text, as wagtail-localize does for a partly translated page.
"""

import re
from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


@transaction.atomic
def translate_instance(*, instance, locale: Locale, strings: Mapping[str, str], publish=True):
    """Create or update ``instance``'s translation into ``locale``; returns the translated copy.

    ``strings`` maps source text (a field's whole value, or one rich-text segment) to its
    translation. Idempotent: running it again updates the same translated copy.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    right_to_left = get_language_info(locale.language_code)["bidi"]
    po = translation.export_po()
    for entry in po:
        translated = strings.get(entry.msgid)
        if translated:
            entry.msgstr = isolate_ltr_runs(translated) if right_to_left else translated
    translation.import_po(po, tool_name="load_demo_content")
    if isinstance(instance, Page):
        # wagtail-localize publishes in a transaction.on_commit callback, which never runs inside
        # an enclosing atomic block (tests, or a caller's own transaction). Save a draft and
        # publish it here instead, so the copy is live when this function returns.
        translation.save_target(publish=False)
        translated = source.get_translated_instance(locale)
        if publish:
            translated.get_latest_revision().publish()
            translated.refresh_from_db()
        return translated
    translation.save_target()
    return source.get_translated_instance(locale)


# A run of left-to-right text inside a right-to-left sentence: Latin words, digits and the
# punctuation inside them ("Service (EASS)", "E8 1DY", "dpo@example.org"), starting with a letter
# and ending with a letter, digit or closing bracket. Tags are matched first and left alone.
_LTR_RUN = re.compile(
    r"(<[^>]*>)|([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 .,'’@/:()&+\-]*[A-Za-zÀ-ÿ0-9)])|([A-Za-zÀ-ÿ])"
)
LRI, PDI = "\u2066", "\u2069"


def isolate_ltr_runs(text: str) -> str:
    """Wrap each left-to-right run of a right-to-left text in Unicode isolates (LRI … PDI).

    What ``<bdi>`` does in a template, for text inside content: "… Service (EASS)." in Yiddish
    otherwise shows its closing bracket and full stop at the wrong end. Idempotent.
    """
    if LRI in text:
        return text

    def wrap(match):
        tag, run, letter = match.groups()
        return tag or f"{LRI}{run or letter}{PDI}"

    return _LTR_RUN.sub(wrap, text)


def other_locales() -> list[Locale]:
    default = Locale.get_default()
    return list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))


def untranslated_strings() -> dict[str, list[tuple[str, str, str]]]:
    """Source strings that reach a translated page or snippet without a translation.

    Looks at every translation wagtail-localize knows about and returns, per target language
    code, ``(source object, field path, English text)`` for each string segment with no
    translation, or one identical to the English. Slugs are left out: they are part of the URL,
    not text a resident reads. The caller decides which identical strings are legitimate
    (names, phone numbers).
    """
    missing: dict[str, list[tuple[str, str, str]]] = {}
    translations = Translation.objects.filter(enabled=True).select_related(
        "source", "target_locale"
    )
    segments_by_source: dict[int, list] = {}
    for translation in translations:
        code = translation.target_locale.language_code
        if translation.source_id not in segments_by_source:
            segments_by_source[translation.source_id] = list(
                StringSegment.objects.filter(source=translation.source)
                .exclude(context__path="slug")
                .select_related("string", "context")
            )
        segments = segments_by_source[translation.source_id]
        done = {
            (row.translation_of_id, row.context_id): row.data
            for row in StringTranslation.objects.filter(
                locale=translation.target_locale,
                translation_of__in={segment.string_id for segment in segments},
            )
        }
        for segment in segments:
            translated = done.get((segment.string_id, segment.context_id))
            if translated is None or translated == segment.string.data:
                label = str(translation.source.get_source_instance())
                missing.setdefault(code, []).append(
                    (label, segment.context.path, segment.string.data)
                )
    return missing
