"""The panel's section on the home page: the next meeting and a link to the panel."""

from panel import selectors


def home_section_context(*, request, page) -> dict:
    panel = selectors.panel_for_home(home=page)
    if panel is None:
        return {"panel": None}
    return {"panel": panel, "next_meeting": selectors.next_meeting(panel=panel)}
