"""Samverka settings: one module, read from environment variables.

Defaults are safe for a laptop: SQLite next to the code, DEBUG off unless asked.
Every variable is documented in README.md ("Configuration").
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def load_env_file(path: Path) -> None:
    """Read KEY=VALUE lines from a local, untracked .env file; real environment wins."""
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            os.environ.setdefault(key.strip(), value.strip().strip("\"'"))


load_env_file(BASE_DIR / ".env")


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (see README.md, Configuration)."
        )
    SECRET_KEY = "insecure-development-key-only-for-DEBUG-samverka-0123456789"  # noqa: S105

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# In development without SITE_URL, links and QR codes use the address the app is served on
# (samverka.lib.addresses.site_url).
SITE_URL_FROM_REQUEST = DEBUG and not os.environ.get("SITE_URL")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "samverka.lib",
    "samverka.audit",
    "samverka.orgs",
    "samverka.accounts",
    "samverka.participants",
    "samverka.activities",
    "samverka.assessment",
    "samverka.referrals",
    "samverka.surveys",
    "samverka.children",
    "samverka.reports",
    "samverka.imports",
    "samverka.jobs",
    "samverka.knowledge",
    "samverka.memory",
    "samverka.research",
    "samverka.privacy",
    "samverka.followup",
    "samverka.demo",
]

# Background work (samverka/jobs): django-tasks with its database backend, so no other server
# is needed; `manage.py db_worker` runs the tasks (make run starts one beside the web server).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
JOB_FILE_DAYS = envint("JOB_FILE_DAYS", 7)

MIDDLEWARE = [
    "samverka.lib.scoping.ScopeResetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "samverka.lib.addresses.ServedAddressMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "samverka.accounts.middleware.SessionLifetimeMiddleware",
    "samverka.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samverka.urls"
WSGI_APPLICATION = "samverka.wsgi.application"

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
                "samverka.accounts.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# A PostgreSQL streaming replica for national reports (samverka/lib/replica.py): reads inside
# `reading_replica()` go there, writes never. In tests the alias mirrors the primary, except
# in the test that points it at a real replica (scripts/with-postgres.sh --replica).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
# PostgreSQL through Django's backend with a health check of kept connections that costs no
# round trip (samverka/lib/postgresql/base.py).
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        _database["ENGINE"] = "samverka.lib.postgresql"
DATABASE_ROUTERS = ["samverka.lib.replica.ReplicaRouter"]
# Whether national reports read there (the test suite turns it off, except where it tests it).
REPLICA_READS = "replica" in DATABASES

# The cache holds what several processes must share (guessed survey links per address, kept
# survey results), so by default it lives in the database, in a table `migrate` creates
# (samverka/lib/migrations): two web processes behind a load balancer count alike.
CACHES = {
    "default": {
        "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": "samverka_cache",
        "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", 100_000)},
    }
}
# Sessions in the database (Django's default, stated): any process serves any logged-in person.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database must take a parent meeting answering at once (make run, demos):
    # write-ahead logging so readers never wait for a writer, a busy timeout so a writer waits
    # its turn instead of failing with "database is locked", and transactions that take the
    # write lock when they begin, so two never deadlock upgrading a read to a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling and lockout (django-axes): a username+address pair is locked
# after LOGIN_FAILURE_LIMIT failures for LOGIN_LOCKOUT_MINUTES.
# Failed logins are counted in the database (the handler says so), shared by every process.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("LOGIN_LOCKOUT_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
PROXY_COUNT = envint("PROXY_COUNT", 0)
AXES_IPWARE_PROXY_COUNT = PROXY_COUNT
# Guessing survey links (/s/<code>): failed look-ups per client address before it must wait.
SURVEY_LINK_FAILURES = envint("SURVEY_LINK_FAILURES", 20)
SURVEY_LINK_LOCKOUT_MINUTES = envint("SURVEY_LINK_LOCKOUT_MINUTES", 15)

# Sessions: the id is rotated at login (django.contrib.auth.login), logout
# deletes the server-side session, idle and absolute timeouts below.
SESSION_IDLE_SECONDS = envint("SESSION_IDLE_SECONDS", 60 * 60)
SESSION_ABSOLUTE_SECONDS = envint("SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_IDLE_SECONDS
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Transport security. Production defaults are strict; DEBUG relaxes them.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_NAME = "__Host-sessionid" if SESSION_COOKIE_SECURE else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if CSRF_COOKIE_SECURE else "csrftoken"
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if envbool("USE_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy: only our own scripts and styles, never inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Languages: Swedish first, English second. Right-to-left languages render
# with dir="rtl" from the base template (LANGUAGE_BIDI).
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_NAME = "__Host-django_language" if LANGUAGE_COOKIE_SECURE else "django_language"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Stockholm")
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if envbool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads (samverka/lib/uploads.py): a file is no longer stored once it passes this size.
UPLOAD_MAX_BYTES = envint("UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "samverka.lib.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samverka <noreply@localhost>")

# Names and phone numbers of participants are encrypted with these Fernet keys (newest first).
FIELD_ENCRYPTION_KEYS = envlist("FIELD_ENCRYPTION_KEYS")

# Age bands of the funder count, computed from birth year at the start of the period.
AGE_BANDS = envlist("AGE_BANDS", "0-5,6-12,13-17,18-64,65+")
# Participants with no attendance this long after their collaboration ended are erased.
RETENTION_MONTHS = envint("RETENTION_MONTHS", 12)
# From this age (by birth year) a participant may give or refuse consent themselves; younger
# ones' consent is given by a guardian (samverka.participants.models.may_answer_themselves).
CONSENT_OWN_AGE = envint("CONSENT_OWN_AGE", 13)
# A volunteer's criminal-records extract counts as current this many months after it was seen;
# older ones show as a reminder on the coordinator's overview (samverka/knowledge).
CRIMINAL_RECORD_CHECK_MONTHS = envint("CRIMINAL_RECORD_CHECK_MONTHS", 12)

OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Samverka")
INVITATION_VALID_DAYS = envint("INVITATION_VALID_DAYS", 7)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
