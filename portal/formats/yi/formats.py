"""Yiddish numbers grouped in thousands: "100,000" (Django has no Yiddish format module)."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
