"""Spreadsheet downloads that are safe to open: streamed CSV and XLSX writers and the formula
neutraliser every cell goes through.

Any export of what residents typed (names, answers, access needs) uses these, so that a cell
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return can never run as a formula
in Excel, LibreOffice or Google Sheets: it is written with a leading apostrophe, which the
spreadsheet shows as text. Headers are neutralised too (question wording comes from editors).

Both writers take the column headers and an iterable of rows (lists of cell values: ``str``,
``int``, ``float``, ``bool``, ``datetime.date``/``datetime.datetime`` or ``None``) and send them
as they are produced, so memory stays flat however many rows there are:

* ``csv_response``: UTF-8 with a byte order mark (so Excel detects the encoding);
* ``xlsx_response``: a one-sheet workbook written as a zip stream (inline strings, numbers as
  numbers, dates as dates), with no temporary file and no per-cell objects.

Aware datetimes are written in the site's time zone.
"""

from __future__ import annotations

import csv
import datetime
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from django.http import StreamingHttpResponse
from django.utils import timezone

#: What makes a spreadsheet read a text cell as a formula (or a DDE command) when it starts it.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_MAX_CELL_LENGTH = 32767


def neutralise(value: Any) -> Any:
    """``value`` made inert: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _local(value: datetime.datetime) -> datetime.datetime:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


def _attachment(response: StreamingHttpResponse, filename: str) -> StreamingHttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- CSV ---------------------------------------------------------------------------------------
class _Line:
    """A file-like target for ``csv.writer`` that hands back what it is given."""

    def write(self, text: str) -> str:
        return text


def _csv_value(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return _local(value).isoformat(sep=" ", timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(value)


def csv_lines(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The table as CSV, a line at a time; the first line starts with a byte order mark."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow([neutralise(header) for header in headers])
    for row in rows:
        yield writer.writerow([_csv_value(value) for value in row])


def csv_response(
    *, headers: Sequence[str], rows: Iterable[Sequence[Any]], filename: str
) -> StreamingHttpResponse:
    lines = (line.encode("utf-8") for line in csv_lines(headers, rows))
    return _attachment(
        StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8"), filename
    )


# --- XLSX --------------------------------------------------------------------------------------
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_EXCEL_DAY_ZERO = datetime.datetime(1899, 12, 30)
# Characters XML 1.0 cannot carry; a resident's pasted text may hold them.
_NOT_XML = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])
# Cell styles (cellXfs indexes): 0 general, 1 date, 2 date and time.
_DATE_STYLE, _DATETIME_STYLE = 1, 2


def _relationship(rel_id: str, kind: str, target: str) -> str:
    return f'<Relationship Id="{rel_id}" Type="{_DOCUMENT_RELS}/{kind}" Target="{target}"/>'


def _package_parts(sheet_name: str) -> dict[str, str]:
    """Every part of the workbook except the sheet's rows."""
    overrides = {
        "/xl/workbook.xml": "sheet.main+xml",
        "/xl/worksheets/sheet1.xml": "worksheet+xml",
        "/xl/styles.xml": "styles+xml",
    }
    content_types = (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(
            f'<Override PartName="{part}" ContentType="{_OFFICE_TYPE}.{kind}"/>'
            for part, kind in overrides.items()
        )
        + "</Types>"
    )
    styles = (
        f'{_XML}<styleSheet xmlns="{_MAIN}">'
        '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
        '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts>'
        # Excel reserves the first two fills, whether used or not.
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="3"><xf/><xf numFmtId="164" applyNumberFormat="1"/>'
        '<xf numFmtId="165" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
    return {
        "[Content_Types].xml": content_types,
        "_rels/.rels": (
            f'{_XML}<Relationships xmlns="{_PACKAGE_RELS}">'
            + _relationship("rId1", "officeDocument", "xl/workbook.xml")
            + "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_DOCUMENT_RELS}"><sheets>'
            f'<sheet name={quoteattr(sheet_name[:31])} sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{_XML}<Relationships xmlns="{_PACKAGE_RELS}">'
            + _relationship("rId1", "worksheet", "worksheets/sheet1.xml")
            + _relationship("rId2", "styles", "styles.xml")
            + "</Relationships>"
        ),
        "xl/styles.xml": styles,
    }


def _xlsx_cell(value: Any) -> str:
    if value is None or value == "":
        return "<c/>"
    if isinstance(value, bool):
        return f'<c t="b"><v>{value:d}</v></c>'
    if isinstance(value, int | float):
        return f"<c><v>{value!r}</v></c>"
    if isinstance(value, datetime.datetime):
        days = (_local(value) - _EXCEL_DAY_ZERO) / datetime.timedelta(days=1)
        return f'<c s="{_DATETIME_STYLE}"><v>{days:.6f}</v></c>'
    if isinstance(value, datetime.date):
        days = (value - _EXCEL_DAY_ZERO.date()).days
        return f'<c s="{_DATE_STYLE}"><v>{days}</v></c>'
    text = neutralise(str(value)).translate(_NOT_XML)[:XLSX_MAX_CELL_LENGTH]
    # A carriage return as a character reference: XML parsers turn a literal one into a newline.
    text = escape(text, {"\r": "&#13;"})
    return f'<c t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _xlsx_row(values: Iterable[Any]) -> str:
    return "<row>" + "".join(_xlsx_cell(value) for value in values) + "</row>"


class _Pipe:
    """A write-only, unseekable file: ``zipfile`` writes the package into it and the response
    takes what has been written so far with ``drain``."""

    def __init__(self):
        self._chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def drain(self) -> bytes:
        data, self._chunks = b"".join(self._chunks), []
        return data


def xlsx_chunks(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    sheet_name: str,
    rows_per_chunk: int = 500,
) -> Iterator[bytes]:
    """The workbook's bytes, produced as the rows are read."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for name, content in _package_parts(sheet_name).items():
            package.writestr(name, content)
        yield pipe.drain()
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'{_XML}<worksheet xmlns="{_MAIN}"><sheetData>'.encode())
            sheet.write(_xlsx_row(neutralise(header) for header in headers).encode())
            batch = []
            for row in rows:
                batch.append(_xlsx_row(row))
                if len(batch) == rows_per_chunk:
                    sheet.write("".join(batch).encode())
                    batch = []
                    yield pipe.drain()
            sheet.write(("".join(batch) + "</sheetData></worksheet>").encode())
    yield pipe.drain()


def xlsx_response(
    *, headers: Sequence[str], rows: Iterable[Sequence[Any]], filename: str, sheet_name: str
) -> StreamingHttpResponse:
    chunks = xlsx_chunks(headers, rows, sheet_name=sheet_name)
    return _attachment(StreamingHttpResponse(chunks, content_type=XLSX_CONTENT_TYPE), filename)
