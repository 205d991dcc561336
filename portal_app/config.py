"""Settings from environment variables, read in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(Exception):
    """A setting is missing or malformed; the message says what to do."""


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}.") from None


def validate_database_url(url: str) -> str:
    """Return the URL when SQLAlchemy can use it, else raise ConfigError."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if not url.strip():
        raise ConfigError(
            "DATABASE_URL is empty: unset it to use the embedded SQLite database, "
            "or set it to e.g. postgresql://user@127.0.0.1:5432/portal."
        )
    try:
        parsed = make_url(url)
    except ValueError:
        raise ConfigError(
            f"DATABASE_URL {url!r} has a port that is not a number: use e.g. "
            "postgresql://user@127.0.0.1:5432/portal."
        ) from None
    except ArgumentError:
        raise ConfigError(
            f"DATABASE_URL {url!r} is not a database URL: use e.g. "
            "sqlite:///portal.db or postgresql://user@127.0.0.1:5432/portal."
        ) from None
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise ConfigError(
            f"DATABASE_URL uses {parsed.get_backend_name()!r}; Klantportaal supports "
            "sqlite and postgresql URLs."
        )
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        check_sqlite_path(Path(parsed.database))
    return url


def check_sqlite_path(database: Path) -> None:
    """Raise ConfigError when the SQLite file cannot be created or written where it is."""
    database = database if database.is_absolute() else Path.cwd() / database
    existing = database if database.exists() else database.parent
    while not existing.exists():
        existing = existing.parent
    if existing != database and not existing.is_dir():
        raise ConfigError(
            f"DATABASE_URL points into {existing}, which is a file, not a folder: "
            "choose another path for the SQLite database."
        )
    if existing == database and database.is_dir():
        raise ConfigError(f"DATABASE_URL points to the folder {database}: name a file in it.")
    if os.statvfs(existing).f_flag & os.ST_RDONLY:
        raise ConfigError(
            f"DATABASE_URL points to {database}, on a read-only file system: "
            "put the SQLite database on a writable disk."
        )
    if not os.access(existing, os.W_OK):
        raise ConfigError(
            f"DATABASE_URL points to {database}, which this user cannot write: "
            "choose a writable path or fix the folder's permissions."
        )


