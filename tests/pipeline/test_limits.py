"""Hostile sizes: the chunker's work is linear in the file, its memory bounded, and a file past the
limits is refused with one line, on both import paths, with nothing stored."""

from __future__ import annotations

import sqlite3
import time
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner
from isal import igzip

from litscan.cli import cli
from litscan.errors import InputError
from litscan.pipeline import limits, parallel
from litscan.pipeline.demo import sample_path
from litscan.pipeline.ingest import import_files
from litscan.pipeline.limits import Limits, SizeLimitExceeded
from litscan.store import Store

UNLIMITED = Limits(max_input=1 << 40, max_record=1 << 40)


# The bombs are tens of megabytes before compression: gzip's default level 9 took ~0.4 s for each;
# ISA-L's level 1 writes them as small (whitespace) or nearly (filler lines), at a tenth of the CPU.
_fast_gzip = partial(igzip.open, compresslevel=1)


def with_gap(path: Path, gap: int, *, compress: bool = False) -> Path:
    """The bundled sample with ``gap`` bytes of whitespace after its first record."""
    data = sample_path().read_bytes()
    cut = data.index(b"</PubmedArticle>") + len(b"</PubmedArticle>")
    opener = _fast_gzip if compress else open
    with opener(path, "wb") as out:
        out.write(data[:cut])
        block = b" \n" * (1 << 19)
        for _ in range(gap // len(block)):
            out.write(block)
        out.write(data[cut:])
    return path


def scanned_bytes(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(bytes searched for a record end, the largest buffer searched) over one pass of the chunker."""
    searched = [0, 0]
    original = parallel.last_record_end

    def counting(data: bytes | bytearray, start: int = 0) -> int | None:
        searched[0] += len(data) - start
        searched[1] = max(searched[1], len(data))
        return original(data, start)

    monkeypatch.setattr(parallel, "last_record_end", counting)
    chunks = list(parallel._chunks(path, limits=UNLIMITED))
    assert len(chunks) >= 2
    return searched[0], searched[1]


def test_the_chunker_searches_each_byte_once_however_wide_the_gap(tmp_path, monkeypatch):
    # The attack: megabytes of whitespace between two records. Before, every megabyte read made the
    # chunker search the whole gap again (64/128/256/512 MB took 3/14/59/272 s).
    for megabytes in (8, 32):
        path = with_gap(tmp_path / f"gap{megabytes}.xml", megabytes << 20)
        searched, _ = scanned_bytes(path, monkeypatch)
        assert searched <= path.stat().st_size + 64 * parallel.CHUNK_BYTES // 1000


@pytest.mark.slow
def test_chunking_time_grows_linearly_with_the_gap(tmp_path):
    # Large enough that both sizes overflow the CPU caches (below that, the smaller one runs faster a byte);
    # CPU time of this process, the best of four, so other processes on the machine matter less. The two
    # sizes take turns: a spell of load on the machine falls on both alike, not on one size's runs alone.
    def chunking_time(path: Path) -> float:
        start = time.process_time()
        for _chunk in parallel._chunks(path, limits=UNLIMITED):
            pass
        return time.process_time() - start

    paths = {48: with_gap(tmp_path / "gap48.xml", 48 << 20), 96: with_gap(tmp_path / "gap96.xml", 96 << 20)}
    best = dict.fromkeys(paths, float("inf"))
    for _ in range(4):
        for size, path in paths.items():
            best[size] = min(best[size], chunking_time(path))
    small, large = best[48], best[96]
    assert large / small <= 2.5, (small, large)  # quadratic would be 4; before, 64 -> 128 MB took 3 s -> 14 s


def test_the_chunker_holds_at_most_a_chunk_and_one_record(tmp_path, monkeypatch):
    path = with_gap(tmp_path / "gap.xml", 6 << 20)
    bounded = Limits(max_input=1 << 40, max_record=8 << 20)
    with pytest.raises(SizeLimitExceeded, match=r"gap\.xml: refused: more than 4 MiB without the end of a record"):
        list(parallel._chunks(path, limits=Limits(max_input=1 << 40, max_record=4 << 20)))
    largest = []
    original = parallel.last_record_end
    monkeypatch.setattr(
        parallel, "last_record_end", lambda data, start=0: largest.append(len(data)) or original(data, start)
    )
    assert len(list(parallel._chunks(path, limits=bounded))) >= 2
    assert max(largest) <= bounded.max_record + parallel.CHUNK_BYTES


@pytest.mark.parametrize(("workers", "limit_mb"), [(2, 64), (1, 4)])
def test_a_gzip_of_whitespace_is_refused_quickly_with_one_line(tmp_path, workers, limit_mb, monkeypatch):
    # The parallel path at the real limit; the serial one (which would parse what it reads) at a lower one.
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(limits, "MAX_RECORD_BYTES", limit_mb << 20)
    bomb = with_gap(tmp_path / "bomb.xml.gz", (limit_mb + 16) << 20, compress=True)
    assert bomb.stat().st_size < 1 << 20  # a small file that decompresses to many megabytes
    db = tmp_path / "s.sqlite"
    start = time.monotonic()
    result = CliRunner().invoke(cli, ["import", str(bomb), "--db", str(db), "--workers", str(workers)])
    assert time.monotonic() - start < 15
    assert result.exit_code == 2, result.output
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"Error: {bomb}: refused: more than {limit_mb} MiB without the end of a record")
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 0
        assert connection.execute("SELECT status FROM runs").fetchall() == [("failed",)]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_file_past_the_size_limit_is_refused_on_both_paths(tmp_path, workers, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 4096)
    limit = sample_path().stat().st_size // 2
    with Store.open(tmp_path / "s.sqlite") as store:
        with pytest.raises(InputError, match=r"ketamine-sample\.xml: refused: more than .* once decompressed"):
            import_files(store, [sample_path()], workers=workers, max_bytes=limit)
        assert store.count() == 0
        assert import_files(store, [sample_path()], workers=workers, max_bytes=2 * limit + 2).summary.new == 14


def test_the_size_limit_is_a_setting(tmp_path, monkeypatch):
    db = tmp_path / "s.sqlite"
    monkeypatch.setenv("LITSCAN_MAX_INPUT_MB", "nan")
    result = CliRunner().invoke(cli, ["import", str(sample_path()), "--db", str(db)])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: LITSCAN_MAX_INPUT_MB: 'nan' is not a whole number of megabytes"
    monkeypatch.setenv("LITSCAN_MAX_INPUT_MB", "1")
    assert CliRunner().invoke(cli, ["import", str(sample_path()), "--db", str(db)]).exit_code == 0
    assert limits.DEFAULT_MAX_INPUT_BYTES == 4096 << 20 and limits.MAX_RECORD_BYTES == 64 << 20


# --- MEDLINE text is held to the same limits ----------------------------------------------------------


def medline(path: Path, pmids: range, *, filler: int = 0, compress: bool = False) -> Path:
    """Invented PubMed-format records; ``filler`` bytes of abstract continuation lines in the second."""
    opener = _fast_gzip if compress else open
    with opener(path, "wb") as out:
        for number, pmid in enumerate(pmids):
            out.write(f"PMID- {pmid}\nTI  - Invented record {pmid}.\nAB  - Ketamine.\n".encode())
            if number == 1:
                line = b"      " + b"x" * 1000 + b"\n"
                for _ in range(filler // len(line)):
                    out.write(line)
            out.write(b"SO  - J Invent. 2020;1:1.\n\n")
    return path


def test_a_medline_record_past_the_record_limit_is_refused_quickly(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_RECORD_BYTES", 4 << 20)
    bomb = medline(tmp_path / "bomb.nbib.gz", range(39000001, 39000004), filler=40 << 20, compress=True)
    assert bomb.stat().st_size < 1 << 20
    db = tmp_path / "s.sqlite"
    start = time.monotonic()
    result = CliRunner().invoke(cli, ["import", str(bomb), "--db", str(db)])
    assert time.monotonic() - start < 15
    assert result.exit_code == 2, result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {bomb}: refused: more than 4 MiB without the end of a record")
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 0


def test_a_medline_file_past_the_size_limit_is_refused_and_one_within_it_imports(tmp_path):
    path = medline(tmp_path / "many.txt", range(39000001, 39000401))
    size = path.stat().st_size
    with Store.open(tmp_path / "s.sqlite") as store:
        with pytest.raises(InputError, match=r"many\.txt: refused: more than .* once decompressed"):
            import_files(store, [path], max_bytes=size // 2)
        assert store.count() == 0
        assert import_files(store, [path], max_bytes=size).summary.new == 400
