"""Settings for newsroom.

Defaults describe a developer laptop; production changes them only through
environment variables (see README.md, "Configuration").
"""

import ipaddress
import os
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}."
        ) from exc


def env_float(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return float(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}.") from exc


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def sqlite_database(name):
    # WAL lets readers work while one writer writes; IMMEDIATE takes the write
    # lock at BEGIN so two writers queue on the busy timeout instead of failing
    # with "database is locked" half-way through a transaction.
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": name,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
        # Tests run on a file too, not Django's shared-cache in-memory
        # database: there two threads writing at once fail at once with
        # "database table is locked" instead of queueing on the busy timeout
        # as they do in production. One file per test process.
        "TEST": {
            "NAME": os.path.join(
                tempfile.gettempdir(), f"newsroom-test-{os.getpid()}.sqlite3"
            )
        },
    }


def postgresql_connections():
    """A psycopg connection pool per process (DJANGO_DB_POOL_MIN/MAX), or,
    with DJANGO_DB_POOL_MAX=0, a connection per request closed at its end.

    Never persistent connections per thread: under ASGI every request runs
    in a thread of its own, and CONN_MAX_AGE kept one connection per thread
    until PostgreSQL ran out of them (issue 10). README, "Deploying", sizes
    the pool for the servers' worker count.
    """
    pool_max = env_int("DJANGO_DB_POOL_MAX", 8)
    if pool_max <= 0:
        return {"CONN_MAX_AGE": 0}
    return {
        "CONN_MAX_AGE": 0,  # the pool keeps the connections
        # The pool checks a connection before lending it: a restarted
        # PostgreSQL costs a reconnect, not a failed request.
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            "pool": {
                "min_size": min(env_int("DJANGO_DB_POOL_MIN", 2), pool_max),
                "max_size": pool_max,
                # A request waits this long for a free connection, then fails.
                "timeout": env_float("DJANGO_DB_POOL_TIMEOUT", 10.0),
            }
        },
    }


def database_from_url(url):
    """Map DATABASE_URL to a DATABASES entry; only PostgreSQL and SQLite."""
    parts = urlsplit(url)
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured("DATABASE_URL names no database: add /<name>.")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            **postgresql_connections(),
        }
    if parts.scheme == "sqlite":
        path = unquote(url.split("://", 1)[1])
        return sqlite_database(path or BASE_DIR / "db.sqlite3")
    raise ImproperlyConfigured(
        f"DATABASE_URL scheme {parts.scheme!r} is not supported: use "
        "postgres://user:password@host:port/name or sqlite:///path/to/file."
    )


DEBUG = env_bool("DJANGO_DEBUG", default=True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "newsroom",
    # First, so that its runserver (ASGI, WebSockets) replaces Django's.
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # Its widget templates, for FORM_RENDERER below.
    "django.forms",
    "taggit",
    "axes",
    "django_prose_editor",
    "accounts",
    "articles",
    "mediabank",
    "desk",
    "participation",
    "comments",
    "subscriptions",
    "django_tasks",
    "django_tasks_db",
    "chats",
    "live",
    "redirects",
    "demo",
    "health_check",
]

MIDDLEWARE = [
    "newsroom.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, auth and CSRF: a hit does no work (newsroom/pagecache).
    "newsroom.pagecache.middleware.PageCacheMiddleware",
    # Before any view reads a row: see newsroom/fragments.py.
    "newsroom.fragments.RenderClockMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A moved section or article's old address: one 301 (redirects app).
    "redirects.middleware.MovedMiddleware",
    # Before anything reads request.POST (the CSRF check does).
    "newsroom.middleware.UndecodableFormMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

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
                "articles.context_processors.site",
            ],
            # {% translate %} of a literal looked up once per language.
            "libraries": {"i18n": "newsroom.templatetags.translations"},
        },
    },
]
# Django warns of any library name given twice: "i18n" above is meant to
# replace Django's own (newsroom/templatetags/translations.py).
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

# Widgets render through TEMPLATES (the project can override a stock widget
# template), and the first field with an error takes the focus.
FORM_RENDERER = "newsroom.forms.Renderer"