@dataclass(frozen=True)
class Settings:
    """Typed settings of one running portal."""

    database_url: str
    public_url: str
    port: int
    environment: str
    dev_tools: bool
    timezone: str
    default_locale: str
    resend_api_key: str
    mail_from: str
    sms_api_url: str
    sms_api_key: str
    sms_originator: str
    access_link_minutes: int
    access_requests_per_15_minutes: int
    access_requests_per_ip_15_minutes: int
    # Scaled mode: Reflex's Redis state manager, its worker count, private file storage.
    redis_url: str = ""
    web_workers: int = 1
    trusted_proxy_hops: int = 0
    storage_dir: str = ""
    s3_bucket: str = ""
    s3_endpoint_url: str = ""
    s3_access_key_id: str = ""
    s3_secret_access_key: str = ""
    s3_region: str = ""
    # PORTAL_CLOCK: a frozen moment (aware, UTC) for tests and demos; dev tools only.
    frozen_clock: datetime | None = None

    @property
    def public_origin(self) -> str:
        """Scheme, host and port of PUBLIC_URL, as browsers send it in Origin."""
        parts = urlsplit(self.public_url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def secure_cookies(self) -> bool:
        """Cookies get the Secure flag when the portal is served over https."""
        return self.public_url.startswith("https://")


def _frozen_clock(dev_tools: bool, timezone: str) -> datetime | None:
    """PORTAL_CLOCK as an aware UTC datetime (naive: local time in PORTAL_TIMEZONE)."""
    raw = os.environ.get("PORTAL_CLOCK", "").strip()
    if not raw:
        return None
    if not dev_tools:
        raise ConfigError(
            "PORTAL_CLOCK freezes the clock for tests and works only with PORTAL_DEV_TOOLS=1: "
            "unset PORTAL_CLOCK or turn the dev tools on."
        )
    try:
        at = datetime.fromisoformat(raw)
        if at.tzinfo is None:
            at = at.replace(tzinfo=ZoneInfo(timezone))
    except (ValueError, ZoneInfoNotFoundError):
        raise ConfigError(
            "PORTAL_CLOCK must be an ISO 8601 time such as 2026-11-23T08:00+01:00 "
            f"(or a local time in PORTAL_TIMEZONE), got {raw!r}."
        ) from None
    return at.astimezone(UTC)


def _redis_url() -> str:
    """REDIS_URL when set (redis:// or rediss://), else '' (in-memory state)."""
    url = os.environ.get("REDIS_URL", "").strip()
    if url and not url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError(
            f"REDIS_URL must look like redis://127.0.0.1:6379/0, got {url!r}; "
            "unset it to keep the state in memory (one worker)."
        )
    return url


def _web_workers(redis_url: str) -> int:
    """WEB_WORKERS: backend workers of this process; more than one needs REDIS_URL."""
    workers = _int("WEB_WORKERS", 2 if redis_url else 1)
    if not 1 <= workers <= 8:
        raise ConfigError(f"WEB_WORKERS must be between 1 and 8, got {workers}.")
    if workers > 1 and not redis_url:
        raise ConfigError(
            "WEB_WORKERS above 1 needs REDIS_URL: the workers share the page state in Redis."
        )
    return workers


def _storage_dir() -> str:
    """STORAGE_DIR (default data/files); never a folder the web server publishes."""
    folder = Path(os.environ.get("STORAGE_DIR", "") or PROJECT_ROOT / "data" / "files").resolve()
    public = [PROJECT_ROOT / "assets", PROJECT_ROOT / ".web", PROJECT_ROOT / "uploaded_files"]
    if any(folder == p or p in folder.parents for p in public):
        raise ConfigError(
            f"STORAGE_DIR {str(folder)!r} is inside a public folder (assets, .web or the "
            "upload folder): private files need a folder of their own, e.g. data/files."
        )
    return str(folder)


def load_settings() -> Settings:
    """Read the settings from the environment; raise ConfigError on bad values."""
    default_db = f"sqlite:///{PROJECT_ROOT / 'data' / 'portal.db'}"
    database_url = validate_database_url(os.environ.get("DATABASE_URL", default_db))
    port = _int("PORT", 3000)
    if not 0 < port < 65536:
        raise ConfigError(f"PORT must be between 1 and 65535, got {port}.")
    public_url = os.environ.get("PUBLIC_URL", f"http://localhost:{port}").rstrip("/")
    if not public_url.startswith(("http://", "https://")):
        raise ConfigError(f"PUBLIC_URL must start with http:// or https://, got {public_url!r}.")
    dev_tools = _bool("PORTAL_DEV_TOOLS", False)
    timezone = os.environ.get("PORTAL_TIMEZONE", "Europe/Amsterdam")
    redis_url = _redis_url()
    return Settings(
        database_url=database_url,
        public_url=public_url,
        port=port,
        environment=os.environ.get("PORTAL_ENV", "production"),
        dev_tools=dev_tools,
        timezone=timezone,
        default_locale=os.environ.get("PORTAL_LOCALE", "nl"),
        resend_api_key=os.environ.get("RESEND_API_KEY", ""),
        mail_from=os.environ.get("MAIL_FROM", "Klantportaal <portal@example.com>"),
        sms_api_url=os.environ.get("SMS_API_URL", ""),
        sms_api_key=os.environ.get("SMS_API_KEY", ""),
        sms_originator=os.environ.get("SMS_ORIGINATOR", "Portaal"),
        access_link_minutes=_int("ACCESS_LINK_MINUTES", 15),
        access_requests_per_15_minutes=_int("ACCESS_REQUESTS_PER_15_MINUTES", 5),
        access_requests_per_ip_15_minutes=_int("ACCESS_REQUESTS_PER_IP_15_MINUTES", 200),
        redis_url=redis_url,
        web_workers=_web_workers(redis_url),
        trusted_proxy_hops=_int("TRUSTED_PROXY_HOPS", 0),
        storage_dir=_storage_dir(),
        s3_bucket=os.environ.get("S3_BUCKET", "").strip(),
        s3_endpoint_url=os.environ.get("S3_ENDPOINT_URL", "").strip(),
        s3_access_key_id=os.environ.get("S3_ACCESS_KEY_ID", "").strip(),
        s3_secret_access_key=os.environ.get("S3_SECRET_ACCESS_KEY", "").strip(),
        s3_region=os.environ.get("S3_REGION", "").strip(),
        frozen_clock=_frozen_clock(dev_tools, timezone),
    )
