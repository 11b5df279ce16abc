"""``litscan serve``: screening a topic's records in a local web app, one at a time or as a list, from the keyboard.

``create_app`` builds the Flask app for a store and its topics; ``screening_server`` binds it to an
address (127.0.0.1 unless another is asked for) for ``serve_forever()``.
"""

from .app import create_app
from .server import DEFAULT_HOST, DEFAULT_PORT, exposure, is_loopback, screening_server, url_of
from .state import ServeSettings

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "ServeSettings",
    "create_app",
    "exposure",
    "is_loopback",
    "screening_server",
    "url_of",
]
