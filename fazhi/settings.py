"""fazhi settings. Everything that differs between machines comes from the environment."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("FAZHI_SHARED_DIR", BASE_DIR.parent / "shared"))


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    # No silent fallback in production: sessions, CSRF tokens and password resets would be signed
    # with a key printed in this file. Development (DEBUG=1), the test suite and mypy's Django
    # plugin (which loads these settings) get a fixed key.
    if not DEBUG and not {"pytest", "mypy"} & sys.modules.keys():
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "未设置 SECRET_KEY 环境变量：关闭 DEBUG（生产环境）时必须设置，例如 "
            "SECRET_KEY=$(python -c 'import secrets; print(secrets.token_urlsafe(50))')；"
            "开发时可设置 DEBUG=1。见 docs/deploy.md"
        )
    SECRET_KEY = "fazhi-insecure-development-key-change-me"  # noqa: S105 - dev and test only
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_htmx",
    "django_tables2",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "fazhi.org",
    "fazhi.workcal",
    "fazhi.clocks",
    "fazhi.audit",
    "fazhi.indicators",
    "fazhi.reports",
    "fazhi.imports",
    "fazhi.casework",
    "fazhi.reminders",
    "fazhi.filing",
]
# Every ledger app under fazhi/ledgers/ (one folder with an apps.py each): adding a ledger edits
# no settings. Sorted, so the app order is the same on every machine.
INSTALLED_APPS += sorted(
    f"fazhi.ledgers.{p.name}"
    for p in (BASE_DIR / "fazhi" / "ledgers").iterdir()
    if (p / "apps.py").is_file()
)
# Test-only apps (a tiny model carrying clocks for the kernel's own tests): under pytest, or when
# FAZHI_TEST_APPS lists them. pytest-django sets Django up before tests/conftest.py is imported,
# so conftest cannot set an env var in time; the sys.modules check also holds in xdist workers.
_test_apps = os.environ.get("FAZHI_TEST_APPS", "tests.testapp" if "pytest" in sys.modules else "")
INSTALLED_APPS += [a.strip() for a in _test_apps.split(",") if a.strip()]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "fazhi.audit.middleware.ErrorReferenceMiddleware",
    "fazhi.middleware.ChineseMethodNotAllowed",
]

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "fazhi.org.backends.UserBackend",  # ModelBackend, with the user's department in one query
]
AUTH_USER_MODEL = "org.User"
LOGIN_URL = "login"
CSRF_FAILURE_VIEW = "fazhi.views.csrf_failure"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

ROOT_URLCONF = "fazhi.urls"
WSGI_APPLICATION = "fazhi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "fazhi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fazhi.reminders.views.unread",
            ],
            "builtins": ["fazhi.templatetags.fazhi_tags"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Persistent connections, except under pytest: a live-server thread keeping one open
        # stops the PostgreSQL test database from being dropped.
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0" if "pytest" in sys.modules else "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The board's partial covering indexes (INCLUDE columns) are for PostgreSQL; SQLite keeps the
# index and ignores the extra columns, which is fine for the embedded database.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

if "pytest" in sys.modules or os.environ.get("FAZHI_TEST_PASSWORD_HASHER") == "1":
    # Tests create a user or two per test: PBKDF2 made that about two thirds of the suite's time.
    # (Servers a test starts in a subprocess set the variable, to read the users it created.)
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

AUTH_PASSWORD_VALIDATORS = [  # Django's four, with Chinese messages (fazhi/org/passwords.py)
    {"NAME": "fazhi.org.passwords.NotLikePersonalInformation"},
    {"NAME": "fazhi.org.passwords.MinimumLength", "OPTIONS": {"min_length": 10}},
    {"NAME": "fazhi.org.passwords.NotCommon"},
    {"NAME": "fazhi.org.passwords.NotNumeric"},
]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "fazhi" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Without collectstatic (make demo, tests) serve straight from the app folders.
WHITENOISE_AUTOREFRESH = DEBUG or not STATIC_ROOT.exists()
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
if os.environ.get("FAZHI_TASKS_IMMEDIATE") == "1":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"

# Reminders by e-mail (fazhi.reminders): the console backend prints them (the demo); production
# sets EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and EMAIL_HOST/PORT/… (deploy.md).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "fazhi@localhost")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# LibreOffice for PDF rendering (reports); None means "look on PATH".
SOFFICE_BINARY = os.environ.get("SOFFICE_BINARY") or None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- accounts and production security (issue #17; docs/deploy.md) --------------------------
from fazhi.security_settings import *  # noqa: E402, F403

INSTALLED_APPS += SECURITY_APPS  # noqa: F405
SILENCED_SYSTEM_CHECKS += SECURITY_SILENCED_CHECKS  # noqa: F405
MIDDLEWARE.insert(1, "csp.middleware.CSPMiddleware")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as django-axes requires
AUTHENTICATION_BACKENDS.insert(0, "axes.backends.AxesStandaloneBackend")
