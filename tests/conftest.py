"""Fixtures shared by every app's tests: locales, a site whose root is a HomePage, and the demo
site (loaded once per run, for the tests that check the demo or use it as realistic data).

Every property-based test (Hypothesis), in tests/fuzz and beside the code it tests, runs under
one profile chosen by ``HYPOTHESIS_PROFILE``: ``ci`` (bounded and repeatable, the default, used
by ``make test``) or ``fuzz`` (many more examples, ``make fuzz``). A test sets no
``max_examples`` of its own, so the profile bounds it.
"""

import os

import pytest
from django.test import Client
from hypothesis import HealthCheck, settings
from wagtail.models import Locale, Page, Site

from portal.locales import ensure_locales
from portal.models import HomePage

_HYPOTHESIS_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    "print_blob": True,
}
settings.register_profile("ci", max_examples=100, derandomize=True, **_HYPOTHESIS_COMMON)
settings.register_profile("fuzz", max_examples=2000, **_HYPOTHESIS_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The demo every demo test reads: what `make run` loads, with enough responses for the analysts'
# tools to have something to group and suggest.
DEMO_ARGS = ("--responses", "40", "--seed", "7")


def pytest_collection_modifyitems(items):
    """Tests on the demo run last (the order is otherwise pytest-django's: plain database tests,
    then transactional ones). The demo is committed to the test database once, for all of them;
    a transactional test empties the database after itself, so none may run after the demo is
    loaded, and no test that expects an empty site may see it."""
    items.sort(key=lambda item: "demo_content" in getattr(item, "fixturenames", ()))


def _demo_is_loaded() -> bool:
    return HomePage.objects.filter(locale__language_code="ur").exists()


@pytest.fixture(scope="session")
def _demo_committed(django_db_setup, django_db_blocker):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    with django_db_blocker.unblock():
        # Transactional tests run before this and empty the database after themselves, some
        # without the post-migrate step (serialized rollback), leaving permissions missing and
        # cached content type ids stale. Start from a known state: flush (content types,
        # permissions and roles made again), forget cached ids, then load the demo, which makes
        # Wagtail's tree root again.
        call_command("flush", interactive=False, verbosity=0)
        ContentType.objects.clear_cache()
        call_command("load_demo_content", *DEMO_ARGS, verbosity=0)


@pytest.fixture
def demo_content(_demo_committed, db):
    """The demo site, in every language, as ``load_demo_content`` leaves it (``DEMO_ARGS``).

    Loading it takes minutes, so it is loaded once per run and committed; each test still runs
    in a transaction that is rolled back, so what a test changes is gone for the next one.
    """
    assert _demo_is_loaded(), "the shared demo is gone: did a transactional test run after it?"


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in ensure_locales()}


@pytest.fixture
def home_page(locales) -> HomePage:
    """The English home page as the default site's root (replacing Wagtail's welcome page)."""
    root = Page.get_first_root_node()
    for placeholder in root.get_children().filter(slug="home"):
        placeholder.slug = f"placeholder-{placeholder.pk}"
        placeholder.save(update_fields=["slug"])
    home = root.add_child(
        instance=HomePage(title="Housing engagement", slug="home", locale=locales["en"])
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Portal"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).exclude(
        locale__in=[loc for code, loc in locales.items() if code != "en"]
    ).delete()
    return home


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd) that Django sends to; ``smtp.messages`` holds what arrived."""
    from tests.smtp import serve

    mailbox, controller = serve(settings)
    yield mailbox
    controller.stop()


@pytest.fixture
def smtp_down(settings):
    """Django's email settings point at an SMTP port nothing listens on (the relay is down)."""
    from tests.smtp import point_at_nothing

    point_at_nothing(settings)


def _clear_this_runs_keys(self):
    """``RedisCache.clear`` for tests: deletes this run's keys (its KEY_PREFIX) only.

    Django's own ``clear`` empties the whole Redis database, which the three suites `make test`
    runs at once share: one suite's clear would wipe another's rate-limit counts mid-test.
    """
    client = self._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture(scope="session", autouse=True)
def _redis_clear_is_scoped_to_this_run():
    from django.core.cache.backends.redis import RedisCache

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RedisCache, "clear", _clear_this_runs_keys)
        yield


@pytest.fixture(autouse=True)
def _fresh_default_cache():
    """Every test starts with empty rate-limit counts and cached values (on Redis, only this
    run's: see ``_clear_this_runs_keys``)."""
    from django.core.cache import cache

    cache.clear()
    yield


class StaffReadyClient(Client):
    """Django's test client whose ``force_login`` also gets a staff account past the second
    factor, the way a real sign-in would: an authenticator app is enrolled for the account if
    it has none, and the session records a passed ``mfa`` authentication through allauth's own
    ``record_authentication``. Accounts that cannot reach the admin are signed in unchanged.

    Tests of the second factor itself use ``django.test.Client`` directly.
    """

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        from allauth.account.internal.flows.login import record_authentication
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
        from django.http import HttpRequest

        from portal.staff_access import can_reach_admin, has_second_factor

        if not can_reach_admin(user):
            return
        if not has_second_factor(user):
            TOTP.activate(user, generate_totp_secret())
        request = HttpRequest()
        request.session = self.session
        record_authentication(request, user, "mfa", type="totp")
        request.session.save()


@pytest.fixture
def client():
    return StaffReadyClient()


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's superuser client, past the second factor like every staff client here."""
    client = StaffReadyClient()
    client.force_login(admin_user)
    return client
