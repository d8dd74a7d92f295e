"""Render a simple structured document (headings, paragraphs, lists) to an accessible PDF.

Callers describe a document as a ``PdfDocument`` of blocks; ``render_pdf`` turns it into PDF
bytes with fpdf2, shaping text with HarfBuzz (uharfbuzz) so Bengali conjuncts and Urdu joining
come out right, and laying out right-to-left languages from the right margin.

What a reader (or a screen reader) gets: real text in embedded, subset Noto fonts; the document's
title and language in its metadata, with the viewer told to show the title; a bookmark for every
heading; an optional contents list with page numbers; "page / pages" in every footer.
The output is byte-for-byte deterministic for the same input and ``created`` date.

Fonts come from Debian's ``fonts-noto-core`` package (``/usr/share/fonts/truetype/noto/``).
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import fpdf
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.prefs import ViewerPreferences

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
LATIN = "NotoSans"


@dataclass(frozen=True)
class Script:
    """The font and HarfBuzz settings for one language's writing system."""

    font: str  # a Noto family with -Regular.ttf and -Bold.ttf files
    harfbuzz_script: str
    direction: str = "ltr"


LATIN_SCRIPT = Script(LATIN, "latn")
# Urdu uses Naskh rather than Nastaliq: fpdf2 positions Nastaliq's stacked glyphs well, but text
# extracted from it (what copy-and-paste and screen readers get) comes out scrambled.
SCRIPTS = {
    "bn": Script("NotoSansBengali", "beng"),
    "ur": Script("NotoNaskhArabic", "arab", "rtl"),
    "yi": Script("NotoSansHebrew", "hebr", "rtl"),
}


def script_for(language: str) -> Script:
    return SCRIPTS.get(language, LATIN_SCRIPT)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 is the document's main heading


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Contents:
    """A contents list of the level-2 headings, with their page numbers."""

    title: str


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass
class PdfDocument:
    title: str
    language: str  # a BCP 47 tag, as in the PDF's /Lang
    blocks: list = field(default_factory=list)
    subject: str = ""
    author: str = "Housing Service"
    created: datetime.datetime = datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC)
    body_size: float = 11
    line_spacing: float = 1.5  # line height as a multiple of the font size


HEADING_SIZES = {1: 2.0, 2: 1.45, 3: 1.2}  # times the body size
POINTS_TO_MM = 25.4 / 72