DATABASES = {
    "default": database_from_url(os.environ["DATABASE_URL"])
    if os.environ.get("DATABASE_URL")
    else sqlite_database(BASE_DIR / "db.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Seconds a Redis connect or command may take before the caller gives up and
# degrades (see README, "When a service is down"); every Redis client of the
# site (caches, channel layer) uses it.
REDIS_TIMEOUT = env_float("DJANGO_REDIS_TIMEOUT", 0.5)
REDIS_OPTIONS = {
    "socket_connect_timeout": REDIS_TIMEOUT,
    "socket_timeout": REDIS_TIMEOUT,
}
if os.environ.get("REDIS_URL"):
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [{"address": os.environ["REDIS_URL"], **REDIS_OPTIONS}],
                "prefix": "newsroom",
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "newsroom",
            "OPTIONS": REDIS_OPTIONS,
        }
    }
else:
    # One process only: several app servers need REDIS_URL to share rooms.
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Content versions (newsroom/freshness.py): what tells cached pages and
# fragments that what they show has changed. Redis with REDIS_URL, so every app
# server sees every bump; otherwise a memory-mapped file shared by the worker
# processes of this machine.
CONTENT_VERSIONS_REDIS_URL = os.environ.get("REDIS_URL", "")
CONTENT_VERSIONS_FILE = Path(
    os.environ.get(
        "DJANGO_CONTENT_VERSIONS_FILE", BASE_DIR / "var" / "content-versions"
    )
)
# Seconds to wait for Redis before treating a version as unknown (not fresh).
CONTENT_VERSIONS_TIMEOUT = 0.25
# Shared blocks (newsroom/fragments.py) in the default cache are fresh by
# content versions; this lifetime only lets entries nobody asks for any more
# leave the cache (a day). DJANGO_FRAGMENT_CACHE=0 renders every block on
# every request (debugging, benchmarks of the bare render path).
FRAGMENT_CACHE = env_bool("DJANGO_FRAGMENT_CACHE", default=True)
FRAGMENT_CACHE_TIMEOUT = 24 * 60 * 60
# The anonymous page cache (newsroom/pagecache, README "Caching"): whole
# reader pages for requests without a session cookie, fresh by content
# versions. DJANGO_PAGE_CACHE=0 turns the store off (the HTTP caching headers
# and the fragment cache stay). Without REDIS_URL each process keeps its own
# least recently used pages, at most DJANGO_PAGE_CACHE_MAX_BYTES; with it,
# Redis keeps them (give it maxmemory and maxmemory-policy volatile-lru:
# README, Caching).
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", default=True)
PAGE_CACHE_MAX_BYTES = env_int("DJANGO_PAGE_CACHE_MAX_BYTES", 24 * 1024 * 1024)
PAGE_CACHE_REDIS_URL = os.environ.get("REDIS_URL", "")
# Seconds to wait for the store; past that the page is rendered uncached.
PAGE_CACHE_STORE_TIMEOUT = env_float("DJANGO_PAGE_CACHE_STORE_TIMEOUT", 0.1)
# Only lets entries nobody asks for leave Redis; freshness is by versions.
PAGE_CACHE_ENTRY_SECONDS = 24 * 60 * 60
# Search results and sitemaps are served at most this long from the cache.
PAGE_CACHE_SHORT_SECONDS = env_int("DJANGO_PAGE_CACHE_SHORT_SECONDS", 60)
# What a proxy or CDN in front is told: keep a shareable page this long
# (purged by key before that, see keys_bumped) and serve it this long stale.
PAGE_CACHE_S_MAXAGE = env_int("DJANGO_PAGE_CACHE_S_MAXAGE", 300)
PAGE_CACHE_STALE_SECONDS = env_int("DJANGO_PAGE_CACHE_STALE_SECONDS", 60)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"  # noqa: E501
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "articles:home"
LOGOUT_REDIRECT_URL = "articles:home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Moscow")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploads above this size go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The site.
SITE_NAME = os.environ.get("DJANGO_SITE_NAME", "Sputnik International")
# Where readers report accessibility problems (the accessibility statement).
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get(
    "DJANGO_ACCESSIBILITY_EMAIL", "accessibility@localhost"
)
ARTICLES_PER_PAGE = 20
# Listings count at most this many rows (500 pages of 20); deeper pages of a
# huge archive are reached through the date archives and search.
PAGINATION_MAX_ROWS = 10_000
NEWSFEED_SIZE = 10
# Search looks through the newest this many articles (of the section and
# dates chosen), so that its cost stays the same on any archive: with 10,000,
# a common word cost twice as much at 200,000 articles as at 1,000 (the
# README's benchmarks).
SEARCH_WINDOW = env_int("DJANGO_SEARCH_WINDOW", 3_000)
# A search's results are a cached block (articles/blocks.py): exact for
# publishing, unpublishing and listed fields, and kept no longer than this for
# text changes that make other articles match.
SEARCH_FRESH_SECONDS = env_int("DJANGO_SEARCH_FRESH_SECONDS", 60)
IMAGE_MAX_BYTES = env_int("DJANGO_IMAGE_MAX_BYTES", 10 * 1024 * 1024)
IMAGE_MAX_PIXELS = env_int("DJANGO_IMAGE_MAX_PIXELS", 40_000_000)
# The media bank's page of a library image, e.g.
# "https://mediabank.example.com/photos/{id}/"; empty: no link.
MEDIABANK_URL_TEMPLATE = os.environ.get("DJANGO_MEDIABANK_URL_TEMPLATE", "")

