"""Extension points through which feature apps put content on site-wide pages.

``portal`` never imports a feature app. Instead each app registers, from its ``AppConfig.ready``:

* home page sections: a template and a function that builds its context from the request and
  the home page (``register_home_section``);
* what residents can follow by email, and what a published item says
  (``register_alert_source``, used by ``portal.alerts``).

Both are kept in registration order sorted by ``order``, so the layout is deterministic.
"""

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings


@dataclass(frozen=True)
class HomeSection:
    name: str
    template: str
    get_context: Callable[..., dict[str, Any]]
    order: int = 100


_home_sections: dict[str, HomeSection] = {}


def register_home_section(
    *, name: str, template: str, get_context: Callable[..., dict[str, Any]], order: int = 100
) -> None:
    """Show ``template`` on the home page; ``get_context(request=..., page=...)`` fills it."""
    _home_sections[name] = HomeSection(name, template, get_context, order)


def home_sections() -> list[HomeSection]:
    return sorted(_home_sections.values(), key=lambda s: (s.order, s.name))


@dataclass(frozen=True)
class DemoGenerator:
    name: str
    generate: Callable[..., Any]
    order: int = 100


def demo_generators() -> list[DemoGenerator]:
    """Every project app's demo generator, for ``load_demo_content`` only.

    Demo content is not registered at start-up, so production never imports it: an app with
    demo content has a ``<app>.demo`` package whose ``generate(home=..., rng=..., options=...,
    stdout=...)`` makes it, named ``DEMO_NAME`` and run in ``DEMO_ORDER`` (lowest first). The
    packages are found here, among ``INSTALLED_APPS`` inside the project, when the command runs.
    Generators must be idempotent: running the command twice leaves one copy of everything.
    """
    project = Path(settings.BASE_DIR).resolve()
    generators = []
    for app in apps.get_app_configs():
        path = Path(app.path).resolve()
        if not path.is_relative_to(project) or "site-packages" in path.parts:
            continue
        name = f"{app.name}.demo"
        if importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        if hasattr(module, "generate"):
            generators.append(
                DemoGenerator(module.DEMO_NAME, module.generate, getattr(module, "DEMO_ORDER", 100))
            )
    return sorted(generators, key=lambda g: (g.order, g.name))


# --- Email alerts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertTopic:
    """Something a resident can follow: ``key`` is stable (stored with each subscription)."""

    key: str
    label: Any


@dataclass(frozen=True)
class AlertItem:
    """One thing worth an email: ``key`` is unique site-wide and the same in every language and
    on every republish (so each subscriber hears about it once); ``topics`` are the topic keys
    whose followers hear about it; ``page_id`` is any language's copy of the page."""

    key: str
    topics: tuple[str, ...]
    page_id: int
    reason: str = "published"


@dataclass(frozen=True)
class AlertMessage:
    """What an email says about an item, in the active language: a headline (what happened),
    the page's title and summary, facts such as date, time and place as (label, value) pairs,
    and the page's full URL in that language."""

    headline: str
    title: str
    summary: str
    url: str
    facts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class AlertSource:
    """A feature app's alerts.

    * ``topics()``: the topics residents can choose, in display order;
    * ``items_for_page(page)``: the items a just-published, public page announces (often none);
    * ``due_items(now)``: items that come due with time, not with publishing (a consultation
      closing soon), found by ``manage.py queue_due_alerts``;
    * ``message(page, reason)``: what the email says, ``page`` being the subscriber's language's
      copy, called with that language active;
    * ``follow_topics(obj, **hints)``: the topics a "get email alerts" link on ``obj``'s page
      preselects (a consultation page: that consultation), or none if ``obj`` is not its kind.
    """

    name: str
    label: Any
    topics: Callable[[], list[AlertTopic]]
    items_for_page: Callable[..., list[AlertItem]]
    message: Callable[..., AlertMessage]
    due_items: Callable[..., list[AlertItem]] = lambda now: []
    follow_topics: Callable[..., list[str]] = lambda obj, **hints: []
    order: int = 100


_alert_sources: dict[str, AlertSource] = {}


def register_alert_source(source: AlertSource) -> None:
    _alert_sources[source.name] = source


def alert_sources() -> list[AlertSource]:
    return sorted(_alert_sources.values(), key=lambda s: (s.order, s.name))


def alert_source(name: str) -> AlertSource | None:
    return _alert_sources.get(name)


def follow_topics(obj, **hints) -> list[str]:
    """Every source's topics for ``obj`` (see ``AlertSource.follow_topics``)."""
    return [key for source in alert_sources() for key in source.follow_topics(obj, **hints)]
