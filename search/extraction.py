"""Reading the text out of a document's file: PDF, DOCX, ODT and plain text.

``extract_text`` returns the text or raises ``UnreadableDocument`` (corrupt, encrypted, or not
what its name says); a format it does not read returns ``None``. Every reader is a maintained
parser (pypdf, python-docx) or the standard library's zip reader with defusedxml (ODT). No file is
trusted: sizes are bounded before anything is read into memory.
"""

import io
import zipfile
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARACTERS = 1_000_000
MAX_PDF_PAGES = 500
MAX_ODT_CONTENT_BYTES = 20 * 1024 * 1024
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class UnreadableDocument(Exception):
    """The file could not be read as the format its name says."""


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableDocument("encrypted PDF")
        return "\n".join(page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES])
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise UnreadableDocument(f"PDF: {error}") from error


def _docx(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(f"DOCX: {error}") from error
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _odt(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("content.xml")
            if info.file_size > MAX_ODT_CONTENT_BYTES:
                raise UnreadableDocument("ODT content too large")
            root = fromstring(archive.read(info))
    except (zipfile.BadZipFile, KeyError, ParseError, DefusedXmlException) as error:
        raise UnreadableDocument(f"ODT: {error}") from error
    paragraphs = root.iter(f"{_ODF_TEXT}p")
    return "\n".join("".join(paragraph.itertext()) for paragraph in paragraphs)


def _plain(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


READERS = {"pdf": _pdf, "docx": _docx, "odt": _odt, "txt": _plain, "text": _plain, "md": _plain}


def extract_text(*, file_name: str, data: bytes) -> str | None:
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    reader = READERS.get(extension)
    if reader is None:
        return None
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableDocument("file too large to read")
    text = reader(data)
    return " ".join(text.split())[:MAX_TEXT_CHARACTERS]
