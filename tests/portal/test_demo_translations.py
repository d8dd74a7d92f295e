"""The demo is fully translated: no English sentence reaches a resident reading another language.

Loads the whole demo once (with a few responses) and checks wagtail-localize's own record of
every translated page and snippet, then reads a few Urdu pages as a resident would.
"""

import html
import json
import re

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Locale

from consultations.models import ConsultationPage
from news.models import CommitmentPage, EventPage
from portal.translation import untranslated_strings

pytestmark = pytest.mark.django_db

LANGUAGES = ["tr", "pl", "es", "fr", "bn", "ur", "yi"]

# Text that is rightly the same in every language: people's names and a phone number. Keep this
# short; anything here is never checked again.
SAME_IN_EVERY_LANGUAGE = {
    "Dr Amara Okafor",  # agenda presenters
    "Tom Bennett",
    "020 8356 3000",  # the consultation's contact phone
    "%",  # the unit of the complaints measure
}
# Words that happen to be spelled the same in one language.
SAME_IN_ONE_LANGUAGE = {
    ("es", "No"),
    ("es", "Cookies"),
    ("fr", "Cookies"),
    ("fr", "Consultations"),
    ("fr", "services"),
}


def _allowed(code: str, text: str) -> bool:
    return text in SAME_IN_EVERY_LANGUAGE or (code, text) in SAME_IN_ONE_LANGUAGE


@pytest.fixture
def demo(demo_content):
    """The shared demo (tests/conftest.py)."""


def test_every_translated_page_and_snippet_has_every_string_translated(demo):
    missing = {
        code: [item for item in items if not _allowed(code, item[2])]
        for code, items in untranslated_strings().items()
    }
    report = {
        code: sorted({f"{label} [{path}]: {text[:90]}" for label, path, text in items})
        for code, items in missing.items()
        if items
    }
    assert report == {}, "\n".join(
        f"{code}: {len(lines)} untranslated\n  " + "\n  ".join(lines)
        for code, lines in report.items()
    )
    # The check saw every language, so an empty report means something.
    from wagtail_localize.models import Translation

    translated_to = set(Translation.objects.values_list("target_locale__language_code", flat=True))
    assert translated_to == set(LANGUAGES)

    # Survey and event pages that the issue found half in English, read in Urdu.
    urdu = Locale.objects.get(language_code="ur")
    pages = [
        ConsultationPage.objects.get(locale=urdu, slug="draft-resident-engagement-strategy"),
        CommitmentPage.objects.get(locale=urdu, slug="clear-the-repairs-backlog"),
        EventPage.objects.filter(locale=urdu).order_by("start").first(),
    ]
    client = _client()
    # A linked document keeps its own title, in its own language: the English strategy is named
    # in English on the Urdu page (which says it is in English), like a proper noun.
    document_titles = set(get_document_model().objects.values_list("title", flat=True))
    for page in pages:
        english = page.get_translation(Locale.get_default())
        rendered = _text_of(client, page.url)
        for title in document_titles:
            rendered = rendered.replace(title, " ")
        if isinstance(page, ConsultationPage):
            # The survey as the respond pages show it: questions, hints, options, scale labels.
            rendered += json.dumps(page.survey_definition(), ensure_ascii=False)
        for sentence in _english_sentences(english):
            assert sentence not in rendered, f"{page.url}: English left in Urdu: {sentence!r}"


def _client():
    from django.test import Client

    return Client()


def _text_of(client, path: str) -> str:
    response = client.get(path, follow=True)
    assert response.status_code == 200, path
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


def _english_sentences(page) -> list[str]:
    """The English page's own text segments of three words or more (plain text only)."""
    from wagtail_localize.models import StringSegment, TranslationSource

    source = TranslationSource.objects.get_for_instance(page)
    texts = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    return [
        html.unescape(text)
        for text in texts
        if "<" not in text and len(text.split()) >= 3 and not _allowed("ur", text)
    ]
