"""Topic files, user settings and where things live by default.

A topic is one TOML file in ``queries/``: its PubMed term, the date its
backfill starts, and the tag vocabulary its records are labelled with. Users
edit these files, so every mistake is reported with the file and the key.

This is the only module that reads environment variables and ``config.toml``;
the rest of litscan is handed the values (``eutils_settings``, ``templates_dir``,
``db_path``, ``queries_dir``, ``setting``). Each value is looked up when it is
needed, so a setting one command does not use cannot make it fail. Precedence:
the command-line option, then the environment, then ``config.toml``, then the default.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

DEFAULT_DB = "litscan.sqlite"
DEFAULT_REPORTS = "reports"
DEFAULT_TOPIC_NAME = "ketamine-chronic-pain"
DEFAULT_EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
DEFAULT_RETRY_SECONDS = 100.0
DEFAULT_MAX_INPUT_MB = 4096  # the most one imported file may hold, decompressed

_TOPIC_KEYS = {"name", "title", "term", "start", "vocabulary", "description", "digest", "email", "screening"}
# What an alert (the digest page, the e-mail) may be limited to; the rest is counted, not listed.
_LIMIT_KEYS = {"only_on_topic", "only_designs", "only_awaiting_screening"}
_DIGEST_KEYS = {"period", "title"} | _LIMIT_KEYS
_EMAIL_KEYS = {"recipients", "subject", "sender", "skip_empty"} | _LIMIT_KEYS
_SCREENING_KEYS = {"reasons"}
_SLUG = re.compile(r"[a-z][a-z0-9_]{0,63}")
NO_REASON = "unspecified"  # how an exclusion that came without a reason (an import) is counted
_PERIODS = {"week", "month"}
# A topic's name is a folder under --reports and part of its URLs: nothing that could climb out ("..", "/").
_TOPIC_NAME_MAX = 64
_TOPIC_NAME = re.compile(rf"[A-Za-z0-9][A-Za-z0-9_-]{{0,{_TOPIC_NAME_MAX - 1}}}")


@dataclass(frozen=True)
class AlertLimits:
    """Which of a period's records an alert lists; each limit narrows it further, none lists them all."""

    on_topic: bool = False
    designs: tuple[str, ...] = ()  # design ids; empty: every design
    awaiting_screening: bool = False  # only records no one has screened yet

    @property
    def any(self) -> bool:
        return self.on_topic or bool(self.designs) or self.awaiting_screening


@dataclass(frozen=True)
class DigestSettings:
    period: str = "week"
    title: str | None = None
    limits: AlertLimits = field(default_factory=AlertLimits)


@dataclass(frozen=True)
class EmailSettings:
    recipients: tuple[str, ...] = ()
    subject: str | None = None
    sender: str | None = None
    limits: AlertLimits = field(default_factory=AlertLimits)
    skip_empty: bool = False  # send nothing when no record of the period passes the limits


@dataclass(frozen=True)
class ScreeningSettings:
    """The topic's own exclusion reasons: id -> label, in the file's order."""

    reasons: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Topic:
    """One surveillance topic: a PubMed query and the vocabulary its records are tagged with."""

    name: str
    title: str
    term: str
    start: dt.date
    vocabulary_path: Path
    path: Path | None = None
    description: str | None = None
    digest: DigestSettings = field(default_factory=DigestSettings)
    email: EmailSettings = field(default_factory=EmailSettings)
    screening: ScreeningSettings = field(default_factory=ScreeningSettings)


def queries_dir() -> Path:
    """Where topic files are looked up: $LITSCAN_QUERIES, ./queries, else the bundled copy."""
    env = _environment("LITSCAN_QUERIES")
    if env:
        return Path(env)
    local = Path("queries")
    if local.is_dir() and any(local.glob("*.toml")):
        return local
    return bundled_queries_dir()


def bundled_queries_dir() -> Path:
    """The topics shipped with litscan.

    A wheel carries queries/ inside the package as ``litscan/_queries`` (see
    pyproject); a source checkout or editable install reads ``queries/`` beside
    the package.
    """
    package_dir = Path(__file__).resolve().parent
    for candidate in (package_dir / "_queries", package_dir.parent / "queries"):
        if candidate.is_dir():
            return candidate
    raise ConfigError("the bundled queries/ folder is missing from this installation")