class _Pdf(FPDF):
    def __init__(self, document: PdfDocument):
        super().__init__(format="A4")
        self.document = document
        self.script = script_for(document.language)
        self.rtl = self.script.direction == "rtl"
        for family in dict.fromkeys((self.script.font, LATIN)):
            if not (FONT_DIR / f"{family}-Regular.ttf").exists():
                raise FileNotFoundError(
                    f"{family} is not in {FONT_DIR}: install the fonts-noto-core package"
                )
            self.add_font(family, "", FONT_DIR / f"{family}-Regular.ttf")
            self.add_font(family, "B", FONT_DIR / f"{family}-Bold.ttf")
        # Digits, Latin names and punctuation missing from a script's font come from Noto Sans.
        if self.script.font != LATIN:
            self.set_fallback_fonts([LATIN])
        self.set_text_shaping(
            use_shaping_engine=True,
            direction=self.script.direction,
            script=self.script.harfbuzz_script,
        )
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, margin=22)
        self.set_title(document.title)
        # Viewers show the title rather than the file name. (Not /Direction for right-to-left
        # documents: fpdf2 2.8.9 writes it as an invalid name that readers reject.)
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)
        self.set_lang(document.language)
        self.set_subject(document.subject or document.title)
        self.set_author(document.author)
        self.set_creator("Resident engagement portal")
        self.set_producer("fpdf2")
        self.set_creation_date(document.created)
        self.alias_nb_pages()
        self.section_pages: dict[str, int] = {}
        self.known_pages: dict[str, int] = {}
        self.contents_entries: list[str] = []

    @property
    def align(self) -> str:
        return "R" if self.rtl else "L"

    def footer(self):
        self.set_y(-15)
        self.set_font(LATIN, size=9)
        self.set_text_shaping(use_shaping_engine=True, direction="ltr", script="latn")
        self.cell(0, 6, f"{self.page_no()} / {{nb}}", align="C")
        self.set_text_shaping(
            use_shaping_engine=True,
            direction=self.script.direction,
            script=self.script.harfbuzz_script,
        )

    def write_block(self, block) -> None:
        size = self.document.body_size
        if isinstance(block, Heading):
            heading_size = size * HEADING_SIZES.get(block.level, 1.1)
            if self.get_y() > self.h - 60:  # keep a heading with the text that follows it
                self.add_page()
            if block.level > 1:
                self.start_section(block.text, level=block.level - 2, strict=False)
                self.section_pages.setdefault(block.text, self.page_no())
                self.ln(size * 0.4)
            self.set_font(self.script.font, "B", heading_size)
            self._lines(block.text, heading_size * 1.3)
            self.ln(size * 0.3)
        elif isinstance(block, Paragraph):
            self.set_font(self.script.font, "", size)
            self._lines(block.text, size * self.document.line_spacing)
            self.ln(size * 0.5)
        elif isinstance(block, BulletList):
            self.set_font(self.script.font, "", size)
            for number, item in enumerate(block.items, 1):
                marker = f"{number}." if block.numbered else "•"
                self._lines(f"{marker}  {item}", size * self.document.line_spacing, indent=6)
            self.ln(size * 0.5)
        elif isinstance(block, Contents):
            self.write_contents(block.title)
        elif isinstance(block, PageBreak):
            self.add_page()
        else:
            raise TypeError(f"Cannot render {block!r} in a PDF")

    def _lines(self, text: str, height_points: float, indent: float = 0) -> None:
        if indent:
            if self.rtl:
                self.set_right_margin(self.r_margin + indent)
            else:
                self.set_left_margin(self.l_margin + indent)
        self.multi_cell(
            0,
            height_points * POINTS_TO_MM,
            text,
            align=self.align,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        if indent:
            if self.rtl:
                self.set_right_margin(self.r_margin - indent)
            else:
                self.set_left_margin(self.l_margin - indent)

    def write_contents(self, title: str) -> None:
        size = self.document.body_size
        self.set_font(self.script.font, "B", size * HEADING_SIZES[2])
        self._lines(title, size * HEADING_SIZES[2] * 1.3)
        self.ln(size * 0.5)
        line = size * self.document.line_spacing * POINTS_TO_MM
        for name in self.contents_entries:
            # The entry first, then its page number, so text is extracted in reading order.
            top = self.get_y()
            self.set_x(self.l_margin + (15 if self.rtl else 0))
            self.multi_cell(self.epw - 15, line, name, align=self.align, new_x=XPos.LMARGIN)
            bottom = self.get_y()
            self.set_xy(self.l_margin if self.rtl else self.w - self.r_margin - 15, top)
            # Switch fonts explicitly: after a cell drawn wholly from the fallback font, fpdf2
            # (2.8) shapes the next Hebrew or Arabic text with the wrong glyphs.
            self.set_font(LATIN, "", size)
            self.multi_cell(15, line, str(self.known_pages.get(name, 0)), align=self.align)
            self.set_font(self.script.font, "", size)
            self.set_xy(self.l_margin, bottom)
            self.ln(size * 0.2)
        self.add_page()


def _render(document: PdfDocument, known_pages: dict[str, int]) -> _Pdf:
    pdf = _Pdf(document)
    pdf.known_pages = known_pages
    pdf.contents_entries = [
        block.text for block in document.blocks if isinstance(block, Heading) and block.level == 2
    ]
    pdf.add_page()
    for block in document.blocks:
        pdf.write_block(block)
    return pdf


def fingerprint(document: PdfDocument) -> str:
    """A short hash of everything that decides the output, to skip rendering it again."""
    key = f"{fpdf.__version__}:{document!r}"
    return hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:10]


def render_pdf(document: PdfDocument) -> bytes:
    pdf = _render(document, {})
    if any(isinstance(block, Contents) for block in document.blocks):
        # Lay out once to learn each heading's page, then again with those numbers. The
        # contents list takes the same space both times, so the pages stay the same.
        pdf = _render(document, pdf.section_pages)
    return bytes(pdf.output())
