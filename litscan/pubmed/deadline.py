"""A total deadline for each HTTP request: connecting, the headers and the whole body, however slowly they come.

requests' timeouts bound each socket operation, not the request: a server that
sends one byte every few seconds never trips them, so one reply can take hours.
A ``Watchdog`` gives the requests made in its ``with`` block a deadline; when it
passes, the watchdog shuts down the socket of the connection in use, the blocked
read fails at once, and ``expired`` tells the caller why. One daemon thread keeps
every watchdog's time, so a request costs no thread of its own. ``DeadlineAdapter``
(mounted on a ``requests.Session``) is what lets the watchdog find that socket:
its connections report to the watchdog of the thread that uses them.
"""

from __future__ import annotations

import contextlib
import functools
import heapq
import itertools
import socket
import threading
import time
from types import TracebackType
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3 import PoolManager
from urllib3.connection import HTTPConnection
from urllib3.connectionpool import HTTPConnectionPool

_current = threading.local()  # the watchdog of the request this thread is making


class _Clock:
    """The one thread that expires watchdogs whose deadline has passed."""

    def __init__(self) -> None:
        self._due: list[tuple[float, int, Watchdog]] = []
        self._order = itertools.count()  # ties in time never compare two watchdogs
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    def add(self, watchdog: Watchdog, seconds: float) -> None:
        with self._changed:
            entry = (time.monotonic() + seconds, next(self._order), watchdog)
            heapq.heappush(self._due, entry)
            if self._thread is None or not self._thread.is_alive():  # also after a fork
                self._thread = threading.Thread(target=self._run, name="litscan-deadlines", daemon=True)
                self._thread.start()
            elif self._due[0] is entry:
                self._changed.notify()  # due sooner than the one the thread is waiting for

    def _run(self) -> None:
        with self._changed:
            while True:
                now = time.monotonic()
                while self._due and self._due[0][0] <= now:
                    heapq.heappop(self._due)[2].expire()
                self._changed.wait(self._due[0][0] - now if self._due else None)


_clock = _Clock()


class Watchdog:
    """``with Watchdog(seconds) as watchdog:`` cuts the connection of any request still running after ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._connections: list[HTTPConnection] = []
        self._finished = False
        self._lock = threading.Lock()

    def __enter__(self) -> Watchdog:
        _current.watchdog = self
        _clock.add(self, self.seconds)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        with self._lock:
            self._finished = True  # a connection back in the pool is no longer ours to cut
            self._connections.clear()
        _current.watchdog = None

    def watch(self, connection: HTTPConnection) -> None:
        with self._lock:
            self._connections.append(connection)
            if self.expired:
                _cut(connection)

    def expire(self) -> None:
        with self._lock:
            if self._finished:
                return
            self.expired = True
            for connection in self._connections:
                _cut(connection)


def _cut(connection: HTTPConnection) -> None:
    sock = connection.sock
    if sock is None:
        return  # still connecting: the connect timeout, capped at the deadline, ends it
    # Already closed, or a socket type without shutdown (TLS in TLS): the read timeout still ends the read.
    with contextlib.suppress(OSError, TypeError):
        # socket.socket's own shutdown, also for a TLS socket: ssl's would unwrap it under the reading thread.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watched(HTTPConnection):
    """A connection that reports to the current thread's watchdog before each request it sends."""

    def request(self, *args: Any, **kwargs: Any) -> None:
        watchdog: Watchdog | None = getattr(_current, "watchdog", None)
        if watchdog is not None:
            watchdog.watch(self)
        super().request(*args, **kwargs)


@functools.cache
def _watched_pool(pool: type[HTTPConnectionPool]) -> type[HTTPConnectionPool]:
    """``pool`` whose connections report to the watchdog (HTTP, HTTPS, proxied or SOCKS alike)."""
    if issubclass(pool.ConnectionCls, _Watched):
        return pool
    connection = type(f"Watched{pool.ConnectionCls.__name__}", (_Watched, pool.ConnectionCls), {})
    return type(f"Watched{pool.__name__}", (pool,), {"ConnectionCls": connection})


def _watch_pools(manager: PoolManager) -> PoolManager:
    manager.pool_classes_by_scheme = {
        scheme: _watched_pool(pool) for scheme, pool in manager.pool_classes_by_scheme.items()
    }
    return manager


class DeadlineAdapter(HTTPAdapter):
    """An ``HTTPAdapter`` whose connections a ``Watchdog`` can cut."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        _watch_pools(self.poolmanager)

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> PoolManager:
        manager: PoolManager = super().proxy_manager_for(*args, **kwargs)
        return _watch_pools(manager)


def mount(session: requests.Session) -> None:
    """Make every request of ``session`` answer to a ``Watchdog``."""
    adapter = DeadlineAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