# Readers' accounts. Failed logins are counted per address and per account
# (django-axes); after the limit, logins are refused for the cool-off time.
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 15))
# The login form's field is `username` (it holds the e-mail address); axes
# would look for the model's USERNAME_FIELD, `email`, and record no username.
AXES_USERNAME_FORM_FIELD = "username"
# Locked: one (address, account) pair. So one address cannot lock out every
# reader behind it, nor anyone lock an account's owner out from elsewhere;
# guessing one account from many addresses meets the per-account waits
# (accounts/throttle.py), which double after each failure.
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_CLIENT_IP_CALLABLE = "newsroom.web.client_ip"
AXES_RESET_ON_SUCCESS = True
# Before that, failures past this many make each next try wait 2, 4, 8... s.
LOGIN_FREE_FAILURES = env_int("DJANGO_LOGIN_FREE_FAILURES", 2)
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
ACCOUNT_ACTIVATION_DAYS = 3
# (count, seconds) per client address.
REGISTRATION_RATE = (env_int("DJANGO_REGISTRATION_RATE", 5), 3600)

# Discussion.
COMMENTS_MODERATION = os.environ.get("DJANGO_COMMENTS_MODERATION", "post")  # or "pre"
COMMENTS_MAX_LENGTH = env_int("DJANGO_COMMENTS_MAX_LENGTH", 3000)
COMMENTS_MAX_DEPTH = env_int("DJANGO_COMMENTS_MAX_DEPTH", 3)
COMMENTS_MAX_LINKS = env_int("DJANGO_COMMENTS_MAX_LINKS", 2)
COMMENTS_EDIT_MINUTES = 10
COMMENTS_AUTO_CLOSE_DAYS = env_int("DJANGO_COMMENTS_AUTO_CLOSE_DAYS", 7)
COMMENTS_HOLD_FIRST = env_bool("DJANGO_COMMENTS_HOLD_FIRST", default=False)
COMMENTS_REPORTS_TO_HIDE = env_int("DJANGO_COMMENTS_REPORTS_TO_HIDE", 3)
COMMENTS_PER_PAGE = 20
# (count, seconds) per reader.
COMMENTS_RATE = (env_int("DJANGO_COMMENTS_RATE", 5), 60)

