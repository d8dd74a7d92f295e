"""``portal.wsgi`` with the consultation export's XLSX writer chosen for ``bench.export_memory``.

``BENCH_XLSX_WRITER=xlsxwriter`` swaps in the XlsxWriter-based writer (``bench.xlsxwriter_export``);
anything else keeps the hand-written one the portal ships.
"""

import os

from portal.wsgi import application  # noqa: F401 (what gunicorn serves)

if os.environ.get("BENCH_XLSX_WRITER") == "xlsxwriter":
    from bench.xlsxwriter_export import use_xlsxwriter

    use_xlsxwriter()
