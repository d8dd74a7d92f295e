"""Extension points through which feature apps put content on site-wide pages.

``portal`` never imports a feature app. Instead each app registers, from its ``AppConfig.ready``:

* home page sections: a template and a function that builds its context from the request and
  the home page (``register_home_section``);
* demo content generators run by ``load_demo_content`` (``register_demo_generator``).

Both are kept in registration order sorted by ``order``, so the layout is deterministic.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class HomeSection:
    name: str
    template: str
    get_context: Callable[..., dict[str, Any]]
    order: int = 100


@dataclass(frozen=True)
class DemoGenerator:
    name: str
    generate: Callable[..., Any]
    order: int = 100


_home_sections: dict[str, HomeSection] = {}
_demo_generators: dict[str, DemoGenerator] = {}


def register_home_section(
    *, name: str, template: str, get_context: Callable[..., dict[str, Any]], order: int = 100
) -> None:
    """Show ``template`` on the home page; ``get_context(request=..., page=...)`` fills it."""
    _home_sections[name] = HomeSection(name, template, get_context, order)


def home_sections() -> list[HomeSection]:
    return sorted(_home_sections.values(), key=lambda s: (s.order, s.name))


def register_demo_generator(*, name: str, generate: Callable[..., Any], order: int = 100) -> None:
    """Run ``generate(home=..., rng=..., options=..., stdout=...)`` in ``load_demo_content``.

    Generators must be idempotent: running the command twice leaves one copy of everything.
    """
    _demo_generators[name] = DemoGenerator(name, generate, order)


def demo_generators() -> list[DemoGenerator]:
    return sorted(_demo_generators.values(), key=lambda g: (g.order, g.name))
