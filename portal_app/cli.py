"""Command line: `python -m portal_app migrate | demo-data | backup | restore | check |
build | serve`."""

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

    from portal_app.infra.database import apply_migrations
    from portal_app.runtime import engine as get_engine

    engine = get_engine()
    try:
        engine.connect().close()
    except OperationalError as error:
        url = load_settings().database_url
        raise SetupError(
            f"Cannot reach the database at DATABASE_URL ({url.split('@')[-1]}): "
            f"{' '.join(str(error.orig).split()).rstrip('.?')}. "
            "Start the database server or fix DATABASE_URL."
        ) from None
    try:
        apply_migrations(engine)
    except Exception as error:
        raise SetupError(
            f"Updating the database schema failed and nothing was changed: "
            f"{' '.join(str(error).split())[:300]}"
        ) from None


def migrate() -> None:
    """Apply pending migrations."""
    _database_ready()
    print("Database schema is up to date.")


def demo_data() -> None:
    """Load the demo business once."""
    from portal_app.domain.demo_data import (
        DEMO_OWNER_TOTP_SECRET,
        DEMO_STAFF_PASSWORD,
        STAFF,
        load_demo_data,
    )
    from portal_app.runtime import context

    _database_ready()
    loaded = load_demo_data(context())
    print("Demo data loaded." if loaded else "Demo data already present.")
    print(f"Back-office log-in: {STAFF[0][1]} / {DEMO_STAFF_PASSWORD} (owner)")
    print(
        f"Owner's second step: authenticator key {DEMO_OWNER_TOTP_SECRET} "
        f"(other demo staff need none)"
    )


def create_owner() -> None:
    """Create the first owner: OWNER_EMAIL, OWNER_NAME, OWNER_PASSWORD (or prompted)."""
    import getpass

    from portal_app.core.errors import InvalidInput
    from portal_app.domain.identity.staff_login import create_owner as create
    from portal_app.runtime import context

    _database_ready()
    email = os.environ.get("OWNER_EMAIL") or input("E-mail: ")
    name = os.environ.get("OWNER_NAME") or input("Name: ")
    password = os.environ.get("OWNER_PASSWORD") or getpass.getpass("Password (10+ characters): ")
    slug = os.environ.get("BUSINESS_SLUG", "demo")
    try:
        create(context(), business_slug=slug, name=name, email=email, password=password)
    except InvalidInput as error:
        raise SetupError(f"Owner not created: {error}.") from None
    print(f"Owner {email} created; sign in at /staff/login.")


def invite(args: argparse.Namespace) -> None:
    """Invite a customer to pick an appointment option (--customer, --service, --staff)."""
    from portal_app.core.errors import DomainError, NotFound
    from portal_app.domain.invitations.service import invite_by_names
    from portal_app.runtime import context

    if not args.customer or not args.service:
        raise SetupError('give --customer EMAIL and --service "SERVICE NAME".')
    _database_ready()
    try:
        invite_by_names(
            context(),
            customer_email=args.customer,
            service_name=args.service,
            staff_email=args.staff,
        )
    except NotFound as error:
        raise SetupError(f"{error}.") from None
    except DomainError as error:
        raise SetupError(f"invitation refused: {error}") from None
    print(f"Invitation for {args.service} queued for {args.customer}.")


def backup(args: argparse.Namespace) -> None:
    """Write the database and the private files to one archive (--to FOLDER or FILE)."""
    from pathlib import Path

    from portal_app.infra.backup import BackupError, make_backup

    _database_ready()
    destination = Path(args.to) if args.to else PROJECT_ROOT / "data" / "backups"
    try:
        report = make_backup(load_settings(), destination)
    except BackupError as error:
        raise SetupError(str(error)) from None
    print(f"Backup written to {report.path} ({report.database} database, {report.files} files).")


def restore(args: argparse.Namespace) -> None:
    """Replace the database and the private files by those of a backup archive."""
    from pathlib import Path

    from portal_app.infra.backup import BackupError, restore_backup

    if not args.path:
        raise SetupError("give the backup to restore: python -m portal_app restore FILE.")
    try:
        report = restore_backup(load_settings(), Path(args.path))
    except BackupError as error:
        raise SetupError(str(error)) from None
    _database_ready()  # a backup from an older version gets the newer migrations
    print(f"Restored {report.path} ({report.database} database, {report.files} files).")


