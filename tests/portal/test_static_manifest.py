"""The production static files pipeline: ``collectstatic`` with the production storage (hashed,
compressed names in a manifest) succeeds, and a page served with that manifest links files that
exist and are served. The README's production steps stopped at ``collectstatic`` once because
the CSS pointed at an image nobody shipped; this keeps that from coming back."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from portal.settings import base as base_settings


@pytest.fixture
def collected(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = base_settings.STORAGES
    call_command("collectstatic", "--noinput", verbosity=0)
    return tmp_path


@pytest.mark.django_db
def test_a_page_served_with_the_manifest_links_hashed_files_that_exist(collected, home_page):
    response = Client().get(home_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    stylesheet = re.search(r'<link rel="stylesheet" href="/static/([^"]+)"', html).group(1)
    script = re.search(r'<script type="module"[^>]* src="/static/([^"]+)"', html).group(1)
    for name in (stylesheet, script):
        assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", name), f"{name} is not a hashed name"
        assert (collected / name).is_file()
        served = Client().get(f"/static/{name}")
        assert served.status_code == 200
        assert "immutable" in served.headers["Cache-Control"]


def test_the_stylesheet_references_only_files_that_were_collected(collected):
    manifest_css = next((collected / "build").glob("portal.*.css"))
    for url in re.findall(r"url\(([^)]+)\)", manifest_css.read_text()):
        url = url.strip("\"'")
        if url.startswith("data:"):
            continue
        assert url.startswith(settings.STATIC_URL), url
        assert (collected / url.removeprefix(settings.STATIC_URL)).is_file(), url
