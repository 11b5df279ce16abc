"""The Flask application: its settings, a store per request, error pages and the headers every answer carries."""

from __future__ import annotations

import secrets

from flask import Flask, render_template
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException, SecurityError
from werkzeug.wrappers import Response

from ..digest.labels import labels_for_topic
from ..errors import InputError, LitscanError, StoreError
from ..store import Store
from .guard import csrf_token, refuse_cross_site
from .state import Served, ServeSettings, close_store
from .views import views

# Everything comes from this app: no inline script, no other site, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def create_app(settings: ServeSettings) -> Flask:
    """The screening app for ``settings``; the store must exist (an ``InputError`` otherwise)."""
    if not settings.db.is_file():
        raise InputError("no litscan store here: run `litscan run` or `litscan import` first", path=str(settings.db))
    if not settings.topics:
        raise InputError("no topic to screen")
    with Store.open(settings.db):  # bring an older store's schema up to date once, before any request
        pass
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),  # sessions last as long as the server: nothing to keep on disk
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_HTTPONLY=True,
        TRUSTED_HOSTS=list(settings.trusted_hosts) if settings.trusted_hosts is not None else None,
        MAX_CONTENT_LENGTH=64 * 1024,  # a decision and its note; nothing bigger is ever posted
    )
    app.extensions["litscan"] = Served(
        settings,
        {topic.name: topic for topic in settings.topics},
        {topic.name: labels_for_topic(topic) for topic in settings.topics},
    )
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.before_request(refuse_cross_site)
    app.after_request(_headers)
    app.teardown_appcontext(close_store)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(LitscanError, _litscan_error)

    app.register_blueprint(views)
    return app


def _headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" would make the Origin of our own forms "null"
    response.headers["Cache-Control"] = "no-store"  # a page of decisions is stale the moment one is made
    return response


def _http_error(error: HTTPException) -> ResponseReturnValue:
    code = error.code or 500
    if isinstance(error, SecurityError):  # an untrusted Host: no URL of this app can be built for it
        return Response(f"{error.description}\n", code, mimetype="text/plain")
    return render_template("error.html", code=code, message=error.description or error.name), code


def _litscan_error(error: LitscanError) -> ResponseReturnValue:
    code = 400 if isinstance(error, InputError) else 503 if isinstance(error, StoreError) else 500
    return render_template("error.html", code=code, message=str(error)), code
