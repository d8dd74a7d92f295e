"""Streamed CSV and XLSX exports of a consultation's responses, with bounded memory.

Columns: the response's reference, submitted time (UK), language, channel, "responding as",
estate and survey version, then one column per question, labelled with the latest survey
version's wording (see ``analysis.questions``):

* multiple choice: one column per option (``1`` chosen, ``0`` not chosen, blank if unanswered);
* matrix: one column per row (the chosen column's label);
* ranking: one column per rank (the option ranked there);
* questions with "Other (please specify)": an extra column for the text;
* free-text answers coded with themes: one column per theme used on that answer (``1`` coded,
  ``0`` not, blank if unanswered), right after the answer's own column;
* everything else: one column with the answer's label (or the text, number or date).

Equality-monitoring questions (special category data, ``questions.is_special_category``) are
left out unless ``include_special_category`` is asked for; the view asks for a reason and logs it.

Answers are stored by question id and option value whatever the language, so answers given in
every language land in the same columns with the same labels. Personal details (name, email,
address) are kept apart from answers and are never exported here.

Rows are read with a server-side cursor (``iterator(chunk_size=...)``) and written as they are
read: CSV straight into a ``StreamingHttpResponse``, XLSX as a zip stream into a temporary file
that is then streamed, so memory does not grow with the number of responses.
CSV cells that a spreadsheet would run as a formula are neutralised with a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime
import itertools
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from consultations import questions as question_types
from consultations.analysis.questions import has_other, is_special_category, survey_questions
from consultations.models import (
    AnswerTheme,
    Channel,
    ConsultationPage,
    RespondentType,
    Response,
    SurveySnapshot,
)
from consultations.questions import Column
from news.models import Estate

LONDON = ZoneInfo("Europe/London")
CHUNK_SIZE = 2000
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ThemeColumn:
    """Whether one free-text answer (``key``) is coded with one theme: 1, 0, or blank."""

    header: str
    key: str
    theme_id: int

    def cell(self, answers: dict, codes: set | frozenset) -> Any:
        if answers.get(self.key) in (None, ""):
            return None
        return int((self.key, self.theme_id) in codes)


NO_CODES: frozenset = frozenset()


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would treat as a formula, made inert with a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


# --- columns -------------------------------------------------------------------------------
def question_columns(
    questions: list[dict], estates: list, themes: dict[str, list[tuple[int, str]]] | None = None
) -> list[Column | ThemeColumn]:
    """Columns for ``questions``; ``themes`` maps a free-text key to its ``(id, name)`` themes."""
    themes = themes or {}
    columns: list[Column | ThemeColumn] = []
    for question in questions:
        columns.extend(_columns_for(question, estates))
        columns.extend(_theme_columns(question["label"], question["id"], themes))
        if has_other(question):
            key = f"{question['id']}.other"
            label = _("%(question)s: Other (please specify)") % {"question": question["label"]}
            columns.append(Column(label, lambda answers, key=key: answers.get(key)))
            columns.extend(_theme_columns(label, key, themes))
    return columns


def _theme_columns(label: str, key: str, themes: dict) -> list[ThemeColumn]:
    return [
        ThemeColumn(
            _("%(question)s: theme “%(theme)s”") % {"question": label, "theme": name}, key, pk
        )
        for pk, name in themes.get(key, [])
    ]


def themes_used(page: ConsultationPage) -> dict[str, list[tuple[int, str]]]:
    """Per free-text key, the themes coded on at least one answer, by name."""
    rows = (
        AnswerTheme.objects.filter(response__consultation=page)
        .values_list("question_id", "theme_id", "theme__name")
        .distinct()
        .order_by("question_id", "theme__name", "theme_id")
    )
    used: dict[str, list[tuple[int, str]]] = {}
    for key, pk, name in rows:
        used.setdefault(key, []).append((pk, name))
    return used


def special_category_labels(page: ConsultationPage) -> list[str]:
    """The equality-monitoring questions of this consultation, by their labels."""
    return [q["label"] for q in survey_questions(consultation=page) if is_special_category(q)]


def _columns_for(question: dict, estates: list) -> list[Column]:
    return question_types.for_question(question).export_columns(question, estates)


# --- rows ----------------------------------------------------------------------------------
@dataclass
class Export:
    consultation: ConsultationPage
    headers: list[str]
    rows: Iterable[list[Any]]


def build_export(
    *,
    consultation: ConsultationPage,
    chunk_size: int = CHUNK_SIZE,
    include_special_category: bool = False,
) -> Export:
    """Headers and a lazy row iterator (nothing is read until the rows are iterated).

    Equality-monitoring answers are only in it with ``include_special_category``.
    """
    page = consultation.canonical()
    estates = list(Estate.objects.order_by("name"))
    estate_names = {e.pk: e.name for e in estates}
    versions = dict(SurveySnapshot.objects.filter(consultation=page).values_list("id", "version"))
    questions = [
        q
        for q in survey_questions(consultation=page)
        if include_special_category or not is_special_category(q)
    ]
    themes = themes_used(page)
    columns = question_columns(questions, estates, themes)
    # Labels made text once, not per row (translation lookups dominate otherwise).
    languages = {code: str(name) for code, name in settings.LANGUAGES}
    channels = {value: str(name) for value, name in Channel.choices}
    respondent_types = {value: str(name) for value, name in RespondentType.choices if value}
    headers = [
        _("Reference"),
        _("Submitted (UK time)"),
        _("Language"),
        _("Channel"),
        _("Responding as"),
        _("Estate"),
        _("Survey version"),
        *[c.header for c in columns],
    ]

    def rows() -> Iterator[list[Any]]:
        # Codes are few next to answers (people make them), so they are read once, up front.
        codes: dict[int, set] = {}
        if themes:
            for response_id, key, theme_id in AnswerTheme.objects.filter(
                response__consultation=page
            ).values_list("response_id", "question_id", "theme_id"):
                codes.setdefault(response_id, set()).add((key, theme_id))
        queryset = (
            Response.objects.filter(consultation=page)
            .order_by("submitted_at", "id")
            .values_list(
                "id",
                "reference",
                "submitted_at",
                "language",
                "channel",
                "respondent_type",
                "estate_id",
                "snapshot_id",
                "answers",
            )
        )
        for (
            pk,
            reference,
            submitted,
            language,
            channel,
            rtype,
            estate,
            snap,
            answers,
        ) in queryset.iterator(chunk_size=chunk_size):
            yield [
                reference,
                timezone.localtime(submitted, LONDON).replace(tzinfo=None, microsecond=0),
                languages.get(language, language),
                channels.get(channel, channel),
                respondent_types.get(rtype, rtype) or None,
                estate_names.get(estate),
                versions.get(snap),
                *[column.cell(answers, codes.get(pk, NO_CODES)) for column in columns],
            ]

    return Export(consultation=page, headers=headers, rows=rows())


def export_filename(page: ConsultationPage, extension: str) -> str:
    stamp = timezone.localtime(timezone.now(), LONDON).strftime("%Y%m%d-%H%M")
    return f"responses-{slugify(page.slug)[:40]}-{stamp}.{extension}"


# --- CSV -----------------------------------------------------------------------------------
class _Echo:
    def write(self, value):
        return value


def csv_lines(export: Export) -> Iterator[str]:
    """The export as CSV text, line by line, starting with a BOM so Excel reads UTF-8."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([neutralise(h) for h in export.headers])
    for row in export.rows:
        yield writer.writerow([_csv_cell(value) for value in row])


