"""Binding the app: loopback by default, another address only when asked and with a warning, clear errors."""

from __future__ import annotations

import socket
import threading
import urllib.request
from pathlib import Path

import pytest

from litscan.config import Topic
from litscan.errors import InputError
from litscan.serve import exposure, is_loopback, screening_server, url_of
from litscan.serve.server import trusted_hosts


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("example.org", False)],
)  # fmt: skip
def test_which_hosts_are_this_machine_only(host: str, local: bool) -> None:
    assert is_loopback(host) is local


def test_the_host_names_the_app_answers_to() -> None:
    assert trusted_hosts("127.0.0.1") == ["127.0.0.1", "localhost", "::1"]
    assert trusted_hosts("192.168.1.20") == ["127.0.0.1", "localhost", "::1", "192.168.1.20"]
    assert trusted_hosts("0.0.0.0") is None  # every address: the names it is reached by are unknown
    assert trusted_hosts("[::]") is None


def test_the_server_listens_on_loopback_and_answers(filled: tuple[Path, Topic]) -> None:
    db, topic = filled
    server = screening_server(db, [topic], port=0)
    try:
        assert server.socket.getsockname()[0] == "127.0.0.1"
        assert server.port != 0
        assert url_of(server) == f"http://127.0.0.1:{server.port}/"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
        with direct.open(url_of(server) + "ketamine-chronic-pain/601", timeout=10) as answer:
            assert answer.status == 200
            assert f"litscan-{server.port}=" in answer.headers["Set-Cookie"]  # one cookie per port
            assert 'data-pmid="601"' in answer.read().decode()
    finally:
        server.shutdown()
        server.server_close()


def test_another_address_is_warned_about() -> None:
    assert exposure("127.0.0.1") is None
    assert exposure("localhost") is None
    warning = exposure("0.0.0.0")
    assert warning is not None and "anyone who can reach it" in warning


def test_a_port_in_use_is_an_input_error(filled: tuple[Path, Topic]) -> None:
    db, topic = filled
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        with pytest.raises(InputError, match=f"cannot listen on 127.0.0.1:{port}"):
            screening_server(db, [topic], port=port)
