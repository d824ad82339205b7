"""Throw-away PostgreSQL cluster on loopback for tests, the failover test and benchmarks."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

PG_USER = "postgres"


def find_bin_dir() -> Path:
    """Return the PostgreSQL server bin dir (prefer version 15, accept any)."""

    def rank(p: Path) -> tuple[bool, int]:
        ver = p.parent.name
        return (ver != "15", -int(ver) if ver.isdigit() else 0)

    for cand in sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=rank):
        if (cand / "initdb").is_file() and (cand / "pg_ctl").is_file():
            return cand
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        bindir = Path(out.stdout.strip())
        if out.returncode == 0 and (bindir / "initdb").is_file():
            return bindir
    raise RuntimeError(
        "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin "
        "or via pg_config --bindir; `.ci/run` installs Debian's postgresql package."
    )


def _as_pg(cmd: Sequence[str]) -> list[str]:
    """Prefix cmd with runuser when running as root (initdb refuses root)."""
    return ["runuser", "-u", PG_USER, "--", *cmd] if os.geteuid() == 0 else list(cmd)


def _run(cmd: Sequence[str], what: str) -> None:
    """Run cmd (from /, so runuser has a readable cwd); raise with its output on failure."""
    res = subprocess.run(cmd, cwd="/", capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise RuntimeError(f"{what} failed ({res.returncode}): {res.stdout}{res.stderr}")


def _free_port() -> int:
    """Return a currently free TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _usable_by_pg(path: Path) -> bool:
    """True if the postgres user can create entries in path (and traverse its parents)."""
    cmd = _as_pg(["test", "-d", str(path), "-a", "-w", str(path), "-a", "-x", str(path)])
    return subprocess.run(cmd, cwd="/", capture_output=True, check=False).returncode == 0


@dataclass
class PostgresCluster:
    """A running throw-away cluster; trust auth, listening on 127.0.0.1 only."""

    data_dir: Path
    port: int
    bin_dir: Path = field(default_factory=find_bin_dir)

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy asyncpg URL for database on this cluster."""
        return f"postgresql+asyncpg://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """CREATE DATABASE name and return its URL."""
        psql = self.bin_dir / "psql"
        quoted = '"' + name.replace('"', '""') + '"'
        flags = "-X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -d postgres -U " + PG_USER
        cmd = [str(psql) if psql.is_file() else "psql", *flags.split(), "-p", str(self.port)]
        cmd += ["-c", f"CREATE DATABASE {quoted}"]
        _run(cmd, f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        """Stop the postmaster immediately and delete the data dir; idempotent."""
        atexit.unregister(self.stop)
        if not self.data_dir.exists():
            return
        pg_ctl = str(self.bin_dir / "pg_ctl")
        cmd = [pg_ctl, "stop", "-D", str(self.data_dir), "-m", "immediate", "-w"]
        subprocess.run(_as_pg(cmd), cwd="/", capture_output=True, check=False)
        shutil.rmtree(self.data_dir, ignore_errors=True)


def start_postgres(base_dir: Path | None = None) -> PostgresCluster:
    """initdb and start a cluster on a free loopback port (about 2 s).

    The data dir is a fresh ``koopbot-pg-*`` dir under base_dir if the postgres user can use
    it, else under the system temp dir (pytest tmp dirs are 0700 root-owned). An atexit hook
    stops the cluster if the caller never does.
    """
    bin_dir = find_bin_dir()
    parent = base_dir if base_dir is not None and _usable_by_pg(base_dir) else None
    data_dir = Path(tempfile.mkdtemp(prefix="koopbot-pg-", dir=parent))  # mode 0700
    if os.geteuid() == 0:
        shutil.chown(data_dir, user=PG_USER, group=PG_USER)
    cluster = PostgresCluster(data_dir=data_dir, port=0, bin_dir=bin_dir)
    atexit.register(cluster.stop)
    try:
        flags = f"-U {PG_USER} -A trust -E UTF8 --locale=C --no-sync --no-instructions"
        _run(_as_pg([str(bin_dir / "initdb"), "-D", str(data_dir), *flags.split()]), "initdb")
        log = data_dir / "postmaster.log"
        # Unix socket paths are limited to ~107 bytes; '' disables the socket (TCP suffices).
        sock_dir = data_dir if len(str(data_dir)) < 90 else ""
        for attempt in range(3):  # a free port may be taken before the postmaster binds it
            cluster.port = _free_port()
            opts = (
                f"-k '{sock_dir}' -p {cluster.port} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            # -l is required: without it the postmaster inherits our stdout pipe.
            pg_ctl = [str(bin_dir / "pg_ctl"), "start", "-D", str(data_dir), "-l", str(log)]
            cmd = [*pg_ctl, "-w", "-t", "60", "-o", opts]
            try:
                _run(_as_pg(cmd), "pg_ctl start")
                return cluster
            except RuntimeError as exc:
                if attempt == 2:
                    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
                    raise RuntimeError(f"{exc}\n--- postmaster.log ---\n{tail}") from exc
        raise AssertionError("unreachable")
    except BaseException:
        cluster.stop()
        raise


@contextmanager
def postgres_cluster(base_dir: Path | None = None) -> Iterator[PostgresCluster]:
    """Context manager: a started cluster, stopped and deleted on exit."""
    cluster = start_postgres(base_dir)
    try:
        yield cluster
    finally:
        cluster.stop()