def default_topic_path() -> Path:
    return queries_dir() / f"{DEFAULT_TOPIC_NAME}.toml"


def topic_paths(directory: Path | None = None) -> list[Path]:
    """Every topic file in a directory; vocabulary files (``*.vocab.toml``) are not topics."""
    directory = directory or queries_dir()
    return sorted(p for p in directory.glob("*.toml") if not p.name.endswith(".vocab.toml"))


def topics_to_run(given: Sequence[str | os.PathLike[str]] = ()) -> list[Path]:
    """The topic files given, else every topic in the queries folder; a ConfigError when there is none."""
    paths = [Path(p) for p in given] or topic_paths()
    if not paths:
        raise ConfigError("no topic files found in queries/ (or $LITSCAN_QUERIES)")
    return paths


def find_topic(name_or_path: str | os.PathLike[str]) -> Topic:
    """A topic given by its file, or by its name among the topics in the queries folder."""
    text = str(name_or_path)
    path = Path(text)
    if path.suffix == ".toml" or path.is_file():
        return load_topic(path)
    candidates = topic_paths()
    named = [p for p in candidates if p.stem == text] + [p for p in candidates if p.stem != text]
    for candidate in named:
        try:
            topic = load_topic(candidate)
        except ConfigError:
            if candidate.stem == text:
                raise
            continue  # another topic's mistake is reported when that topic is used
        if topic.name == text:
            return topic
    known = ", ".join(sorted(p.stem for p in candidates)) or "none"
    raise ConfigError(f"no topic named {text[:64]!r} in {queries_dir()} (topics: {known})")


def toml_data(data: bytes, path: str) -> dict[str, Any]:
    """A data file's TOML (a vocabulary, rule, registry or phrase file), or a ConfigError naming ``path``.

    What was parsed is kept by content (``cache_files``): the next process reads it back in a
    twentieth of the time (~12 ms of every command that tags, before its first record).
    """
    from . import cache_files  # here: cache_files finds its folder with this module

    key = hashlib.sha1(data).hexdigest()
    kept = cache_files.load("toml", key)
    if isinstance(kept, dict):
        return kept
    parsed = _parsed_toml(data, path)
    cache_files.store("toml", key, parsed, keep=32)
    return parsed


def _parsed_toml(data: bytes, path: str) -> dict[str, Any]:
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text ({exc})", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML ({exc})", path=path) from None


def load_topic(path: str | os.PathLike[str]) -> Topic:
    """Read and validate one topic file; any problem is a ConfigError naming the file and key."""
    path = Path(path)
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("topic file not found", path=where) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML ({exc})", path=where) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read ({exc})", path=where) from None

    _reject_unknown(data, _TOPIC_KEYS, where, "")
    for key in ("name", "term", "vocabulary"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"missing or empty key '{key}' (a non-empty string)", path=where, where=key)
    name = data["name"].strip()
    if not _TOPIC_NAME.fullmatch(name):
        shown = name if len(name) <= 40 else name[:40] + "..."
        raise ConfigError(
            f"'name' must be a slug of 1 to {_TOPIC_NAME_MAX} letters, digits, '-' and '_' starting with a letter "
            f"or digit (it names the topic's folder under --reports), got {shown!r}",
            path=where,
            where="name",
        )
    if "start" not in data:
        raise ConfigError(
            "missing key 'start' (the date the backfill begins, e.g. 2000-01-01)", path=where, where="start"
        )
    start = parse_date(data["start"], path=where, key="start")

    vocabulary_path = (path.parent / data["vocabulary"]).resolve()
    if not vocabulary_path.is_file():
        raise ConfigError(
            f"vocabulary file {data['vocabulary']!r} not found next to the topic", path=where, where="vocabulary"
        )
    return Topic(
        name=name,
        title=str(data.get("title") or name),
        term=" ".join(data["term"].split()),
        start=start,
        vocabulary_path=vocabulary_path,
        path=path.resolve(),
        description=data.get("description"),
        digest=_digest_settings(data.get("digest", {}), where),
        email=_email_settings(data.get("email", {}), where),
        screening=_screening_settings(data.get("screening", {}), where),
    )


