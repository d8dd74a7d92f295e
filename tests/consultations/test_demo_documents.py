"""The strategy consultation's demo documents: real PDFs, in every language, linked and served."""

import io
import random
import re

import pytest
from pypdf import PdfReader
from wagtail.documents.models import Document

from consultations import demo as consultations_demo
from consultations.demo import documents as demo_documents
from portal import demo as site_demo

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "tr", "pl", "es", "fr", "bn", "ur", "yi")
STRATEGY_PATH = "/{code}/consultations/draft-resident-engagement-strategy/"
# One phrase from each summary, and the letters of its script.
EXPECTED = {
    "en": ("Housing Advisory Panel", r"[A-Za-z]"),
    "tr": ("Konut Danışma Kurulu", r"[ğış]"),
    "pl": ("Mieszkaniowy Panel Doradczy", r"[ąęłńśżź]"),
    "es": ("Panel Asesor de Vivienda", r"[áéíóúñ]"),
    "fr": ("Comité consultatif du logement", r"[éèàç]"),
    # Only a word without conjuncts or vowel signs drawn before their consonant: for those,
    # fpdf2's text map gives the glyph's letters plus a stray control character (the page
    # itself renders correctly).
    "bn": ("কীভাবে আবাসন", r"[\u0980-\u09FF]"),
    "ur": ("ہاؤسنگ مشاورتی پینل", r"[\u0600-\u06FF]"),
    "yi": ("קאָנטראָלירן", r"[\u05D0-\u05EA]"),
}


@pytest.fixture
def load(settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path

    def load(skip_translations=False):
        rng = random.Random(2020)
        options = {"skip_translations": skip_translations, "responses": 2}
        # wagtail-localize publishes translations when the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            home = site_demo.load_site(rng=rng, options=options, stdout=io.StringIO())
            consultations_demo.generate(home=home, rng=rng, options=options, stdout=None)

    return load


def _pdf(document) -> PdfReader:
    with document.open_file() as handle:
        return PdfReader(io.BytesIO(handle.read()))


def _lines(reader: PdfReader) -> list[str]:
    # Strip the invisible bidi isolates that keep phone numbers in order in right-to-left text.
    text = re.sub("[\u2066-\u2069]", "", "\n".join(page.extract_text() for page in reader.pages))
    return [line.strip() for line in text.splitlines() if line.strip()]


def _text(reader: PdfReader) -> str:
    """The text with each run of spaces and line breaks as one space."""
    return " ".join(" ".join(_lines(reader)).split())


# Loading the demo takes a while, so each test checks everything it can after one load.


def test_the_demo_has_the_strategy_easy_read_and_a_summary_in_every_language_as_real_pdfs(load):
    load(skip_translations=True)  # the documents do not depend on the translated pages

    strategy = _pdf(Document.objects.get(title=demo_documents.STRATEGY_TITLE))
    assert len(strategy.pages) == 4
    assert strategy.metadata.title == "Draft resident engagement strategy"
    assert strategy.trailer["/Root"]["/Lang"] == "en-GB"
    first_page = strategy.pages[0].extract_text()
    assert "Contents" in first_page
    assert re.search(r"3\. The Housing Advisory Panel\s+2", first_page)  # with its page
    text = _text(strategy)
    assert "repairs older than three months" in text
    assert "This consultation runs for 12 weeks" in text
    assert "2 / 4" in strategy.pages[1].extract_text()  # page numbers in the footer
    assert [item.title for item in strategy.outline][:2] == [  # a bookmark for each section
        "1. Why we need a new strategy",
        "2. What we promise",
    ]

    easy_read = _pdf(Document.objects.get(title=demo_documents.EASY_READ_TITLE))
    assert len(easy_read.pages) == 5  # a page for each topic
    assert "You have 12 weeks to tell us." in _lines(easy_read)  # one idea a line
    sizes = set()
    easy_read.pages[1].extract_text(
        visitor_text=lambda text, cm, tm, font, size: text.strip() and sizes.add(size * tm[0])
    )
    assert min(sizes) == 9  # the footer; everything else is big
    assert sorted(sizes)[1] >= 20

    for code in LANGUAGES:
        summary = _pdf(Document.objects.get(title=demo_documents.summary_document_title(code)))
        assert len(summary.pages) == 1, code
        assert summary.trailer["/Root"]["/Lang"] == ("en-GB" if code == "en" else code)
        assert summary.metadata.title == demo_documents.SUMMARIES[code][1]
        phrase, letters = EXPECTED[code]
        text = _text(summary)
        assert phrase in text, code
        assert len(re.findall(letters, text)) > (100 if code in ("bn", "ur", "yi") else 5), code
        assert "020 8356 3000" in text, code  # the groups of digits stay in order

    # Public: the documents' collection has no view restriction.
    assert not Document.objects.get(
        title=demo_documents.STRATEGY_TITLE
    ).collection.get_view_restrictions()


def test_each_language_page_links_the_strategy_easy_read_and_its_own_summary(demo_content, client):
    """On the shared demo (tests/conftest.py); reloading it keeps every document's file, which
    tests/portal/test_smoke.py checks with the rest of the demo's idempotency."""
    for code in LANGUAGES:
        html = client.get(STRATEGY_PATH.format(code=code)).content.decode()
        hrefs = re.findall(r'<a class="govuk-link" href="(/documents/(\d+)/[^"]+)">', html)
        titles = {Document.objects.get(pk=int(pk)).title for _href, pk in hrefs}
        assert titles == {
            demo_documents.STRATEGY_TITLE,
            demo_documents.EASY_READ_TITLE,
            demo_documents.summary_document_title(code),
        }, code
        for href, _pk in hrefs:
            response = client.get(href)
            assert response.status_code == 200, href
            assert response["Content-Type"] == "application/pdf"
            assert b"".join(response.streaming_content).startswith(b"%PDF-")
        # Other formats: what is real (the PDFs above; the rest made on request).
        assert "If you need these documents in Braille" not in html
    english = client.get(STRATEGY_PATH.format(code="en")).content.decode()
    assert "Summary in English" in english
    assert "contact the resident engagement team below" in english
    assert "اردو میں خلاصہ" in client.get(STRATEGY_PATH.format(code="ur")).content.decode()
