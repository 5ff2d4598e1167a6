"""Django settings, all from the environment (twelve-factor); safe defaults for a laptop.

Development (the default): DEBUG on, embedded SQLite under ./var, a throwaway secret key.
Production (SAFEPASSAGE_ENV=production): every secret must come from the environment.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PRODUCTION = os.environ.get("SAFEPASSAGE_ENV", "development") == "production"
DATA_DIR = Path(os.environ.get("SAFEPASSAGE_DATA_DIR", Path.cwd() / "var"))

DEBUG = not PRODUCTION and os.environ.get("SAFEPASSAGE_DEBUG", "1") == "1"
SECRET_KEY = os.environ.get("SAFEPASSAGE_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("Set SAFEPASSAGE_SECRET_KEY (50+ random characters).")
    SECRET_KEY = secrets.token_urlsafe(50)  # development only: sessions end with the process

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("SAFEPASSAGE_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "safepassage.web.common",
    "safepassage.web.pages",
    "safepassage.web.casework",
    "safepassage.web.selfcheck",
    "safepassage.web.analytics",
    "safepassage.web.documents",  # PDF documents: templates, fonts, dates (no models)
    "ninja",  # the API's own pages (its scripts and styles are served from here, not a CDN)
    "safepassage.web.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files (CSS, self-hosted fonts) from the app itself, with or without DEBUG: a small
    # organisation's server then needs no separate web server configuration for them.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A signed-in user's session ends when idle or too old; none of their pages is cached.
    "safepassage.web.common.middleware.SessionLimits",
    "safepassage.web.common.middleware.PrivatePages",
    # A member of staff refused a page (403, 404) leaves an audit event with the ids asked for.
    "safepassage.web.casework.refusals.AuditRefusals",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses logins while locked out
    "django.contrib.auth.backends.ModelBackend",
]
# Throttle password guessing: 5 failures for one username from one address lock it for 15 min.
AXES_FAILURE_LIMIT = int(os.environ.get("SAFEPASSAGE_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# A cache shared by every app process (rate limits must count across them): Redis when
# SAFEPASSAGE_CACHE_URL names one (redis://host:6379/0), else this process's memory, which is
# right only for a single process (the laptop default).
_CACHE_URL = os.environ.get("SAFEPASSAGE_CACHE_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _CACHE_URL}
        if _CACHE_URL.startswith(("redis://", "rediss://", "unix://"))
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
if _CACHE_URL and CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    raise ImproperlyConfigured("SAFEPASSAGE_CACHE_URL must be a redis:// URL.")
# Self-check contact requests per address in a window: more are refused with a clear message.
SAFEPASSAGE_CONTACT_LIMIT = int(os.environ.get("SAFEPASSAGE_CONTACT_LIMIT", "5"))
SAFEPASSAGE_CONTACT_WINDOW = int(os.environ.get("SAFEPASSAGE_CONTACT_WINDOW", "600"))  # seconds
# Where the quick exit sends the person (a page that looks ordinary on a shared phone).
SAFEPASSAGE_QUICK_EXIT_URL = os.environ.get("SAFEPASSAGE_QUICK_EXIT_URL", "https://www.google.com/")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"  # by role: the case list, or the statistics
LOGOUT_REDIRECT_URL = "login"

ROOT_URLCONF = "safepassage.web.urls"
WSGI_APPLICATION = "safepassage.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "safepassage.web.common.context.organisation",
                "safepassage.web.casework.context.menu",
            ],
        },
    },
]


def _private_file(path: Path) -> None:
    """Create `path` readable by its owner only (and its folder), before SQLite opens it:
    SQLite gives its -wal and -shm files the database file's permissions."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)


def _database() -> dict[str, object]:
    default = f"sqlite:///{DATA_DIR / 'safepassage.sqlite3'}"
    config: dict[str, object] = dict(
        dj_database_url.parse(os.environ.get("DATABASE_URL", default), conn_max_age=60)
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        _private_file(Path(str(config["NAME"])))
        # WAL lets readers work during a write; IMMEDIATE takes the write lock up front so that
        # concurrent writers queue instead of failing half-way ("database is locked").
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
        config["CONN_MAX_AGE"] = 0
        # Tests use a file too: an in-memory database cannot show how concurrent writers queue.
        config["TEST"] = {"NAME": str(DATA_DIR / f"test-{os.getpid()}.sqlite3")}
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's validators with SafePassage's own (translated) messages: see common/passwords.py.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "safepassage.web.common.passwords.UserAttributeSimilarity"},
    {"NAME": "safepassage.web.common.passwords.MinimumLength", "OPTIONS": {"min_length": 12}},
    {"NAME": "safepassage.web.common.passwords.CommonPassword"},
    {"NAME": "safepassage.web.common.passwords.NumericPassword"},
]
# Attachments (payslips, contracts, photos of documents): the largest file accepted, in MB.
ATTACHMENT_MAX_BYTES = int(
    float(os.environ.get("SAFEPASSAGE_ATTACHMENT_MAX_MB", "5")) * 1024 * 1024
)
# An upload the limit allows stays in memory until it is encrypted: never a plain temporary
# file on disk. (A larger one is refused; cap request bodies at the reverse proxy as well.)
FILE_UPLOAD_MAX_MEMORY_SIZE = ATTACHMENT_MAX_BYTES + 64 * 1024

# A password set-up link (made by an organisation's administrator) works once, for three days.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("th", "ไทย"),
    ("km", "ខ្មែរ"),
    ("lo", "ລາວ"),
    ("my", "မြန်မာ"),
    ("vi", "Tiếng Việt"),
]
# Django ships no language info for Lao.
LANG_INFO["lo"] = {"bidi": False, "code": "lo", "name": "Lao", "name_local": "ລາວ"}
LOCALE_PATHS = [BASE_DIR.parent / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Bangkok"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True  # serve from the package's static folders; no collectstatic step
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60  # the absolute limit of a session, however busy
IDLE_SECONDS = 60 * int(os.environ.get("SAFEPASSAGE_IDLE_MINUTES", "30"))
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin, not no-referrer: with no-referrer, Chromium sends "Origin: null" on form posts
# and Django's CSRF check refuses every log-in. Links out carry rel="noreferrer" anyway.
SECURE_REFERRER_POLICY = "same-origin"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = os.environ.get("SAFEPASSAGE_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SAFEPASSAGE_LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools log every step of every document at INFO: only their warnings.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}

SITE_TAGLINE = _("Help for migrant workers facing exploitation")
