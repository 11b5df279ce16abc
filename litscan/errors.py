"""The exceptions litscan raises, one tree for the whole package, each with the exit code the CLI gives it.

    LitscanError                        1  anything litscan reports to a user
    ├── InputError                      2  a file we were given cannot be read as what it claims to be
    │   └── ConfigError                 2  a topic file, vocabulary or setting is wrong (names the file and key)
    ├── StoreError                      3  the database cannot be opened, migrated or written
    │   └── StoreLockedError           75  another litscan process holds the store (EX_TEMPFAIL)
    ├── OutputError                     3  a report or export file cannot be written (full disk, permissions)
    └── FetchError                      4  E-utilities did not give us what we asked for
        ├── TransientFetchError         4  worth retrying: 5xx, 429, timeouts, truncated or in-band errors
        │   ├── RateLimitedError        4  HTTP 429 or NCBI's rate-limit JSON
        │   └── HistoryExpiredError     4  the history server forgot a WebEnv: search again, do not resend
        ├── QueryError                  4  NCBI rejected the query itself (not retried)
        ├── ApiKeyError                 4  NCBI rejected the API key (not retried)
        ├── SearchWindowTooLargeError   4  a search asked past PubMed's 9,999 ceiling
        └── IncompleteFetchError        4  retries ran out, or ids did not reconcile with the count

Every message is one line a user can act on: it names the file and the place
(record, line, key) where it knows them. Nothing here carries an API key:
the fetch layer redacts before it raises (litscan.pubmed.redaction).
"""

from __future__ import annotations


class LitscanError(Exception):
    """Base class: any error litscan reports to its user."""

    exit_code = 1


class InputError(LitscanError):
    """A file given to litscan is missing, of unknown format, corrupt or truncated."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, where: str | None = None) -> None:
        self.path = path
        self.where = where
        parts = [p for p in (path, where) if p]
        prefix = ": ".join(parts)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class ConfigError(InputError):
    """A topic file, tag vocabulary or setting is wrong; the message names the file (or variable) and the entry."""


class StoreError(LitscanError):
    """The SQLite store cannot be opened, migrated or written."""

    exit_code = 3


class StoreLockedError(StoreError):
    """Another litscan process is writing to the same store."""

    exit_code = 75  # EX_TEMPFAIL: schedulers may simply try again later


class OutputError(LitscanError):
    """A digest page, feed or export file cannot be written; the message names the file and the reason."""

    exit_code = 3


class FetchError(LitscanError):
    """E-utilities did not give us what we asked for."""

    exit_code = 4


class TransientFetchError(FetchError):
    """A failure worth retrying: 5xx, timeouts, dropped connections, truncated or in-band errors."""


class RateLimitedError(TransientFetchError):
    """NCBI answered 429 (or its rate-limit JSON under 200)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class HistoryExpiredError(TransientFetchError):
    """The history server no longer knows a WebEnv; search again to get a fresh one."""


class QueryError(FetchError):
    """NCBI rejected the search term; retrying would not help."""


class ApiKeyError(FetchError):
    """NCBI rejected the API key; fix NCBI_API_KEY."""


class SearchWindowTooLargeError(FetchError):
    """ESearch was asked to page past PubMed's 9,999-record ceiling."""


class IncompleteFetchError(FetchError):
    """Retries ran out or the ids collected do not add up to the count NCBI reported."""
