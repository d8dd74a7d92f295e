"""The news section's home page sections: plan at a glance, latest updates, next events.

Registered with ``portal.registry.register_home_section`` from ``NewsConfig.ready``; each
builds its context for the home page's locale with a fixed number of queries.
"""

from news import selectors


def plan_at_a_glance(*, request, page) -> dict:
    plan = selectors.plan_for_locale(page.locale)
    summaries = selectors.plan_commitments(plan=plan) if plan else []
    return {"plan": plan, "summaries": summaries}


def latest_updates(*, request, page) -> dict:
    return {
        "index": selectors.update_index_for_locale(page.locale),
        "updates": selectors.latest_updates(locale=page.locale, limit=3),
    }


def next_events(*, request, page) -> dict:
    index = selectors.event_index_for_locale(page.locale)
    events = list(selectors.events_queryset(index=index)[:3]) if index else []
    return {"index": index, "events": events}
