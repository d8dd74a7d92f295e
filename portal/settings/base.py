"""Settings shared by every environment.

Every value that differs between machines comes from an environment variable, read here and
nowhere else. Security-relevant values (``SECRET_KEY``, ``ALLOWED_HOSTS``) have no default in
production: ``portal.settings.production`` refuses to start without them. Everything else
defaults to the safe local choice: SQLite, console email, Wagtail's database search backend.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE as CSP_NONCE
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from csp.constants import UNSAFE_INLINE as CSP_UNSAFE_INLINE
from django.conf import global_settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.languages import EXTRA_LANG_INFO

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "consultations",
    "news",
    "panel",
    "search.apps.SearchConfig",
    "portal.alerts",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # First after security: a kept public page skips every layer below (portal/page_cache.py).
    "portal.page_cache.PageCacheMiddleware",
    "portal.headers.PermissionsPolicyMiddleware",
    "portal.headers.PortalCSPMiddleware",
    "portal.headers.PrivateResponseMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.ratelimit.RateLimitMiddleware",
    # After allauth's: staff need a second factor for the admin, idle staff are signed out, and
    # sign-in refusals answer 429 (portal/staff_access.py).
    "portal.staff_access.StaffAccessMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # One read of each cached layout fragment per request (portal/fragments.py).
    "portal.fragments.FragmentMemoMiddleware",
    # The request's Wagtail site from the cached fragments, not a query (portal/routing.py).
    "portal.routing.SiteMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# --- Languages -------------------------------------------------------------------------------
LANG_INFO.update(EXTRA_LANG_INFO)

LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/London"
USE_I18N = True
# GOV.UK-style English dates and numbers; other languages use Django's own locale formats.
FORMAT_MODULE_PATH = ["portal.formats"]
USE_TZ = True

LANGUAGES = [
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("pl", _("Polish")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("bn", _("Bengali")),
    ("ur", _("Urdu")),
    ("yi", _("Yiddish")),
]
# Django's list of right-to-left languages lacks Yiddish.
LANGUAGES_BIDI = [*global_settings.LANGUAGES_BIDI, "yi"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media files ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static_build")))
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

# --- Caches ----------------------------------------------------------------------------------
# "default" is shared by every server process, because rate limits (ours and allauth's) count in
# it: CACHE_BACKEND=redis (the default when REDIS_URL is set; production, CI) or database (the
# default otherwise: a table created by a portal migration). "memory" is per process, for a
# single-process machine only: portal.settings.production refuses it. CACHE_KEY_PREFIX keeps
# several sites, or test runs, on one Redis apart.
# "results" keeps consultation results counted for analysts (a table in the database, so every
# server process shares it; created by a consultations migration). Counting a large consultation
# takes seconds, so the results page shows counts up to CONSULTATION_RESULTS_MAX_AGE seconds old,
# says when they were counted, and offers to count again.
REDIS_URL = env("REDIS_URL")
CACHE_KEY_PREFIX = env("CACHE_KEY_PREFIX", "portal")
CACHE_BACKENDS = {
    "redis": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": CACHE_KEY_PREFIX,
    },
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_shared_cache",
        "KEY_PREFIX": CACHE_KEY_PREFIX,
        # Culling (a third of the table once it is full) would forget rate-limit counters: allow
        # far more entries than a burst of hostile requests creates within one window.
        "OPTIONS": {"MAX_ENTRIES": 200_000},
    },
    "memory": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
CACHE_BACKEND = env("CACHE_BACKEND", "redis" if REDIS_URL else "database")
if CACHE_BACKEND not in CACHE_BACKENDS or (CACHE_BACKEND == "redis" and not REDIS_URL):
    raise ImproperlyConfigured(
        f"CACHE_BACKEND={CACHE_BACKEND} is not one of redis (with REDIS_URL), database, memory."
    )
CACHES = {
    "default": CACHE_BACKENDS[CACHE_BACKEND],
    "results": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "consultation_results_cache",
    },
}
CONSULTATION_RESULTS_MAX_AGE = int(env("CONSULTATION_RESULTS_MAX_AGE", "600"))

# --- Background tasks -------------------------------------------------------------------------
# Work that must not hold up a request (document text extraction, alert emails, and Wagtail's own
# search and reference index updates) runs as django-tasks. TASKS_BACKEND=database queues it in
# the database for `manage.py db_worker` (production's default, and what `make run` starts beside
# the server); "immediate" runs it inside the request (the default elsewhere, and the tests').
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[env("TASKS_BACKEND", "immediate")]}}

# --- HTTP caching and purging ----------------------------------------------------------------
# Anonymous GETs of public pages, feeds, calendars and the sitemap are sent cacheable by a shared
# cache (portal.headers): browsers keep them PUBLIC_CACHE_MAX_AGE seconds, the caching proxy or CDN
# PUBLIC_CACHE_S_MAXAGE, and may serve a stale copy for PUBLIC_CACHE_STALE_WHILE_REVALIDATE more
# while it fetches a fresh one. A change is purged from the proxy after it commits
# (portal.frontend_cache), so the long shared lifetime does not mean stale content: what it bounds
# is what no purge covers (an event passing, a consultation closing at its time).
PUBLIC_CACHE_MAX_AGE = int(env("PUBLIC_CACHE_MAX_AGE", "60"))
PUBLIC_CACHE_S_MAXAGE = int(env("PUBLIC_CACHE_S_MAXAGE", "600"))
PUBLIC_CACHE_STALE_WHILE_REVALIDATE = int(env("PUBLIC_CACHE_STALE_WHILE_REVALIDATE", "60"))

# The app keeps its own copy of those pages in the shared cache for PUBLIC_CACHE_MAX_AGE seconds
# (portal.page_cache), dropped on the same changes that purge the proxy; PORTAL_PAGE_CACHE=false
# renders every request.
PORTAL_PAGE_CACHE = env_bool("PORTAL_PAGE_CACHE", True)

# Where purges go: FRONTEND_CACHE_URL names the Varnish (deploy/varnish/default.vcl) the app may
# send PURGE and BAN to; or Cloudflare (CLOUDFLARE_BEARER_TOKEN, CLOUDFLARE_ZONE_ID) or CloudFront
# (CLOUDFRONT_DISTRIBUTION_ID, with AWS credentials from the environment). None set: no purging.
FRONTEND_CACHE_URL = env("FRONTEND_CACHE_URL")
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "portal.frontend_cache.VarnishBackend",
        "LOCATION": FRONTEND_CACHE_URL,
    }
if env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
if env("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }
# portal.frontend_cache lists every translation's own URL (slugs differ between languages), so
# Wagtail's rewriting of each URL into every language prefix is turned off.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# --- Environment -----------------------------------------------------------------------------
# Production refuses a console/in-memory/file/dummy email backend and a per-process cache; a staging
# or demo machine that runs the production settings says PORTAL_NON_PRODUCTION=true to allow them.
PORTAL_NON_PRODUCTION = env_bool("PORTAL_NON_PRODUCTION", False)

# --- Email -----------------------------------------------------------------------------------
# GOV.UK Notify (portal.notify) instead of SMTP when NOTIFY_API_KEY is set. It sends through the
# service's template NOTIFY_EMAIL_TEMPLATE_ID, whose subject must be ((subject)) and body ((body));
# NOTIFY_EMAIL_REPLY_TO_ID picks one of the service's reply-to addresses (default: none), and
# NOTIFY_BASE_URL points the client elsewhere (default: the client's, Notify itself).
NOTIFY_EMAIL_BACKEND = "portal.notify.NotifyEmailBackend"
NOTIFY_API_KEY = env("NOTIFY_API_KEY")
NOTIFY_EMAIL_TEMPLATE_ID = env("NOTIFY_EMAIL_TEMPLATE_ID")
NOTIFY_EMAIL_REPLY_TO_ID = env("NOTIFY_EMAIL_REPLY_TO_ID")
NOTIFY_BASE_URL = env("NOTIFY_BASE_URL")
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    NOTIFY_EMAIL_BACKEND if NOTIFY_API_KEY else "django.core.mail.backends.console.EmailBackend",
)
if EMAIL_BACKEND == NOTIFY_EMAIL_BACKEND and not NOTIFY_API_KEY:
    raise ImproperlyConfigured(f"EMAIL_BACKEND={EMAIL_BACKEND} needs NOTIFY_API_KEY set.")
if NOTIFY_API_KEY and not NOTIFY_EMAIL_TEMPLATE_ID:
    raise ImproperlyConfigured(
        "NOTIFY_API_KEY is set but NOTIFY_EMAIL_TEMPLATE_ID is not: GOV.UK Notify sends email "
        "through a template. Give the id of one whose subject is ((subject)) and body ((body))."
    )
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Housing engagement <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Email alerts (portal.alerts) -----------------------------------------------------------
# Emails per SMTP connection, and the most sent per second (0: as fast as the server takes them).
ALERTS_BATCH_SIZE = int(env("ALERTS_BATCH_SIZE", "200"))
ALERTS_SEND_RATE = float(env("ALERTS_SEND_RATE", "10"))
# A failed send is tried again after ALERTS_RETRY_SECONDS, doubling each time, then recorded as
# failed after ALERTS_MAX_ATTEMPTS attempts.
ALERTS_MAX_ATTEMPTS = int(env("ALERTS_MAX_ATTEMPTS", "5"))
ALERTS_RETRY_SECONDS = int(env("ALERTS_RETRY_SECONDS", "60"))
# A worker's claim on a batch lapses after this long (a killed worker's unsent claims are freed).
ALERTS_CLAIM_LEASE_SECONDS = int(env("ALERTS_CLAIM_LEASE_SECONDS", "600"))
# Unconfirmed requests expire after ALERTS_CONFIRM_DAYS; links in emails after the others.
ALERTS_CONFIRM_DAYS = 7
ALERTS_LINK_DAYS = int(env("ALERTS_LINK_DAYS", "90"))
ALERTS_UNSUBSCRIBE_LINK_DAYS = int(env("ALERTS_UNSUBSCRIBE_LINK_DAYS", "365"))
# An unsubscribed address is deleted this many days later (kept briefly to undo a mistake).
ALERTS_UNSUBSCRIBED_RETENTION_DAYS = int(env("ALERTS_UNSUBSCRIBED_RETENTION_DAYS", "30"))
# How long before a consultation closes its followers are told it is closing soon.
ALERTS_CLOSING_SOON_DAYS = int(env("ALERTS_CLOSING_SOON_DAYS", "7"))

# --- Search ----------------------------------------------------------------------------------
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # Wagtail's Elasticsearch 8 backend with one analyser per content language, each
            # folding accents (search/elasticsearch.py explains how the site search uses it).
            "BACKEND": "search.elasticsearch_backend",
            "URLS": [ELASTICSEARCH_URL],
            # Indexes are named <prefix><app>_<model>: housing_portal__site_search_searchentry.
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX", "housing_portal") + "__",
            "TIMEOUT": 5,
            "OPTIONS": {},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Housing engagement portal"
# No Gravatar: staff avatars would send a hash of each staff email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # documents go through Wagtail so privacy rules apply
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English")]
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILLOCALIZE_ENABLE_MACHINE_TRANSLATION = False
# "Translate this page" makes a draft, never a live copy: a translation goes live only complete
# and approved like any page (portal.translation_workflow).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Accounts (residents, via django-allauth) ------------------------------------------------
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# The client's address, for allauth's limits and ours (portal.ratelimit.client_ip): the number of
# proxies of ours in front of the app that append to X-Forwarded-For. 0 (the default) trusts no
# header at all and uses the connection's address; behind the council's TLS proxy set it to 1,
# or every resident shares the proxy's address.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# Sign-in limits, per account ("key": the email address, or the account for second-factor codes)
# and per client IP. The IP is the one the trusted proxy saw (ALLAUTH_TRUSTED_PROXY_COUNT), so
# residents behind one proxy are counted apart; a household or library sharing one address still
# gets 30 failed attempts between them while each account stops at 5. Failed second-factor codes
# count under "login_failed" too (allauth keys them per account). The cache must be shared by
# every server process (see CACHES). A refusal answers 429 with a translated message.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "30/10m/ip,5/5m/key",
    "signup": "20/10m/ip",
    "reset_password": "20/m/ip,3/15m/key",
    "reset_password_from_key": "20/m/ip",
    "request_login_code": "20/m/ip,3/5m/key",
    "reauthenticate": "10/m/user",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# Residents often use shared computers (libraries, family phones): sessions end with the browser.
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_USER_DISPLAY = "portal.accounts.user_display"
# Our wording for every message and label, in our own catalogue (see portal/accounts.py).
ACCOUNT_ADAPTER = "portal.accounts.PortalAccountAdapter"
ACCOUNT_FORMS = {
    "login": "portal.accounts.LoginForm",
    "signup": "portal.accounts.SignupForm",
    "add_email": "portal.accounts.AddEmailForm",
    "change_password": "portal.accounts.ChangePasswordForm",
    "set_password": "portal.accounts.SetPasswordForm",
    "reset_password": "portal.accounts.ResetPasswordForm",
    "reset_password_from_key": "portal.accounts.ResetPasswordKeyForm",
    "request_login_code": "portal.accounts.RequestLoginCodeForm",
    "confirm_login_code": "portal.accounts.ConfirmLoginCodeForm",
    "reauthenticate": "portal.accounts.ReauthenticateForm",
}
LOGIN_REDIRECT_URL = "account_profile"
LOGIN_URL = "account_login"
# Private pages (panel papers) send visitors to the residents' sign-in, not Wagtail's bare form.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL

# --- Rate limits on residents' forms (portal.ratelimit; sign-in ones are ACCOUNT_RATE_LIMITS) -----
# "count/period/key[,...]": period as s, m, h or d with an optional number ("10m"); key "ip" (the
# client address above) or "email" (the address the form names, hashed in the cache). Each is
# far above what one household needs and well below what a script sends.
PORTAL_RATE_LIMITS = {
    # "Save for later" resume links: one inbox cannot be flooded, one connection cannot mail many.
    "resume_email": "3/h/email,10/h/ip",
    # Event replies: per connection, and per email address across every event.
    "rsvp": "10/h/ip,5/h/email",
    # Sending a consultation response (the "check your answers" POST).
    "response": "30/h/ip,100/d/ip",
    # Starting a new draft response (each costs a database row and a session).
    "draft": "30/h/ip,200/d/ip",
    # Email alert sign-ups and "email me a link to manage my alerts" (each sends an email).
    "alert_subscribe": "3/h/email,10/h/ip",
}
# --- Staff sign-in: one sign-in (allauth's) with a mandatory second factor ------------------
# /admin/login/ sends staff to allauth's sign-in; portal.staff_access keeps every admin URL
# closed to an account that can reach the admin until it has enrolled a second factor and
# passed it in this session. Resetting a lost factor: `manage.py reset_second_factor`.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", "Housing engagement portal")
MFA_ADAPTER = "portal.accounts.PortalMFAAdapter"
MFA_FORMS = {
    "authenticate": "portal.accounts.AuthenticateForm",
    "reauthenticate": "portal.accounts.ReauthenticateMFAForm",
    "activate_totp": "portal.accounts.ActivateTOTPForm",
    "add_webauthn": "portal.accounts.AddWebAuthnForm",
    "edit_webauthn": "portal.accounts.EditWebAuthnForm",
}
# Passkeys need a secure (HTTPS) origin; portal.settings.dev allows plain-HTTP 127.0.0.1.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False
# Staff sessions end when the browser closes and after this many minutes without a request.
STAFF_SESSION_IDLE_MINUTES = int(env("STAFF_SESSION_IDLE_MINUTES", "30"))
# Wagtail's own password reset would be a second way in beside allauth's.
WAGTAIL_PASSWORD_RESET_ENABLED = False

# --- Security defaults that hold everywhere --------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
# Messages live in the server-side session, never in a cookie: a message may name a resident.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# --- Respondents' privacy (see consultations/respondent_session.py) ---------------------------
# An anonymous respondent's session ends when the browser closes and after this many minutes
# without a step of the responding journey (shared computers in libraries and family phones).
# Signed-in residents keep the session their sign-in gave them.
RESPONDENT_SESSION_IDLE_MINUTES = int(env("RESPONDENT_SESSION_IDLE_MINUTES", "30"))
# apply_retention deletes an anonymous draft this many days after its last change (its emailed
# resume link stops working then too); every draft goes when its consultation closes.
ANONYMOUS_DRAFT_RETENTION_DAYS = int(env("ANONYMOUS_DRAFT_RETENTION_DAYS", "28"))
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Responses that carry personal data or a per-visitor form are sent `no-store, private`
# (portal.headers.PrivateResponseMiddleware). Beside the rules that need no list (signed-in
# visitors, any page with a CSRF token, the admin, account URLs, private pages and documents),
# these route names are private wherever they appear: Wagtail page routes (a consultation's
# responding steps, an event's replies) and URL names.
PORTAL_PRIVATE_ROUTES = [
    # consultations: every step of responding, including the confirmation with the reference
    "respond",
    "responding_as",
    "respond_section",
    "your_details",
    "check",
    "confirmation",
    "save_for_later",
    "resume",
    # news: an event's replies
    "rsvp",
    "rsvp_confirmation",
    "rsvp_cancel",
]

# Content-Security-Policy (django-csp). Scripts run only from our own origin or with the
# request's nonce; nothing inline without it, no eval. Images, media and documents are served
# from our own origin (MEDIA_URL); if they move to object storage, add its origin here.
_CSP_SITE = {
    "default-src": [CSP_SELF],
    "script-src": [CSP_SELF, CSP_NONCE],
    "style-src": [CSP_SELF, CSP_NONCE],
    # data: for the authenticator-app QR code allauth draws on the second-factor set-up page.
    "img-src": [CSP_SELF, "data:"],
    "media-src": [CSP_SELF],
    "font-src": [CSP_SELF],
    "connect-src": [CSP_SELF],
    "object-src": [CSP_NONE],
    "base-uri": [CSP_SELF],
    "form-action": [CSP_SELF],
    "frame-ancestors": [CSP_NONE],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_SITE}
# The admin keeps the site's rule for scripts (ours and Wagtail's inline ones carry the nonce:
# see templates/wagtailadmin/). It differs where Wagtail's editor needs more:
# - style-src 'unsafe-inline': Wagtail's templates and its React editors (Draftail, the
#   StreamField and image focal point widgets) set style attributes, which a nonce cannot cover;
#   styles cannot run code, and the admin is for signed-in staff only;
# - img-src data: and blob: for icons drawn as data URLs and the preview of an image being
#   uploaded;
# - frame-src 'self' and frame-ancestors 'self' for the live preview panel, which shows the
#   page being edited in an iframe of the admin.
PORTAL_ADMIN_CSP = {
    "DIRECTIVES": {
        **_CSP_SITE,
        "style-src": [CSP_SELF, CSP_UNSAFE_INLINE],
        "img-src": [CSP_SELF, "data:", "blob:"],
        "frame-src": [CSP_SELF],
        "frame-ancestors": [CSP_SELF],
    }
}

# Browser features the portal never uses are switched off for every page and anything it frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# Passkeys (WebAuthn, for staff's second factor) are created and used on our own pages only.
PERMISSIONS_POLICY["publickey-credentials-create"] = ["self"]
PERMISSIONS_POLICY["publickey-credentials-get"] = ["self"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# Service identity shown in the header; the council's name is a site setting in the admin.
PORTAL_SERVICE_NAME = _("Housing engagement")