# E-mail subscriptions. Mails are sent by background tasks: `manage.py
# db_worker` runs them, `manage.py run_digest_scheduler` enqueues the sweep
# every minute (`make run` starts both).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A RUNNING task whose worker is gone is requeued (newsroom/tasks.py): at once
# when the worker ran on this host, after this long otherwise; after this
# many lost runs it is failed.
TASKS_RUNNING_TIMEOUT = timedelta(minutes=env_int("DJANGO_TASKS_RUNNING_MINUTES", 15))
TASKS_MAX_ATTEMPTS = 3
# /health/ reports the queue as down when a task has waited this long.
TASKS_MAX_WAIT = timedelta(minutes=env_int("DJANGO_TASKS_MAX_WAIT_MINUTES", 5))
# `make run` passes PORT, so links in mail from background tasks match it.
SITE_URL = os.environ.get("DJANGO_SITE_URL") or (
    f"http://127.0.0.1:{env_int('PORT', 8000)}"
)
SUBSCRIPTIONS_CONFIRM_DAYS = 3
# Articles published up to this long before a sweep are still mailed (a worker
# that was down catches up); older ones are not.
SUBSCRIPTIONS_CATCH_UP_HOURS = env_int("DJANGO_SUBSCRIPTIONS_CATCH_UP_HOURS", 48)
SUBSCRIPTIONS_MAX_ATTEMPTS = 5
# (count, seconds) per client address.
SUBSCRIPTIONS_RATE = (env_int("DJANGO_SUBSCRIPTIONS_RATE", 5), 3600)

# Chats.
CHATS_MAX_LENGTH = env_int("DJANGO_CHATS_MAX_LENGTH", 500)
CHATS_HISTORY = env_int("DJANGO_CHATS_HISTORY", 50)
# Posts of a live story per page, newest first.
LIVE_POSTS_PER_PAGE = 20
# (count, seconds) per user.
CHATS_RATE = (env_int("DJANGO_CHATS_RATE", 10), 60)
CHATS_BLOCK_HOURS = env_int("DJANGO_CHATS_BLOCK_HOURS", 1)

# Security. Django's protections stay on; production adds HTTPS-only cookies,
# an SSL redirect and HSTS.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if COMMENTS_MODERATION not in {"post", "pre"}:
    raise ImproperlyConfigured("DJANGO_COMMENTS_MODERATION must be 'post' or 'pre'.")
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Asking browsers to preload HSTS is hard to take back: the operator's
    # choice, off by default (and its deploy-check warning silenced).
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS += ["security.W021"]
    # Behind a TLS-terminating proxy or load balancer.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG and not os.environ.get("DJANGO_EMAIL_HOST")
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=True)
# Seconds an SMTP connect or reply may take; only the task worker waits.
EMAIL_TIMEOUT = env_float("DJANGO_EMAIL_TIMEOUT", 10.0)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "newsroom@localhost")

# Logs go to stderr, one JSON object a line in production (python-json-logger)
# or plain text while DEBUG is on; each record carries the request's id.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("DJANGO_LOG_FORMAT must be 'json' or 'text'.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "newsroom.logs.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level"},
        },
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING"),
    },
}

# The editorial workflow.
ARTICLE_TITLE_MAX_PUBLISH = env_int("DJANGO_ARTICLE_TITLE_MAX_PUBLISH", 120)
EDIT_LOCK_MINUTES = 15
HOME_TOP_STORIES = 4

# Addresses (or networks) of the proxies in front of the app servers: Varnish,
# nginx, a load balancer. Only from them is X-Forwarded-For believed, for the
# client address that rate limits and login lockouts count, and X-Request-ID.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES")
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"DJANGO_TRUSTED_PROXIES: {_proxy!r} is not an address or network."
        ) from exc

# A proxy or CDN in front caching shareable pages by their xkey header
# (deploy/varnish/newsroom.vcl): each bump of content keys is sent to these
# URLs as PURGE with an xkey header (newsroom/purge.py); empty: none sent.
CACHE_PURGE_URLS = env_list("DJANGO_CACHE_PURGE_URLS")
# Seconds a purge may take before it is logged as failed (the write stands).
CACHE_PURGE_TIMEOUT = env_float("DJANGO_CACHE_PURGE_TIMEOUT", 0.5)
