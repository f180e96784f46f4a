"""Accounts and production security settings, read from the environment (documented in
docs/deploy.md). Imported at the end of fazhi/settings.py.

Production is DEBUG off behind a reverse proxy that terminates HTTPS: `manage.py check --deploy`
is clean with SECRET_KEY set and the defaults below. Development (DEBUG=1, plain http on
127.0.0.1) turns the https-only settings off unless they are set explicitly.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

from csp.constants import NONE, SELF


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


_DEBUG = _env_bool("DEBUG", False)
_TESTING = "pytest" in sys.modules

SECURITY_APPS = ["axes", "csp"]

# --- sessions: a government office's working day, and gone when the browser closes -----------
SESSION_COOKIE_AGE = int(float(os.environ.get("SESSION_HOURS", "8")) * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = _env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)

# --- HTTPS behind a proxy (nginx sets X-Forwarded-Proto) ----------------------------------------
_HTTPS = _env_bool("HTTPS", not _DEBUG and not _TESTING)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _HTTPS
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "31536000" if _HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _HTTPS
SECURE_HSTS_PRELOAD = _env_bool("HSTS_PRELOAD", False)
# Preloading is for public domains submitted to the browsers' list; a county's (often intranet)
# host is not, and `preload` cannot be taken back quickly. HSTS itself is on.
SECURITY_SILENCED_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
# The review desk takes up to 20 files of 10 MB; Django holds small uploads in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Content-Security-Policy (django-csp): no inline script anywhere; charts read their data
# from <script type="application/json"> blocks. Inline style attributes (progress bar widths,
# htmx's indicator styles) stay allowed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- login throttling and lockout (django-axes): 5 wrong passwords for a user from one address
# lock that pair for 15 minutes; every success and failure is logged (admin: 访问日志).
AXES_ENABLED = _env_bool("AXES_ENABLED", not _TESTING)  # tests switch it on where they test it
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_CLIENT_IP_CALLABLE = "fazhi.org.security.client_ip"
