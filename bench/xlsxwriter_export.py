"""The consultation export written with XlsxWriter, for ``bench.export_memory --xlsx-writer
xlsxwriter`` to compare with the hand-written SpreadsheetML writer the portal ships
(``consultations.exports.write_xlsx``).

Same sheet: same columns and header row, text as inline strings (``constant_memory`` mode),
numbers as numbers, times as dates in the same number format, empty answers as empty cells.
Cells are written by type, never through ``write()``, which would turn text starting with ``=``
into a formula and ``http://...`` into a link: formula-like text stays a text cell, as in the
shipped writer. Measured at 1M responses it took about 3.5 times as long (bench/README.md), so
the portal keeps its own writer; this stays here so the comparison can be run again.
"""

from __future__ import annotations

import datetime
import itertools

import xlsxwriter
from django.utils.translation import gettext as _


def _text(value: str) -> str:
    # XlsxWriter writes control characters as Excel's _xHHHH_ escapes; these two are not
    # characters at all, and XML cannot carry them.
    if "\ufffe" in value or "\uffff" in value:
        return value.replace("\ufffe", "").replace("\uffff", "")
    return value


def write_xlsx(export, target) -> None:
    """Write ``export`` (a ``consultations.exports.Export``) into ``target``, a path or a
    seekable binary file, keeping one row in memory at a time."""
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True, "use_zip64": True})
    sheet = workbook.add_worksheet(_("Responses")[:31])
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    datetime_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    for row_number, row in enumerate(itertools.chain([export.headers], export.rows)):
        for column, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                sheet.write_string(row_number, column, _text(value))
            elif isinstance(value, bool):
                sheet.write_boolean(row_number, column, value)
            elif isinstance(value, int | float):
                sheet.write_number(row_number, column, value)
            elif isinstance(value, datetime.datetime):
                sheet.write_datetime(row_number, column, value, datetime_format)
            elif isinstance(value, datetime.date):
                sheet.write_datetime(row_number, column, value, date_format)
            else:
                sheet.write_string(row_number, column, _text(str(value)))
    workbook.close()


def use_xlsxwriter() -> None:
    """Make the consultation export (``consultations.exports.xlsx_response``) use this writer."""
    from consultations import exports

    exports.write_xlsx = write_xlsx
