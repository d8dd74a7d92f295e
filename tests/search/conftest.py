"""Content for the search tests, built through the apps' own models and Wagtail publishing, so
the index is filled the way it is in production (the immediate task backend runs each task)."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents import get_document_model

from tests.news.conftest import estate, events_index, plan, updates_index  # noqa: F401
from tests.panel.conftest import (  # noqa: F401
    make_user,
    members,
    panel_member,
    panel_section,
    resident,
    secretary,
)

LANGUAGES = ["en", "tr", "pl", "es", "fr", "bn", "ur", "yi"]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def pdf_bytes(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 10, text)
    return bytes(pdf.output())


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    handle = io.BytesIO()
    document.save(handle)
    return handle.getvalue()


def odt_bytes(text: str) -> bytes:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:text><text:p>{text}</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    handle = io.BytesIO()
    with zipfile.ZipFile(handle, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return handle.getvalue()


def encrypted_pdf_bytes(text: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(text))))
    writer.encrypt("secret-password")
    handle = io.BytesIO()
    writer.write(handle)
    return handle.getvalue()


def make_document(title: str, name: str, data: bytes):
    return get_document_model().objects.create(title=title, file=ContentFile(data, name=name))


def document_block(document) -> dict:
    return {"type": "document", "value": {"document": document.pk, "title": "", "description": ""}}
