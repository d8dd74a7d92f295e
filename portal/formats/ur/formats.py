"""Urdu numbers as Urdu readers in the UK and Pakistan write them: "100,000" (Django has no
Urdu format module, so without this amounts would show ungrouped). Dates keep Django's defaults."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
