"""Who is signing in, as far as throttling can tell: the client address behind the proxy."""

from __future__ import annotations

import os

from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind TRUSTED_PROXIES reverse proxies the address the nearest of them saw
    (the last entries of X-Forwarded-For are added by our own proxies; earlier ones are the
    client's to forge)."""
    proxies = int(os.environ.get("TRUSTED_PROXIES", "0"))
    remote = str(request.META.get("REMOTE_ADDR", ""))
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if proxies > 0 and len(forwarded) >= proxies:
        return str(forwarded[-proxies])
    return remote
