"""Reflow and accessibility at phone and desktop widths, left to right and right to left.

WCAG 1.4.10 (reflow): at 320 CSS pixels nothing may make the page scroll sideways. Every page
type (discovered from the database, as in ``test_site``), the search, account and error views,
and the pages with the widest content (the plan tracker, a commitment with its chart, a meeting
with its actions, the action log, a published consultation outcome) are loaded at 320, 375 and
1280 pixels in English and Urdu. On each: the document is no wider than the viewport, and
axe-core finds no WCAG 2.2 A/AA violation (no rule left out). A representative set of pages is
loaded in Yiddish, the other right-to-left language, at 320 and 1280 pixels.

One browser context per width is shared by every test in the module, so the whole grid costs
about one page load and one axe run per page and width.

Two things only a browser can measure are checked as well: the progress chart's axis labels are
body-size text, every one inside the chart and none over another; and in Urdu (Nastaliq) and
Bengali the painted text of a caption does not run into the heading below it.
"""

from __future__ import annotations

import pytest

from tests.browser.audit import axe_violations, format_violations, page_type_urls
from tests.browser.test_site import NON_PAGE_VIEWS

WIDTHS = (320, 375, 1280)
LANGUAGES = ("en", "ur")
RTL = {"ur", "yi"}

# Elements wider than the viewport, or starting before its start edge: the culprits named when
# the document scrolls sideways. Elements inside a scroll region are allowed to be wide.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const found = [];
    for (const el of document.body.querySelectorAll("*")) {
        if (el.closest("[data-overflow-ok]")) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (box.right > width + 0.5 || box.left < -0.5) {
            const name = el.tagName.toLowerCase()
                + (el.id ? "#" + el.id : "")
                + (el.className && typeof el.className === "string"
                    ? "." + el.className.trim().split(/\\s+/).join(".") : "");
            found.push(`${name} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
        }
    }
    return {
        scrollWidth: document.documentElement.scrollWidth,
        width: width,
        culprits: found.slice(0, 8),
    };
}"""


def rich_content_paths(language_code: str) -> list[tuple[str, str]]:
    """(name, path) of the pages with the widest content in the language, if the demo has them."""
    from consultations.models import ConsultationPage
    from news.models import CommitmentPage
    from panel.models import ActionLogPage, MeetingPage

    candidates = {
        # Measurements belong to a commitment in any language (shared by translation key).
        "commitment with figures": CommitmentPage.objects.filter(
            translation_key__in=CommitmentPage.objects.filter(measurements__isnull=False).values(
                "translation_key"
            )
        ),
        "meeting with actions": MeetingPage.objects.filter(actions__isnull=False),
        "action log": ActionLogPage.objects.all(),
        "published outcome": ConsultationPage.objects.with_outcome(),
    }
    paths = []
    for name, queryset in candidates.items():
        page = (
            queryset.live()
            .public()
            .filter(locale__language_code=language_code)
            .order_by("path")
            .first()
        )
        if page is not None:
            paths.append((f"{name} [{language_code}]", page.get_url()))
    return paths


def audited_paths(language_code: str) -> list[tuple[str, str]]:
    pages = [(item.name, item.path) for item in page_type_urls((language_code,))]
    views = [
        (f"{name} [{language_code}]", template.format(lang=language_code))
        for name, template, _status in NON_PAGE_VIEWS
    ]
    seen, unique = set(), []
    for name, path in pages + rich_content_paths(language_code) + views:
        if path not in seen:
            seen.add(path)
            unique.append((name, path))
    return unique


@pytest.fixture(scope="module")
def page_at_width(browser, site_url):
    """``page_at_width(width)``: a page in a context of that width, shared by the module."""
    contexts, pages = {}, {}

    def get(width: int):
        if width not in pages:
            mobile = width < 641
            contexts[width] = browser.new_context(
                viewport={"width": width, "height": 800 if mobile else 900},
                base_url=site_url,
                locale="en-GB",
                is_mobile=mobile,
                has_touch=mobile,
            )
            contexts[width].set_default_timeout(15_000)
            pages[width] = contexts[width].new_page()
        return pages[width]

    yield get
    for context in contexts.values():
        context.close()


def audit(page, name: str, path: str, language_code: str) -> list[str]:
    """Load ``path`` and return what is wrong with it: status, lang/dir, sideways scroll, axe."""
    response = page.goto(path)
    width = page.viewport_size["width"]
    where = f"{name} at {width}px"
    if response.status >= 500:
        return [f"{where}: status {response.status}"]
    problems = []
    html = page.locator("html")
    direction = "rtl" if language_code in RTL else "ltr"
    if (html.get_attribute("lang"), html.get_attribute("dir")) != (language_code, direction):
        problems.append(
            f"{where}: <html lang={html.get_attribute('lang')} dir={html.get_attribute('dir')}>"
        )
    overflow = page.evaluate(OVERFLOWING)
    if overflow["scrollWidth"] > overflow["width"]:
        problems.append(
            f"{where}: document is {overflow['scrollWidth']}px wide in a {overflow['width']}px "
            f"viewport; sticking out: {', '.join(overflow['culprits']) or '(none found)'}"
        )
    violations = axe_violations(page)
    if violations:
        problems.append(format_violations(violations, where))
    return problems


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language_code", LANGUAGES)
def test_every_page_type_reflows_without_axe_violations(page_at_width, language_code, width):
    page = page_at_width(width)
    paths = audited_paths(language_code)
    assert len(paths) >= 20, paths
    problems = []
    for name, path in paths:
        problems += audit(page, name, path, language_code)
    assert not problems, "\n".join(problems)


YIDDISH_PAGE_TYPES = (
    "portal.homepage",
    "news.improvementplanpage",
    "news.commitmentpage",
    "news.eventpage",
    "panel.meetingpage",
    "consultations.consultationpage",
)


@pytest.mark.parametrize("width", (320, 1280))
def test_yiddish_pages_are_right_to_left_and_reflow(page_at_width, width):
    chosen = {
        item.page_type: item for item in page_type_urls(("yi",)) if item.language_code == "yi"
    }
    missing = set(YIDDISH_PAGE_TYPES) - set(chosen)
    assert not missing, f"no Yiddish demo page of type {sorted(missing)}"
    paths = [(chosen[kind].name, chosen[kind].path) for kind in YIDDISH_PAGE_TYPES]
    paths += [(name, path) for name, path in rich_content_paths("yi")]
    paths.append(("search with results [yi]", "/yi/search/?q=repairs"))
    page = page_at_width(width)
    problems = []
    for name, path in paths:
        problems += audit(page, name, path, "yi")
    assert not problems, "\n".join(problems)


# --- progress chart ---------------------------------------------------------------------------
CHART_LABELS = """() => {
    const frame = document.querySelector(".news-chart__frame").getBoundingClientRect();
    return [...document.querySelectorAll(".news-chart__label:not(.news-chart__sizer)")].map(
        (el) => {
            const box = el.getBoundingClientRect();
            return {
                text: el.textContent.trim(),
                kind: el.classList.contains("news-chart__label--date") ? "date" : "value",
                size: parseFloat(getComputedStyle(el).fontSize),
                left: box.left - frame.left,
                right: frame.right - box.right,
                top: box.top,
                bottom: box.bottom,
                width: box.width,
            };
        });
}"""


def _commitment_with_figures(language_code: str) -> str:
    paths = dict(rich_content_paths(language_code))
    name = f"commitment with figures [{language_code}]"
    assert name in paths, f"no {language_code} commitment with figures in the demo"
    return paths[name]


@pytest.mark.parametrize("width", (320, 1280))
@pytest.mark.parametrize("language_code", LANGUAGES)
def test_chart_labels_are_body_size_and_never_clipped(page_at_width, language_code, width):
    page = page_at_width(width)
    page.goto(_commitment_with_figures(language_code))
    labels = page.evaluate(CHART_LABELS)
    dates = [label for label in labels if label["kind"] == "date"]
    assert len(dates) >= 2 and len(labels) - len(dates) >= 2, labels
    for label in labels:
        # GOV.UK body text is 16px on a phone: no label is smaller.
        assert label["size"] >= 16, label
        # Inside the chart, whole (the last date used to lose its last digit).
        assert label["left"] >= -0.5 and label["right"] >= -0.5, label
        assert label["width"] > 0, label
    for first, second in zip(dates, dates[1:], strict=False):
        assert first["left"] + first["width"] <= second["left"], (first, second)
    # The last date label is the target's month and year, in full.
    assert dates[-1]["text"][-4:].isdigit(), dates[-1]


# --- tall scripts -------------------------------------------------------------------------------
# The painted (ink) extent of each caption and the heading after it: baselines found with an
# empty inline-block marker, glyph ascent and descent measured on a canvas in the element's font.
CAPTION_HEADING_GAPS = """() => {
  const canvas = document.createElement("canvas").getContext("2d");
  function baseline(el, atEnd) {
    const marker = document.createElement("span");
    marker.style.cssText = "display:inline-block;width:0;height:0;vertical-align:baseline";
    atEnd ? el.append(marker) : el.prepend(marker);
    const y = marker.getBoundingClientRect().top;
    marker.remove();
    return y;
  }
  function ink(el) {
    const style = getComputedStyle(el);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const m = canvas.measureText(el.textContent.trim());
    return {top: baseline(el, false) - m.actualBoundingBoxAscent,
            bottom: baseline(el, true) + m.actualBoundingBoxDescent};
  }
  const pairs = [];
  for (const caption of document.querySelectorAll("main [class*='govuk-caption-']")) {
    let heading = caption.nextElementSibling;
    if (caption.parentElement.matches("h1, h2")) {
      // A caption inside the heading: compare with the heading's own text after it.
      const rest = document.createElement("span");
      while (caption.nextSibling) rest.append(caption.nextSibling);
      caption.parentElement.append(rest);
      heading = rest;
    }
    if (!heading || !heading.matches("h1, h2, span, [class*='govuk-heading-']")) continue;
    const a = ink(caption), b = ink(heading);
    const text = caption.textContent.trim().slice(0, 30);
    pairs.push({caption: text, gap: Math.round(b.top - a.bottom)});
  }
  return pairs;
}"""


@pytest.mark.parametrize("width", (320, 1280))
@pytest.mark.parametrize("language_code", ("ur", "bn"))
def test_captions_and_headings_do_not_overlap_in_tall_scripts(page_at_width, language_code, width):
    from consultations.models import ConsultationPage
    from news.models import CommitmentPage

    page = page_at_width(width)
    measured = []
    for model in (CommitmentPage, ConsultationPage):
        target = model.objects.live().filter(locale__language_code=language_code).first()
        page.goto(target.get_url())
        assert page.locator("html").get_attribute("lang") == language_code
        measured += [(target.get_url(), pair) for pair in page.evaluate(CAPTION_HEADING_GAPS)]
    assert len(measured) >= 2, measured
    overlapping = [(url, pair) for url, pair in measured if pair["gap"] < 0]
    assert not overlapping, overlapping
