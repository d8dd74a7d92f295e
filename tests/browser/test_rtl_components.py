"""GOV.UK Frontend components mirror in right-to-left languages.

Each component is rendered with the site's own stylesheet, once with dir="ltr" and once with
dir="rtl", and its parts are compared by position: what sits on the left in English must sit
on the right in Urdu. This covers components no demo page happens to use yet.
"""

from pathlib import Path

import pytest

COMPONENTS = (Path(__file__).parent / "components.html").read_text(encoding="utf-8")


def _boxes(page, site_url: str, direction: str) -> dict[str, dict]:
    stylesheet = f"{site_url}/static/build/portal.css"
    page.set_content(
        f'<!DOCTYPE html><html lang="{"ur" if direction == "rtl" else "en"}" dir="{direction}"'
        ' class="govuk-template govuk-template--rebranded"><head><meta charset="utf-8">'
        f'<title>Components</title><link rel="stylesheet" href="{stylesheet}"></head>'
        f'<body class="govuk-template__body">{COMPONENTS}</body></html>',
        wait_until="load",
    )
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('[id]')].map(el => {
            const box = el.getBoundingClientRect();
            return [el.id, {left: box.left, right: box.right, width: box.width}];
        }))"""
    )


@pytest.fixture
def layouts(page, site_url):
    return {direction: _boxes(page, site_url, direction) for direction in ("ltr", "rtl")}


# (first, second): in left-to-right layouts `first` is left of `second`; in right-to-left
# layouts it must be right of it.
ORDERED_PAIRS = [
    ("crumb-1", "crumb-2"),
    ("main-column", "side-column"),
    ("warning-icon", "warning-text"),
    ("radio", "radio-label"),
    ("checkbox", "checkbox-label"),
    ("table-header", "table-number"),
    ("summary-key", "summary-actions"),
    ("prev", "next"),
]


@pytest.mark.parametrize(("first", "second"), ORDERED_PAIRS)
def test_components_mirror(layouts, first, second):
    ltr, rtl = layouts["ltr"], layouts["rtl"]
    assert ltr[first]["left"] < ltr[second]["left"], "fixture: the left-to-right order is wrong"
    assert rtl[first]["left"] > rtl[second]["left"], (
        f"{first} should be to the right of {second} in a right-to-left layout"
    )


def test_start_edge_indents_mirror(layouts):
    """Inset text, details and bullets keep their border or indent on the start edge."""
    ltr, rtl = layouts["ltr"], layouts["rtl"]
    column = {d: layouts[d]["main-column"] for d in ("ltr", "rtl")}
    for element in ("details-text", "bullet"):
        ltr_indent = ltr[element]["left"] - column["ltr"]["left"]
        rtl_indent = column["rtl"]["right"] - rtl[element]["right"]
        assert ltr_indent > 0
        assert abs(ltr_indent - rtl_indent) <= 1, f"{element}: {ltr_indent} vs {rtl_indent}"
