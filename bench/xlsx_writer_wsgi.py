"""``portal.wsgi`` with the consultation export's XLSX writer chosen for ``bench.export_memory``.

``BENCH_XLSX_WRITER=hand`` swaps in the hand-written SpreadsheetML writer; anything else keeps
the one the portal ships (XlsxWriter).
"""

import os

from portal.wsgi import application  # noqa: F401 (what gunicorn serves)

if os.environ.get("BENCH_XLSX_WRITER") == "hand":
    from consultations import exports

    exports.write_xlsx = exports.write_xlsx_by_hand
