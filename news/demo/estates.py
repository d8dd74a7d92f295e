"""The demo's estates: the one list every app's demo content uses (real Hackney estates)."""

from news.models import Estate

# (name, ward, postcode area, description). The events, consultations and answers that name an
# estate all look it up here.
ESTATES = [
    ("Kings Crescent", "Brownswood", "N4", "Low-rise blocks around a new green."),
    ("Pembury", "Hackney Downs", "E8", "A 1930s estate of five-storey blocks off Dalston Lane."),
    ("Nightingale", "Hackney Downs", "E5", "Towers and low-rise homes beside Hackney Downs."),
    ("Woodberry Down", "Woodberry Down", "N4", "Homes by the reservoirs, mid-renewal."),
    ("Frampton Park", "Well Street Common", "E9", "Mid-century blocks around a central garden."),
]


def ensure_estates() -> dict[str, Estate]:
    """Every demo estate, created or updated, by name (in the order listed)."""
    estates = {}
    for name, ward, postcode_area, description in ESTATES:
        estates[name], _created = Estate.objects.update_or_create(
            name=name,
            defaults={"ward": ward, "postcode_area": postcode_area, "description": description},
        )
    return estates
