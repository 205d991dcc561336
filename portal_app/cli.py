"""Command line: `python -m portal_app migrate | demo-data | check | serve`."""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys

from portal_app.config import PROJECT_ROOT, ConfigError, load_settings


class SetupError(Exception):
    """Something outside the code is missing; the message says what to do."""


def _database_ready() -> None:
    from sqlalchemy.exc import OperationalError

    from portal_app.infra.database import apply_migrations, get_engine

    try:
        apply_migrations(get_engine())
    except OperationalError as error:
        url = load_settings().database_url
        raise SetupError(
            f"Cannot reach the database at DATABASE_URL ({url.split('@')[-1]}): "
            f"{' '.join(str(error.orig).split()).rstrip('.?')}. "
            "Start the database server or fix DATABASE_URL."
        ) from None


def migrate() -> None:
    """Apply pending migrations."""
    _database_ready()
    print("Database schema is up to date.")


def demo_data() -> None:
    """Load the demo business once."""
    from portal_app.domain.demo_data import DEMO_STAFF_PASSWORD, STAFF, load_demo_data
    from portal_app.infra.clock import SystemClock
    from portal_app.infra.database import session_scope

    _database_ready()
    with session_scope() as session:
        loaded = load_demo_data(session, SystemClock())
    print("Demo data loaded." if loaded else "Demo data already present.")
    print(f"Back-office log-in: {STAFF[0][1]} / {DEMO_STAFF_PASSWORD} (owner)")


def create_owner() -> None:
    """Create the first owner: OWNER_EMAIL, OWNER_NAME, OWNER_PASSWORD (or prompted)."""
    import getpass

    from portal_app.domain.errors import InvalidInput
    from portal_app.domain.staff_auth import create_owner as create
    from portal_app.infra.database import session_scope

    _database_ready()
    email = os.environ.get("OWNER_EMAIL") or input("E-mail: ")
    name = os.environ.get("OWNER_NAME") or input("Name: ")
    password = os.environ.get("OWNER_PASSWORD") or getpass.getpass("Password (10+ characters): ")
    slug = os.environ.get("BUSINESS_SLUG", "demo")
    try:
        with session_scope() as session:
            create(session, business_slug=slug, name=name, email=email, password=password)
    except InvalidInput as error:
        raise SetupError(f"Owner not created: {error}.") from None
    print(f"Owner {email} created; sign in at /staff/login.")


def check_tools() -> None:
    """Fail with one sentence when node or bun is missing or the port is taken."""
    if shutil.which("node") is None:
        raise SetupError(
            "Node.js is not installed: install Node 20 or newer (apt-get install nodejs)."
        )
    if os.environ.get("REFLEX_USE_SYSTEM_BUN") and shutil.which("bun") is None:
        raise SetupError("bun is not on PATH: run `make run`, which installs it into .tools/.")
    port = load_settings().port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("0.0.0.0", port))
        except OSError:
            raise SetupError(
                f"Port {port} is already in use: stop the program using it, "
                f"or start the portal on another port with PORT=<number> make run."
            ) from None


def serve() -> None:
    """Check the tools, migrate, then run the app in production mode on one port."""
    check_tools()
    _database_ready()
    command = [sys.executable, "-m", "reflex", "run", "--env", "prod", "--single-port"]
    os.chdir(PROJECT_ROOT)
    raise SystemExit(subprocess.call(command))


COMMANDS = {
    "migrate": migrate,
    "demo-data": demo_data,
    "create-owner": create_owner,
    "check": check_tools,
    "serve": serve,
}


def main(argv: list[str] | None = None) -> int:
    """Entry point; prints one clear sentence instead of a traceback on setup errors."""
    parser = argparse.ArgumentParser(prog="python -m portal_app")
    parser.add_argument("command", choices=sorted(COMMANDS))
    args = parser.parse_args(argv)
    try:
        load_settings()
        COMMANDS[args.command]()
    except (ConfigError, SetupError) as error:
        print(f"Klantportaal: {error}", file=sys.stderr)
        return 2
    return 0
