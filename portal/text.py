"""Rules for text that people type into the site's forms, shared by every app.

Two things a resident can send that no field may keep: control characters (a NUL byte cannot be
stored by PostgreSQL at all, and the others are never typed on purpose) and lone surrogates
(half of a character, which cannot be encoded). ``clean_typed_text`` takes them out, so a page
shown again with an error keeps everything else the resident typed; the caller refuses the
answer with ``UNSTORABLE_MESSAGE`` when anything was taken out.

Digits: residents type numbers in their own script (Urdu ``۳``, Bengali ``৩``). Any Unicode
*decimal* digit is a real digit and ``ascii_digits`` turns it into 0-9; superscripts (``²``) and
circled numbers (``①``) are not decimal digits, stay as they are and are refused by whatever
expects a number.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 controls except tab, line feed and carriage return; DEL; C1 controls; lone surrogates.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

UNSTORABLE_MESSAGE = _(
    "Your answer had characters in it that we cannot store, such as control characters. "
    "We have taken them out: check your answer and send it again."
)


def has_unstorable_characters(text: str) -> bool:
    return bool(_UNSTORABLE.search(text))


def clean_typed_text(text: str) -> tuple[str, bool]:
    """``text`` without unstorable characters, and whether any were taken out."""
    cleaned, count = _UNSTORABLE.subn("", text)
    return cleaned, bool(count)


def refuse_unstorable_characters(text: str) -> None:
    """A form field validator: refuses text with control characters or lone surrogates."""
    if isinstance(text, str) and has_unstorable_characters(text):
        raise ValidationError(UNSTORABLE_MESSAGE, code="unstorable")


def ascii_digits(text: str) -> str:
    """``text`` with every Unicode decimal digit (any script) written as 0-9."""
    return "".join(
        str(unicodedata.decimal(char)) if char.isdecimal() and not char.isascii() else char
        for char in text
    )


def is_ascii_number(text: str) -> bool:
    """Only the digits 0-9 (after ``ascii_digits``), at least one."""
    return text.isascii() and text.isdigit()


def guard_text_fields(form) -> None:
    """Give every text field of a Django ``form`` the unstorable-characters rule, in place of
    Django's own NUL check (whose message is not in the site's catalogue)."""
    from django import forms
    from django.core.validators import ProhibitNullCharactersValidator

    for field in form.fields.values():
        if isinstance(field, forms.CharField):
            field.validators = [
                v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
            ]
            field.validators.append(refuse_unstorable_characters)
