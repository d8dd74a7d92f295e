"""Local development: debug on, a fixed throwaway key, local hosts only."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-not-for-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Passkeys on plain-HTTP http://127.0.0.1:8000 (production is HTTPS-only).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
