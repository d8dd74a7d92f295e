"""Bengali numbers grouped in lakhs and crores, as Bengali is written: "1,00,000" (Django's
Bengali module leaves the grouping unset, so amounts would show ungrouped). Other formats come
from Django's own Bengali module."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
# The last three digits, then pairs: 1,00,00,000.
NUMBER_GROUPING = (3, 2, 0)