def parse_date(value: Any, *, path: str | None = None, key: str = "date") -> dt.date:
    """Accept a TOML date or ``YYYY-MM-DD`` / ``YYYY/MM/DD`` text; anything else is a ConfigError."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip().replace("/", "-")
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise ConfigError(f"{key}: cannot read {value!r} as a date (use YYYY-MM-DD)", path=path, where=key)


def _reject_unknown(data: dict[str, Any], allowed: set[str], where: str, prefix: str) -> None:
    for key in data:
        if key not in allowed:
            raise ConfigError(
                f"unknown key '{prefix}{key}' (allowed: {', '.join(sorted(allowed))})",
                path=where,
                where=f"{prefix}{key}",
            )


def _digest_settings(data: Any, where: str) -> DigestSettings:
    if not isinstance(data, dict):
        raise ConfigError("'digest' must be a table", path=where, where="digest")
    _reject_unknown(data, _DIGEST_KEYS, where, "digest.")
    period = data.get("period", "week")
    if period not in _PERIODS:
        raise ConfigError(
            f"digest.period must be one of {sorted(_PERIODS)}, got {period!r}", path=where, where="digest.period"
        )
    return DigestSettings(period=period, title=data.get("title"), limits=_limits(data, where, "digest"))


def _email_settings(data: Any, where: str) -> EmailSettings:
    if not isinstance(data, dict):
        raise ConfigError("'email' must be a table", path=where, where="email")
    _reject_unknown(data, _EMAIL_KEYS, where, "email.")
    recipients = data.get("recipients", [])
    if isinstance(recipients, str):
        recipients = [recipients]
    if not isinstance(recipients, list) or not all(isinstance(r, str) and "@" in r for r in recipients):
        raise ConfigError("email.recipients must be a list of e-mail addresses", path=where, where="email.recipients")
    return EmailSettings(
        recipients=tuple(recipients),
        subject=data.get("subject"),
        sender=data.get("sender"),
        limits=_limits(data, where, "email"),
        skip_empty=_flag(data, "skip_empty", where, "email"),
    )


def _flag(data: dict[str, Any], key: str, where: str, table: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise ConfigError(f"{table}.{key} must be true or false, got {value!r}", path=where, where=f"{table}.{key}")
    return value


def _limits(data: dict[str, Any], where: str, table: str) -> AlertLimits:
    designs = data.get("only_designs", [])
    if not isinstance(designs, list) or not all(isinstance(d, str) and _SLUG.fullmatch(d) for d in designs):
        raise ConfigError(
            f"{table}.only_designs must be a list of design ids (as in the vocabulary), got {designs!r}",
            path=where,
            where=f"{table}.only_designs",
        )
    return AlertLimits(
        on_topic=_flag(data, "only_on_topic", where, table),
        designs=tuple(designs),
        awaiting_screening=_flag(data, "only_awaiting_screening", where, table),
    )


def _screening_settings(data: Any, where: str) -> ScreeningSettings:
    if not isinstance(data, dict):
        raise ConfigError("'screening' must be a table", path=where, where="screening")
    _reject_unknown(data, _SCREENING_KEYS, where, "screening.")
    reasons = data.get("reasons", {})
    if not isinstance(reasons, dict):
        raise ConfigError(
            'screening.reasons must be a table of reason id = "label"', path=where, where="screening.reasons"
        )
    for reason, label in reasons.items():
        key = f"screening.reasons.{reason}"
        if not _SLUG.fullmatch(reason) or reason == NO_REASON:
            raise ConfigError(
                f"a reason id is lower-case letters, digits and '_', starting with a letter (and not {NO_REASON!r})",
                path=where,
                where=key,
            )
        if not isinstance(label, str) or not label.strip():
            raise ConfigError("the reason's label must be non-empty text", path=where, where=key)
    return ScreeningSettings(reasons={reason: label.strip() for reason, label in reasons.items()})


def _environment(name: str) -> str | None:
    """One environment variable; set but empty counts as unset."""
    return os.environ.get(name) or None


def user_config_path() -> Path:
    base = _environment("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(_environment("LITSCAN_CONFIG") or Path(base) / "litscan" / "config.toml")


def user_settings() -> dict[str, Any]:
    """Optional ``config.toml`` (ncbi_email, ncbi_api_key, smtp_*); the environment wins over it."""
    path = user_config_path()
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML ({exc})", path=str(path)) from None


def setting(env_name: str, config_key: str) -> str | None:
    """``$env_name``, else ``config_key`` in config.toml, else None."""
    value = _environment(env_name)
    if value:
        return value
    from_file = user_settings().get(config_key)
    return str(from_file) if from_file else None


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--db, else $LITSCAN_DB, else ./litscan.sqlite."""
    return Path(explicit or _environment("LITSCAN_DB") or DEFAULT_DB)


