"""portal.pdf and portal.demo_documents: deterministic, shaped, right-to-left PDFs, stored once."""

import datetime
import io

import pytest
from pypdf import PdfReader
from wagtail.documents.models import Document

from portal.demo.documents import child_collection, ensure_pdf_document
from portal.pdf import BulletList, Contents, Heading, Paragraph, PdfDocument, render_pdf


def _document(language="ur", text="ہم 12 ہفتوں تک آپ کی رائے سنیں گے۔", **fields):
    return PdfDocument(
        title="خلاصہ",
        language=language,
        blocks=[Heading("خلاصہ"), Paragraph(text), BulletList(("ایک", "دو"))],
        **fields,
    )


def _x_positions(reader: PdfReader, wanted: str) -> list[float]:
    positions = []

    def visit(text, cm, tm, font, size):
        if wanted in text:
            positions.append(tm[4])

    reader.pages[0].extract_text(visitor_text=visit)
    return positions


def test_the_same_document_renders_to_the_same_bytes():
    assert render_pdf(_document()) == render_pdf(_document())
    later = _document(created=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC))
    assert render_pdf(later) != render_pdf(_document())


def test_right_to_left_text_is_set_from_the_right_margin_with_its_title_and_language():
    reader = PdfReader(io.BytesIO(render_pdf(_document())))
    assert reader.metadata.title == "خلاصہ"
    assert reader.trailer["/Root"]["/Lang"] == "ur"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
    page_width = float(reader.pages[0].mediabox.width)
    english = PdfReader(io.BytesIO(render_pdf(_document(language="en", text="We will listen."))))
    # The Urdu paragraph ends near the right margin; the English one starts at the left.
    urdu_starts = _x_positions(reader, "ہفتوں")
    english_starts = _x_positions(english, "listen")
    assert urdu_starts and english_starts
    assert min(urdu_starts) > page_width / 3
    assert max(english_starts) < page_width / 3
    assert "رائے" in reader.pages[0].extract_text()  # joined letters extract as real text


def test_contents_list_gives_each_section_its_page():
    blocks = [Heading("Strategy"), Contents("Contents")]
    for number in range(1, 4):
        blocks += [Heading(f"{number}. Section {number}", 2), Paragraph("Text. " * 400)]
    reader = PdfReader(io.BytesIO(render_pdf(PdfDocument("Strategy", "en-GB", blocks))))
    contents = " ".join(reader.pages[0].extract_text().split())
    for number in range(1, 4):
        page = next(
            index + 1
            for index, page in enumerate(reader.pages)
            if index and f"{number}. Section {number}" in page.extract_text()
        )
        assert f"{number}. Section {number} {page}" in contents


@pytest.mark.django_db
def test_a_stored_pdf_is_rewritten_only_when_its_content_changes(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    collection = child_collection("Test documents")
    first = ensure_pdf_document(
        title="Summary", stem="summary", collection=collection, pdf=_document()
    )
    again = ensure_pdf_document(
        title="Summary", stem="summary", collection=collection, pdf=_document()
    )
    assert (again.pk, again.file.name, again.file_hash) == (
        first.pk,
        first.file.name,
        first.file_hash,
    )
    changed = ensure_pdf_document(
        title="Summary", stem="summary", collection=collection, pdf=_document(text="نیا متن")
    )
    assert changed.pk == first.pk and changed.file_hash != first.file_hash
    assert Document.objects.filter(title="Summary").count() == 1
    assert not (tmp_path / first.file.name).exists()  # the old file is gone
