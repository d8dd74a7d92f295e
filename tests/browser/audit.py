"""Accessibility and HTML audits shared by every app's browser tests.

* ``assert_no_axe_violations(page)`` runs axe-core (from node_modules) with the WCAG 2.2 A and
  AA rules in the page Playwright is showing.
* ``validate_html({name: html})`` runs the Nu Html Checker (vnu-jar) once over many documents
  and fails with every error, named by document, line and message.
* ``page_type_urls()`` lists one live, public URL per page type per locale, read from the
  database, so every page type an app adds (with demo content) is audited without a new test.
* ``fetch(page, url)`` returns the status and the HTML exactly as the server sent it (the
  checker must see the server's markup, not the DOM after scripts ran).
"""

from __future__ import annotations

import functools
import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> list[dict]:
    """Run axe-core in ``page`` with the WCAG 2.2 A/AA rules and return its violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated by the browser's debugging protocol, in the page's global scope: not a
        # <script> element (page.content() stays the page's own markup, callers may validate it)
        # and not eval() in the page, which its Content-Security-Policy forbids.
        page.evaluate(_axe_source() + "\n;undefined")
    result = page.evaluate(
        """async (tags) => await window.axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    return result["violations"]


@functools.cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


def format_violations(violations: list[dict], context: str = "") -> str:
    lines = [
        f"axe-core found {len(violations)} WCAG violation(s){' on ' + context if context else ''}:"
    ]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'no impact'}): {violation['help']}"
        )
        for node in violation["nodes"][:10]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def assert_no_axe_violations(page, context: str = "") -> None:
    """Fail with each violation's id, impact, help text and target selectors."""
    violations = axe_violations(page)
    assert not violations, format_violations(violations, context or page.url)


@dataclass(frozen=True)
class HtmlError:
    document: str
    line: int | None
    column: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        where = f"{self.document}:{self.line}" if self.line else self.document
        if self.column:
            where += f":{self.column}"
        extract = " ".join(self.extract.split())[:160]
        return f"{where}: {self.message}" + (f"\n    {extract}" if extract else "")


def html_errors(documents: dict[str, str]) -> list[HtmlError]:
    """Check every document with one run of the Nu Html Checker; return its errors."""
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="vnu-") as tmp:
        names_by_file = {}
        for index, (name, html) in enumerate(documents.items()):
            file_name = f"document-{index:04d}.html"
            (Path(tmp) / file_name).write_text(html, encoding="utf-8")
            names_by_file[file_name] = name
        completed = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
            + [str(Path(tmp) / file_name) for file_name in names_by_file],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    # vnu writes its report to stderr; exit status 1 only means "errors found".
    report = completed.stderr.strip() or completed.stdout.strip()
    try:
        messages = json.loads(report)["messages"]
    except (ValueError, KeyError) as exc:
        raise AssertionError(f"The Nu Html Checker did not report JSON: {report[:2000]}") from exc
    return [
        HtmlError(
            document=names_by_file.get(message.get("url", "").rsplit("/", 1)[-1], "(checker)"),
            line=message.get("lastLine"),
            column=message.get("firstColumn"),
            message=message.get("message", ""),
            extract=message.get("extract", ""),
        )
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]


def validate_html(documents: dict[str, str]) -> None:
    """Assert the Nu Html Checker finds no errors in any of ``documents`` ({name: html})."""
    errors = html_errors(documents)
    assert not errors, f"The Nu Html Checker found {len(errors)} error(s):\n" + "\n".join(
        str(error) for error in errors
    )


def fetch(page, url: str) -> tuple[int, str]:
    """GET ``url`` with the page's browser context (same cookies); return status and raw HTML."""
    response = page.request.get(url, fail_on_status_code=False)
    return response.status, response.text()


@dataclass(frozen=True)
class PageTypeUrl:
    page_type: str  # "app_label.modelname"
    language_code: str
    path: str
    title: str

    @property
    def name(self) -> str:
        return f"{self.page_type} [{self.language_code}] {self.path}"


def page_type_urls(language_codes: tuple[str, ...] = ("en", "ur")) -> list[PageTypeUrl]:
    """One live page visible to anonymous visitors per page type per language.

    Reads the database the live server uses, so call it after demo content is loaded. Pages
    behind view restrictions (private panel papers) and pages outside any site are left out.
    The first page in tree order is chosen, so the result is deterministic.
    """
    from wagtail.models import Page

    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, locale__language_code__in=language_codes)
        .select_related("content_type", "locale")
        .order_by("path")
    )
    chosen: dict[tuple[str, str], PageTypeUrl] = {}
    for page in pages:
        page_type = f"{page.content_type.app_label}.{page.content_type.model}"
        key = (page_type, page.locale.language_code)
        if key in chosen:
            continue
        path = page.get_url()
        if path:
            chosen[key] = PageTypeUrl(page_type, page.locale.language_code, path, page.title)
    return sorted(chosen.values(), key=lambda item: (item.language_code, item.page_type))
