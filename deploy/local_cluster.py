"""The scaled topology on one machine: PostgreSQL and Redis (already running), several app
processes with several workers each, and nginx in front on one port.

Used by `make run-scaled`, the scaled browser tests (tests/scaled/) and `make bench-load`.
The frontend is built once (into its own web folder, with PUBLIC_URL = the proxy) and
every app process serves that build (`python -m portal_app serve --prebuilt`). The demo
data is loaded once, before the processes start.

Run it directly (what `make run-scaled` does):

    SCALED_PORT=8080 SCALED_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/klantportaal \
    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python deploy/local_cluster.py
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx.conf"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_binary() -> str:
    """Debian's nginx (`make proxy` installs it)."""
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(found):
        raise RuntimeError("nginx is missing: run `make proxy` (apt-get install nginx).")
    return found


def ensure_database(database_url: str) -> None:
    """Create the PostgreSQL database of `database_url` when it does not exist yet."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    admin = url.set(drivername="postgresql", database="postgres").render_as_string(False)
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (url.database,)
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{url.database}"')


def render_nginx(prefix: Path, listen: str, upstreams: list[str]) -> Path:
    """Write deploy/nginx.conf with its markers filled in; returns the file."""
    prefix.mkdir(parents=True, exist_ok=True)
    servers = "\n        ".join(
        f"server {address} max_fails=1 fail_timeout=5s;" for address in upstreams
    )
    text = (
        TEMPLATE.read_text()
        .replace("@PREFIX@", str(prefix))
        .replace("@LISTEN@", listen)
        .replace("@UPSTREAMS@", servers)
    )
    if os.geteuid() == 0:  # workers keep root's access to the private temp folders
        text = "user root;\n" + text
    conf = prefix / "nginx.conf"
    conf.write_text(text)
    return conf


def wait_until_up(url: str, processes: list[subprocess.Popen], seconds: float = 300) -> None:
    """Until `url` answers 200; fails early when one of `processes` exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{process.args} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up in {seconds:.0f}s")


def _stop(process: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig)
        process.wait(timeout=30)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@dataclass
class Cluster:
    """A running scaled portal: `url` is the proxy's address."""

    url: str
    database_url: str
    redis_url: str
    env: dict[str, str]
    workdir: Path
    app_ports: list[int] = field(default_factory=list)
    apps: list[subprocess.Popen] = field(default_factory=list)
    proxy: subprocess.Popen | None = None

    def app_url(self, index: int) -> str:
        """One app process's own address (bypassing the proxy)."""
        return f"http://127.0.0.1:{self.app_ports[index]}"

    def kill_app(self, index: int) -> None:
        """Kill one app process and its workers at once (SIGKILL), as a crash would."""
        _stop(self.apps[index], signal.SIGKILL)

    def stop(self) -> None:
        """Stop the proxy and every app process."""
        _stop(self.proxy)
        for process in self.apps:
            _stop(process)


def cluster_env(
    *,
    database_url: str,
    redis_url: str,
    proxy_port: int,
    workers: int,
    web_dir: Path,
    extra: dict[str, str] | None = None,
) -> dict[str, str]:
    """The settings every app process of the cluster gets."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "WEB_WORKERS": str(workers),
        "TRUSTED_PROXY_HOPS": "1",
        "PUBLIC_URL": f"http://localhost:{proxy_port}",
        "PORTAL_DEV_TOOLS": os.environ.get("PORTAL_DEV_TOOLS", "1"),
        "REFLEX_WEB_WORKDIR": str(web_dir),
        "REFLEX_USE_SYSTEM_BUN": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "false",
        "PATH": f"{ROOT / '.tools/node_modules/.bin'}:{os.environ.get('PATH', '')}",
        **(extra or {}),
    }


def start_cluster(
    workdir: Path,
    *,
    database_url: str,
    redis_url: str,
    proxy_port: int | None = None,
    processes: int = 2,
    workers: int = 2,
    web_dir: Path | None = None,
    extra_env: dict[str, str] | None = None,
    build: bool = True,
    demo_data: bool = True,
    log=print,
) -> Cluster:
    """Migrate and load the demo data once, build once, start the app processes and nginx;
    returns when the proxy serves the sign-in page. Stop it with `Cluster.stop()`."""
    workdir.mkdir(parents=True, exist_ok=True)
    proxy_port = proxy_port or free_port()
    web_dir = web_dir or workdir / "web"
    env = cluster_env(
        database_url=database_url,
        redis_url=redis_url,
        proxy_port=proxy_port,
        workers=workers,
        web_dir=web_dir,
        extra=extra_env,
    )
    cluster = Cluster(f"http://localhost:{proxy_port}", database_url, redis_url, env, workdir)
    python = [sys.executable, "-m", "portal_app"]
    if database_url.startswith("postgresql"):
        ensure_database(database_url)
    step = "demo-data" if demo_data else "migrate"
    log(f"{step}: {database_url.rsplit('@', 1)[-1]}")
    subprocess.run([*python, step], cwd=ROOT, env=env, check=True, timeout=300)
    if build or not (web_dir / "build" / "client" / "index.html").exists():
        log(f"building the frontend once into {web_dir}")
        with open(workdir / "build.log", "w") as out:
            subprocess.run(
                [*python, "build"],
                cwd=ROOT,
                env=env,
                check=True,
                timeout=900,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
    try:
        for index in range(processes):
            port = free_port()
            cluster.app_ports.append(port)
            with open(workdir / f"app-{index}.log", "w") as out:
                cluster.apps.append(
                    subprocess.Popen(
                        [*python, "serve", "--prebuilt"],
                        cwd=ROOT,
                        env={**env, "PORT": str(port)},
                        stdout=out,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )
        conf = render_nginx(
            workdir / "proxy",
            f"127.0.0.1:{proxy_port}",
            [f"127.0.0.1:{port}" for port in cluster.app_ports],
        )
        with open(workdir / "proxy.log", "w") as out:
            cluster.proxy = subprocess.Popen(
                [nginx_binary(), "-p", str(conf.parent), "-c", str(conf), "-g", "daemon off;"],
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        for index in range(processes):
            wait_until_up(f"{cluster.app_url(index)}/healthz", cluster.apps)
            wait_until_up(f"{cluster.app_url(index)}/portal/login/", cluster.apps)
        wait_until_up(f"{cluster.url}/portal/login/", [cluster.proxy])
    except BaseException:
        cluster.stop()
        raise
    return cluster


def main() -> int:
    """`make run-scaled`: the whole topology until Ctrl-C."""
    port = int(os.environ.get("SCALED_PORT", "8080"))
    database_url = os.environ.get(
        "SCALED_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/klantportaal_scaled"
    )
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    processes = int(os.environ.get("SCALED_PROCESSES", "2"))
    workers = int(os.environ.get("WEB_WORKERS", "2"))
    workdir = ROOT / "data" / "scaled"
    cluster = start_cluster(
        workdir,
        database_url=database_url,
        redis_url=redis_url,
        proxy_port=port,
        processes=processes,
        workers=workers,
        web_dir=ROOT / ".web-scaled",
    )
    print(
        f"Klantportaal (scaled): {cluster.url}/dev/login  -- {processes} app processes x "
        f"{workers} workers on ports {cluster.app_ports}, nginx on {port}, logs in {workdir}. "
        "Ctrl-C stops everything."
    )
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    try:
        while not stop:
            if any(p.poll() is not None for p in [*cluster.apps, cluster.proxy]):
                print("A process of the cluster stopped; see the logs in", workdir)
                break
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
