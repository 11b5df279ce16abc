"""Running the app: a threaded HTTP server on the address asked for, loopback unless told otherwise.

The screening app has no login: whoever reaches it can read the store's records and change its
decisions. So it listens on 127.0.0.1 by default; another address must be asked for, and is
warned about. The server is Werkzeug's (Flask's own), which is made for one local user.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Sequence
from pathlib import Path

from werkzeug.serving import BaseWSGIServer, make_server

from ..config import Topic
from ..errors import InputError
from .app import create_app
from .state import LOOPBACK_NAMES, ServeSettings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure(host: str) -> str | None:
    """What serving on ``host`` exposes, to warn about (None: this machine only)."""
    if is_loopback(host):
        return None
    return (
        f"serving on {host}, not on this machine only: anyone who can reach it can read the records and change "
        "screening decisions (there is no login)"
    )


def trusted_hosts(host: str) -> list[str] | None:
    """The host names the app answers to when bound to ``host`` (None: any, for every address)."""
    bare = host.strip("[]")
    try:
        if ipaddress.ip_address(bare).is_unspecified:
            return None  # 0.0.0.0 or ::: the names it is reached by are not known here
    except ValueError:
        pass
    return list(dict.fromkeys([*LOOPBACK_NAMES, bare]))


def screening_server(
    db: Path,
    topics: Sequence[Topic],
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    reviewer: str | None = None,
) -> BaseWSGIServer:
    """A server for the screening app, bound and ready for ``serve_forever()``; port 0 takes a free one.

    An address this machine cannot listen on (in use, not its own, unknown) is an ``InputError``.
    """
    app = create_app(ServeSettings(db, topics, reviewer, trusted_hosts(host)))
    listening = _listen(host, port)
    with listening:  # Werkzeug serves a copy of the socket
        server = make_server(host, listening.getsockname()[1], app, threaded=True, fd=listening.fileno())
    # Cookies do not tell ports apart: two servers on one machine keep their sessions apart by name.
    app.config["SESSION_COOKIE_NAME"] = f"litscan-{server.port}"
    access_log = logging.getLogger("werkzeug")
    if access_log.level == logging.NOTSET:  # one line per request only when asked for (litscan -v)
        access_log.setLevel(max(logging.INFO, logging.getLogger().getEffectiveLevel()))
    return server


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket, bound here rather than by Werkzeug, which exits the process when it cannot bind."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET  # as Werkzeug tells them apart
    try:
        return socket.create_server((host.strip("[]"), port), family=family)
    except OSError as exc:
        raise InputError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None


def url_of(server: BaseWSGIServer) -> str:
    """The address to open in a browser."""
    host = server.host
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{server.port}/"