def _csv_cell(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    return neutralise(value)


def csv_response(export: Export) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_lines(export)), content_type="text/csv; charset=utf-8"
    )
    filename = export_filename(export.consultation, "csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- XLSX ----------------------------------------------------------------------------------
# A minimal SpreadsheetML package written row by row into a zip stream: text as inline strings
# (no shared-strings table growing in memory), numbers as numbers, times as spreadsheet dates.
# openpyxl's write-only mode is also bounded in memory but builds an object per cell, which made
# a million-row export take hours; this writer does the same job in plain string joins.
# XlsxWriter's constant_memory mode, measured against it at 1M responses, used the same memory
# but took about 3.5 times as long (bench/README.md), so this writer stays.
XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EXCEL_EPOCH = datetime.datetime(1899, 12, 30)
XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>"
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_END = "</sheetData></worksheet>"


def _workbook_xml(sheet_name: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    )


def _xlsx_cell(value) -> str:
    if value is None or value == "":
        return "<c/>"
    if isinstance(value, bool):
        return f'<c t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f"<c><v>{value}</v></c>"
    if isinstance(value, datetime.datetime):
        serial = (value - EXCEL_EPOCH) / datetime.timedelta(days=1)
        return f'<c s="1"><v>{serial:.8f}</v></c>'
    text = escape(XLSX_ILLEGAL.sub("", str(value))[:32767])
    return f'<c t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def write_xlsx(export: Export, target) -> None:
    """Write the export as an .xlsx workbook into ``target`` (a path or binary file)."""
    sheet_name = _("Responses")[:31]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for name, content in XLSX_PARTS.items():
            package.writestr(name, content)
        package.writestr("xl/workbook.xml", _workbook_xml(sheet_name))
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            buffer = [SHEET_START]
            for row in itertools.chain([export.headers], export.rows):
                buffer.append("<row>" + "".join(_xlsx_cell(v) for v in row) + "</row>")
                if len(buffer) >= 500:
                    sheet.write("".join(buffer).encode())
                    buffer = []
            buffer.append(SHEET_END)
            sheet.write("".join(buffer).encode())


def xlsx_response(export: Export) -> FileResponse:
    """Build the workbook in a temporary file (deleted when closed), then stream it."""
    temporary = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 (FileResponse closes it)
    write_xlsx(export, temporary)
    temporary.seek(0)
    return FileResponse(
        temporary,
        as_attachment=True,
        filename=export_filename(export.consultation, "xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
