"""Shared fixtures: a fresh store per test, small records built in code, and the browser."""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from litscan.models import AbstractSection, Author, PartialDate, PublicationType, Record, Tags
from litscan.store import Store

FIXTURES = Path(__file__).parent / "fixtures"

# The test modules, as pytest rewrites them for its assert messages, are cached as bytecode even where
# PYTHONDONTWRITEBYTECODE is set: else each test process rewrites all ~100 of them at every run, about
# 2 s of CPU per process, four processes a run. The files go to __pycache__, which git ignores.
sys.dont_write_bytecode = False

# No test reaches the network. A command run without a fake server gets a closed port on this
# machine, not NCBI (test_config unsets this to check the real default), and any connection this
# process opens to a host other than this machine fails the test at once.
os.environ.setdefault("LITSCAN_EUTILS_URL", "http://127.0.0.1:9/entrez/eutils/")


@pytest.fixture(scope="session", autouse=True)
def _cache_folder_of_the_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Cache files the tests make (of vocabularies and rule files they write) go to a folder of the run's own.

    In the user's cache folder they crowded out the user's own files; the commands the tests start
    inherit the folder.
    """
    folder = tmp_path_factory.mktemp("litscan-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LITSCAN_CACHE_DIR", str(folder))
        yield


class NetworkUsedError(RuntimeError):
    """Not an OSError: retry loops catch those, and a test must fail at the first attempt, not after them."""


def _is_name(host: Any) -> bool:
    """A host name other than localhost: looking it up already leaves the machine (an address does not)."""
    if host is None or host in ("localhost", b"localhost"):
        return False
    try:
        ipaddress.ip_address(host.decode() if isinstance(host, bytes) else host)
    except ValueError:
        return True
    return False


def _refused(host: Any) -> NetworkUsedError:
    return NetworkUsedError(f"a test tried to reach {host}: tests never reach the network")


_getaddrinfo = socket.getaddrinfo
_connect = socket.socket.connect


def _local_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if _is_name(host):
        raise _refused(host)
    return _getaddrinfo(host, *args, **kwargs)


def _local_connect(self: socket.socket, address: Any) -> None:
    # Binding to 0.0.0.0 is allowed (the serve tests check the warning for it); connecting out is not.
    if self.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        if _is_name(host) or (host != "localhost" and not ipaddress.ip_address(host).is_loopback):
            raise _refused(host)
    _connect(self, address)


socket.getaddrinfo = _local_getaddrinfo
socket.socket.connect = _local_connect  # type: ignore[method-assign]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture(scope="session")
def empty_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new store's file, made once: a copy of it is what ``Store.open`` makes of a new path, for a
    fifth of the CPU (the schema is not built again for each of the ~100 tests that take ``store``)."""
    path = tmp_path_factory.mktemp("empty-store") / "empty.sqlite"
    Store.open(path).close()
    return path


@pytest.fixture
def store(db_path: Path, empty_store_file: Path):
    shutil.copyfile(empty_store_file, db_path)
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium per test process, for the digest's and the screening app's browser tests.

    Started once: each Playwright start and Chromium launch costs about a second of CPU. One for the
    whole process also because a Playwright left running holds an asyncio loop that keeps a second
    one from starting.
    """
    from tests.digest.chromium import launch, missing

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright (python) is not installed")
    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


@pytest.fixture
def browser(chromium: Any) -> Iterator[Any]:
    """The process's Chromium; whatever a test leaves open in it is closed after the test, but for the
    tabs tests/digest/chromium.py keeps (``kept_tab``: each led to its next page afresh)."""
    yield chromium
    for context in chromium.contexts:
        if getattr(context, "kept", None) is None:
            context.close()


def make_record(pmid: str, title: str = "Ketamine infusion for CRPS", **overrides) -> Record:
    """A small article; pass overrides for the fields a test is about."""
    values = dict(
        pmid=pmid,
        title=title,
        abstract_sections=(AbstractSection("Adults received ketamine.", label="METHODS", category="METHODS"),),
        journal="Journal of Invented Results",
        pub_date=PartialDate(2024, 5, 1, raw="2024 May 1"),
        authors=(Author(last_name="Doe", fore_name="Jane", initials="J"),),
        publication_types=(PublicationType("Journal Article", "D016428"),),
        languages=("eng",),
    )
    values.update(overrides)
    return Record(**values)


def fixed_tagger(conditions=("crps",), routes=("intravenous",), design="rct", on_topic=True):
    """A tagger that labels every record alike and counts its calls."""

    def tag(record: Record) -> Tags:
        tag.calls.append(record.pmid)
        return Tags(on_topic=on_topic, conditions=tuple(conditions), routes=tuple(routes), design=design)

    tag.calls = []
    return tag


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deal the long tests out to the test processes, each process's share first.

    pytest-xdist's ``worksteal`` gives each of its ``n`` processes one contiguous block of the
    collection, then lets an idle one take the tail of another's queue. Were the long tests all at
    the front, as before, they would all fall in the first block and run one after another (the
    paced end-to-end runs alone took over a minute); here each block starts with its share of them.
    Long are the tests marked ``slow`` (``seconds=`` their usual length when far above the rest)
    and the browser tests. Tests that share a module's fixture (a parse of the real files, a big
    sample file) stay in one block so it is built once, and so do the browser tests, so that one
    process starts Chromium. Without xdist the long tests simply come first.
    """
    lanes = int(getattr(config, "workerinput", {}).get("workercount", 1))
    units: dict[str, list[pytest.Item]] = {}
    rest: list[pytest.Item] = []
    for item in items:
        if item.get_closest_marker("slow") is None and "chromium" not in item.fixturenames:
            rest.append(item)
        else:
            units.setdefault(_unit(item), []).append(item)
    blocks: list[list[pytest.Item]] = [[] for _ in range(lanes)]
    loads = [0.0] * lanes
    for unit in sorted(units.values(), key=_seconds, reverse=True):  # each to the least loaded block
        lane = loads.index(min(loads))
        blocks[lane] += unit
        loads[lane] += _seconds(unit)
    ordered: list[pytest.Item] = []
    remaining = len(items)
    for lane, block in enumerate(blocks):
        size = remaining // (lanes - lane)  # the block worksteal sends this process
        fill = max(size - len(block), 0)
        ordered += block + rest[:fill]
        rest = rest[fill:]
        remaining -= size
    items[:] = ordered + rest


def _unit(item: pytest.Item) -> str:
    """What ``item`` must share a block with: the browser tests, a module's tests with a module fixture."""
    if "chromium" in item.fixturenames:
        return "chromium"
    fixtures = item._fixtureinfo.name2fixturedefs.values()  # type: ignore[attr-defined]
    if any(definitions[-1].scope == "module" for definitions in fixtures):
        return item.nodeid.split("::")[0]
    return item.nodeid


def _seconds(unit: list[pytest.Item]) -> float:
    """How long the tests of ``unit`` usually take: a browser test ~1 s, a slow one 4 s unless it says."""
    total = 0.0
    for item in unit:
        marker = item.get_closest_marker("slow")
        total += marker.kwargs.get("seconds", 4.0) if marker else 1.0
    return total
