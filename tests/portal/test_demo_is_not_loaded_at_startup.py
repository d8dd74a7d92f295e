"""Demo content is code production never runs: starting the site must not import it."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from portal.registry import demo_generators

# Start Django as a server does (settings, apps, URLs, Wagtail hooks), then list what is loaded.
STARTUP = """
import json, sys
import django
django.setup()
from django.urls import get_resolver
from wagtail import hooks
get_resolver().url_patterns
hooks.search_for_hooks()
print(json.dumps(sorted(m for m in sys.modules if m.endswith(".demo") or ".demo." in m)))
"""


def test_starting_the_site_imports_no_demo_module():
    result = subprocess.run(  # noqa: S603 - our own interpreter running a fixed script
        [sys.executable, "-c", STARTUP],
        cwd=Path(settings.BASE_DIR),
        env={**os.environ, "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"]},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(result.stdout.splitlines()[-1]) == []


def test_the_demo_command_finds_every_apps_generator_in_order():
    assert [(g.name, g.order) for g in demo_generators()] == [
        ("news", 20),
        ("consultations", 50),
        ("Housing Advisory Panel", 80),
        ("search", 90),
    ]