def templates_dir(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """--templates, else $LITSCAN_TEMPLATES, else None (the built-in templates alone)."""
    chosen = explicit or _environment("LITSCAN_TEMPLATES")
    return Path(chosen) if chosen else None


def registries_path() -> str | None:
    """$LITSCAN_REGISTRIES (a trial-registry file of one's own), else None: the bundled one."""
    return _environment("LITSCAN_REGISTRIES")


@dataclass(frozen=True)
class EutilsSettings:
    """Where E-utilities is and who is asking: what an ``EutilsClient`` is built from."""

    base_url: str = DEFAULT_EUTILS_URL
    email: str | None = None
    api_key: str | None = None
    retry_seconds: float = DEFAULT_RETRY_SECONDS  # how long one request keeps retrying
    pace_dir: Path | None = None  # where litscan processes share their request pace; None: each paces alone


def eutils_settings(base_url: str | None = None) -> EutilsSettings:
    """--eutils-url, else $LITSCAN_EUTILS_URL, else NCBI's; $NCBI_EMAIL and $NCBI_API_KEY, else config.toml.

    $LITSCAN_RETRY_SECONDS bounds how long one request keeps retrying (default 100 s).
    """
    return EutilsSettings(
        base_url=base_url or _environment("LITSCAN_EUTILS_URL") or DEFAULT_EUTILS_URL,
        email=setting("NCBI_EMAIL", "ncbi_email"),
        api_key=setting("NCBI_API_KEY", "ncbi_api_key"),
        retry_seconds=_seconds("LITSCAN_RETRY_SECONDS", DEFAULT_RETRY_SECONDS),
        pace_dir=pace_dir(),
    )


def pace_dir() -> Path:
    """$LITSCAN_PACE_DIR, else ``litscan-<uid>`` in the temporary directory ($TMPDIR, else /tmp).

    Not $XDG_RUNTIME_DIR: cron and systemd timers usually run without it, and
    a cron job and an interactive run must find the same pace file.
    """
    return Path(_environment("LITSCAN_PACE_DIR") or Path(tempfile.gettempdir()) / f"litscan-{os.getuid()}")


def cache_dir() -> Path:
    """$LITSCAN_CACHE_DIR, else ``litscan`` under $XDG_CACHE_HOME (else ~/.cache): files litscan can rebuild."""
    explicit = _environment("LITSCAN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(_environment("XDG_CACHE_HOME") or Path.home() / ".cache") / "litscan"


def max_input_bytes() -> int:
    """$LITSCAN_MAX_INPUT_MB: the most one imported file may hold once decompressed (default 4096 MB)."""
    text = _environment("LITSCAN_MAX_INPUT_MB")
    if text is None:
        return DEFAULT_MAX_INPUT_MB << 20
    if not re.fullmatch(r"[0-9]{1,9}", text.strip()) or not int(text):
        raise ConfigError(f"{text!r} is not a whole number of megabytes", where="LITSCAN_MAX_INPUT_MB")
    return int(text) << 20


def _seconds(env_name: str, default: float) -> float:
    text = _environment(env_name)
    if text is None:
        return default
    try:
        return float(text)
    except ValueError:
        raise ConfigError(f"{env_name}: {text!r} is not a number of seconds", where=env_name) from None
