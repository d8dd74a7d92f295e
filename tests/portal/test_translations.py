"""Every interface string is translated for every language, with nothing left fuzzy."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(code):
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                problems.append(f"missing plural: {entry.msgid!r}")
        elif not entry.msgstr:
            problems.append(f"missing: {entry.msgid!r}")
    assert not problems, f"{code}: {len(problems)} untranslated entries:\n" + "\n".join(problems)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_header_says_translations_await_professional_review(code):
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    assert po.metadata.get("X-Translation-Status") == "awaiting-professional-review"