def check_tools(port: bool = True, node: bool = True) -> None:
    """Fail with one sentence when node or bun is missing or the port is taken."""
    if node and shutil.which("node") is None:
        raise SetupError(
            "Node.js is not installed: install Node 20 or newer (apt-get install nodejs)."
        )
    if node and os.environ.get("REFLEX_USE_SYSTEM_BUN") and shutil.which("bun") is None:
        raise SetupError("bun is not on PATH: run `make run`, which installs it into .tools/.")
    if not port:
        return
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


def _worker_env() -> dict[str, str]:
    """The environment for Reflex's backend: its worker count (Granian's) from WEB_WORKERS;
    one worker without REDIS_URL, as Reflex itself decides."""
    settings = load_settings()
    return {**os.environ, "GRANIAN_WORKERS": str(settings.web_workers)}


def build() -> None:
    """Build the production frontend once (into REFLEX_WEB_WORKDIR, default .web), for
    `serve --prebuilt` processes to share; its websocket address is PUBLIC_URL's."""
    check_tools(port=False)
    command = [sys.executable, "-m", "reflex", "export", "--frontend-only", "--no-zip"]
    os.chdir(PROJECT_ROOT)
    code = subprocess.call([*command, "--env", "prod"])
    if code:
        raise SetupError(f"building the frontend failed (exit {code}); see the output above.")
    print("Frontend built.")


def run_built_backend() -> None:
    """Serve the frontend built by `build` and the backend, without building again."""
    from reflex.utils import exec as reflex_exec
    from reflex_base import constants
    from reflex_base.environment import environment

    environment.REFLEX_ENV_MODE.set(constants.Env.PROD)
    environment.REFLEX_SKIP_COMPILE.set(True)
    reflex_exec.run_backend_prod(
        "0.0.0.0", load_settings().port, constants.LogLevel.INFO, mount_frontend_compiled_app=True
    )


def serve(prebuilt: bool = False) -> None:
    """Check the tools, migrate, then run the app in production mode on one port, with
    WEB_WORKERS backend workers; `prebuilt` reuses the frontend of `build`."""
    check_tools(node=not prebuilt)
    _database_ready()
    if prebuilt:
        index = _web_dir() / "build" / "client" / "index.html"
        if not index.exists():
            raise SetupError(f"no built frontend in {index.parent}: run `build` first.")
        code = "from portal_app.cli import run_built_backend; run_built_backend()"
        command = [sys.executable, "-c", code]
    else:
        command = [sys.executable, "-m", "reflex", "run", "--env", "prod", "--single-port"]
    os.chdir(PROJECT_ROOT)
    raise SystemExit(subprocess.call(command, env=_worker_env()))


def _web_dir():
    from pathlib import Path

    folder = Path(os.environ.get("REFLEX_WEB_WORKDIR") or ".web")
    return folder if folder.is_absolute() else PROJECT_ROOT / folder


COMMANDS = {
    "migrate": migrate,
    "demo-data": demo_data,
    "create-owner": create_owner,
    "invite": invite,
    "backup": backup,
    "restore": restore,
    "check": check_tools,
    "build": build,
    "serve": serve,
}


def main(argv: list[str] | None = None) -> int:
    """Entry point; prints one clear sentence instead of a traceback on setup errors."""
    parser = argparse.ArgumentParser(prog="python -m portal_app")
    parser.add_argument("command", choices=sorted(COMMANDS))
    parser.add_argument("--customer", help="invite: the customer's e-mail address")
    parser.add_argument("--service", help="invite: the service's name")
    parser.add_argument("--staff", help="invite: the inviting staff member's e-mail")
    parser.add_argument("--to", help="backup: the folder (or .tar.gz file) to write to")
    parser.add_argument("path", nargs="?", help="restore: the backup archive")
    parser.add_argument(
        "--prebuilt", action="store_true", help="serve: use the frontend of `build`"
    )
    args = parser.parse_args(argv)
    try:
        load_settings()
        command = COMMANDS[args.command]
        if command in (invite, backup, restore):
            command(args)
        elif command is serve:
            serve(prebuilt=args.prebuilt)
        else:
            command()
    except (ConfigError, SetupError) as error:
        print(f"Klantportaal: {error}", file=sys.stderr)
        return 2
    return 0
