"""Refusing cross-site writes: every request that could change data must come from a page this app served.

Three checks, each enough on its own against a page on another site that posts to the local app:
the browser's ``Sec-Fetch-Site`` and ``Origin`` headers must say the request comes from this
origin (403 otherwise), and the form must carry the session's secret token (400 otherwise). The
session cookie is ``SameSite=Strict``, and the app answers only to the host names it was bound to
(Flask's ``TRUSTED_HOSTS``), which stops DNS rebinding from making another site's page same-origin.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from flask import abort, request, session

TOKEN_FIELD = "csrf_token"
TOKEN_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_SAME_SITE = frozenset({"same-origin", "none"})  # "none": the user typed the address or used a bookmark


def csrf_token() -> str:
    """The session's token, made on first use; forms carry it in ``csrf_token``."""
    token = session.get(TOKEN_FIELD)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        session[TOKEN_FIELD] = token
    return token


def refuse_cross_site() -> None:
    """Abort a request that would change data unless it comes from this app's own pages."""
    if request.method in SAFE_METHODS or request.routing_exception is not None:
        return  # a request routing refused (an unknown page, an untrusted Host) changes nothing either
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in _SAME_SITE:
        abort(403, description=f"refused: a {fetch_site} request may not change screening decisions")
    origin = request.headers.get("Origin")
    if origin is not None and not _same_origin(origin):
        abort(403, description="refused: the request comes from another site")
    expected = session.get(TOKEN_FIELD)
    given = request.form.get(TOKEN_FIELD) or request.headers.get(TOKEN_HEADER) or ""
    if not isinstance(expected, str) or not expected or not hmac.compare_digest(expected.encode(), given.encode()):
        abort(400, description="the form has expired or did not come from this page: reload the page and try again")


def _same_origin(origin: str) -> bool:
    parts = urlsplit(origin)
    return (parts.scheme, parts.netloc) == (request.scheme, request.host)
