"""Throwaway Synapse homeserver on loopback, for `koopbot demo`, the integration tests and
bench/latency.py (the `demo` extra: matrix-synapse, pyyaml, aiohttp)."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import aiohttp
import yaml

SERVER_NAME = "koopbot.test"
LOOPBACK = "127.0.0.1"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
_RELAXED = {"per_second": 1000, "burst_count": 1000}
_STRICT_MESSAGES = {"per_second": 0.5, "burst_count": 3}
# Flat and nested rate limiter keys parsed by synapse/config/ratelimiting.py (Synapse 1.163).
_FLAT_LIMITS = (
    "rc_message", "rc_registration", "rc_registration_token_validity", "rc_admin_redaction",
    "rc_joins_per_room", "rc_key_requests", "rc_3pid_validation", "rc_third_party_invite",
    "rc_media_create", "rc_delayed_event_mgmt", "rc_room_creation", "rc_reports",
    "rc_user_directory", "rc_profile",
)  # fmt: skip
_NESTED_LIMITS = {
    "rc_login": ("address", "account", "failed_attempts"),
    "rc_joins": ("local", "remote"),
    "rc_invites": ("per_room", "per_user", "per_issuer"),
    "rc_presence": ("per_user",),
}


class HomeserverError(RuntimeError):
    """The homeserver could not be configured, started or used."""


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((LOOPBACK, port))
        except OSError:
            return False
        return True


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _die_with_parent() -> None:
    """Runs in the child before exec: SIGTERM Synapse if the parent process dies."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@dataclass
class Homeserver:
    """A Synapse process serving base_dir on 127.0.0.1:port (run_homeserver writes the config)."""

    base_dir: Path
    port: int
    server_name: str = SERVER_NAME
    _process: asyncio.subprocess.Process | None = field(default=None, init=False, repr=False)

    @property
    def url(self) -> str:
        """Client-server API base URL."""
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def config_path(self) -> Path:
        """The homeserver.yaml in base_dir."""
        return self.base_dir / "homeserver.yaml"

    def user_id(self, localpart: str) -> str:
        """Full Matrix user id for a localpart on this server."""
        return f"@{localpart}:{self.server_name}"

    async def register(self, localpart: str, password: str, *, admin: bool = False) -> str:
        """Register a user via `register_new_matrix_user` and the shared secret; return its id.

        Raises HomeserverError if the user already exists or registration fails.
        """
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "synapse._scripts.register_new_matrix_user",
            "-c", str(self.config_path), "-u", localpart, "-p", password,
            "--admin" if admin else "--no-admin", self.url,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        out_bytes, _ = await proc.communicate()
        out = out_bytes.decode(errors="replace").strip()
        if proc.returncode == 0:
            return self.user_id(localpart)
        if "already taken" in out or "M_USER_IN_USE" in out:
            raise HomeserverError(f"user {self.user_id(localpart)} already exists")
        raise HomeserverError(f"registering {localpart!r} failed ({proc.returncode}): {out}")

    async def register_many(self, users: Mapping[str, str]) -> dict[str, str]:
        """Register localpart -> password concurrently; return localpart -> user id."""
        ids = await asyncio.gather(*(self.register(lp, pw) for lp, pw in users.items()))
        return dict(zip(users, ids, strict=True))

    async def start(self) -> None:
        """Start Synapse and wait until /_matrix/client/versions answers 200 (60 s at most)."""
        if self._process is not None and self._process.returncode is None:
            raise HomeserverError(f"homeserver on port {self.port} is already running")
        if not _port_is_free(self.port):
            raise HomeserverError(f"port {self.port} on {LOOPBACK} is already in use")
        log = self.base_dir / "homeserver.log"
        with (self.base_dir / "synapse.out").open("ab") as out:
            self._process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "synapse.app.homeserver", "-c", str(self.config_path),
                cwd=self.base_dir, stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=out,
                start_new_session=True,
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT
        timeout = aiohttp.ClientTimeout(total=2)
        async with aiohttp.ClientSession(timeout=timeout) as http:
            while True:
                if self._process.returncode is not None:
                    code, self._process = self._process.returncode, None
                    raise HomeserverError(
                        f"synapse exited with {code} during start-up; log tail:\n"
                        f"{_tail(log)}\n{_tail(self.base_dir / 'synapse.out')}"
                    )
                with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                    async with http.get(f"{self.url}/_matrix/client/versions") as resp:
                        if resp.status == 200:
                            return
                if time.monotonic() > deadline:
                    await self.stop()
                    raise HomeserverError(
                        f"synapse did not answer within {START_TIMEOUT:.0f} s; log tail:\n"
                        f"{_tail(log)}"
                    )
                await asyncio.sleep(0.1)

    async def stop(self) -> None:
        """SIGTERM Synapse, SIGKILL it after 10 s; a no-op if it is not running."""
        proc, self._process = self._process, None
        if proc is None or proc.returncode is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            proc.terminate()
        try:
            await asyncio.wait_for(proc.wait(), STOP_TIMEOUT)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            await proc.wait()


async def _generate_config(base_dir: Path, server_name: str) -> None:
    """Let Synapse write homeserver.yaml, the signing key and the secrets into base_dir."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "synapse.app.homeserver", "--generate-config",
        "--server-name", server_name, "--report-stats=no",
        "--config-path", str(base_dir / "homeserver.yaml"),
        "--config-directory", str(base_dir), "--data-directory", str(base_dir),
        cwd=base_dir, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await proc.communicate()
    if proc.returncode != 0:
        raise HomeserverError(f"synapse --generate-config failed: {out.decode(errors='replace')}")


def _write_config(
    base_dir: Path,
    port: int,
    rate_limits: Literal["relaxed", "strict"],
    overrides: Mapping[str, Any] | None = None,
) -> None:
    """Apply the loopback-only, quiet, fast test settings to homeserver.yaml (then
    ``overrides``, e.g. a small ``max_upload_size``)."""
    path = base_dir / "homeserver.yaml"
    config: dict[str, Any] = yaml.safe_load(path.read_text())
    log_config = base_dir / "log.config"
    log_config.write_text(yaml.safe_dump({
        "version": 1,
        "formatters": {"precise": {"format": "%(asctime)s %(name)s %(levelname)s %(message)s"}},
        "handlers": {"file": {
            "class": "logging.FileHandler", "formatter": "precise",
            "filename": str(base_dir / "homeserver.log"), "encoding": "utf8",
        }},
        "root": {"level": "WARNING", "handlers": ["file"]},
        "disable_existing_loggers": False,
    }))  # fmt: skip
    config.update({
        "listeners": [{
            "port": port, "bind_addresses": [LOOPBACK], "type": "http", "tls": False,
            "x_forwarded": False, "resources": [{"names": ["client"], "compress": False}],
        }],
        "public_baseurl": f"http://{LOOPBACK}:{port}/",
        "database": {"name": "sqlite3", "args": {"database": str(base_dir / "homeserver.db")}},
        "media_store_path": str(base_dir / "media_store"),
        "pid_file": str(base_dir / "homeserver.pid"),
        "log_config": str(log_config),
        "max_upload_size": "50M",
        "trusted_key_servers": [],
        "suppress_key_server_warning": True,
        "federation_domain_whitelist": [],
        "enable_registration": False,
        "report_stats": False,
        "presence": {"enabled": False},
        "url_preview_enabled": False,
        "bcrypt_rounds": 4,  # throwaway accounts: fast registration and login
    })  # fmt: skip
    for key in _FLAT_LIMITS:
        config[key] = dict(_RELAXED)
    for key, subkeys in _NESTED_LIMITS.items():
        config[key] = {sub: dict(_RELAXED) for sub in subkeys}
    if rate_limits == "strict":
        config["rc_message"] = dict(_STRICT_MESSAGES)
    config.update(overrides or {})
    path.write_text(yaml.safe_dump(config, sort_keys=False))


def _existing(base_dir: Path) -> tuple[Path, str | None, int | None]:
    """Create base_dir; return it absolute with the server name and port of its config."""
    base_dir = base_dir.resolve()
    base_dir.mkdir(parents=True, exist_ok=True)
    path = base_dir / "homeserver.yaml"
    if not path.exists():
        return base_dir, None, None
    config: dict[str, Any] = yaml.safe_load(path.read_text())
    port = (config.get("listeners") or [{}])[0].get("port")
    return base_dir, str(config["server_name"]), port if isinstance(port, int) else None


@asynccontextmanager
async def run_homeserver(
    base_dir: Path,
    *,
    port: int | None = None,
    rate_limits: Literal["relaxed", "strict"] = "relaxed",
    overrides: Mapping[str, Any] | None = None,
) -> AsyncIterator[Homeserver]:
    """Generate the config in base_dir on first use, start Synapse, yield it, stop it.

    With no port, the port of an existing config is reused while it is free.
    """
    base_dir, server_name, old_port = _existing(base_dir)
    if server_name is None:
        server_name = SERVER_NAME
        await _generate_config(base_dir, server_name)
    if port is None:
        port = old_port if old_port is not None and _port_is_free(old_port) else free_port()
    _write_config(base_dir, port, rate_limits, overrides)
    homeserver = Homeserver(base_dir=base_dir, port=port, server_name=server_name)
    await homeserver.start()
    try:
        yield homeserver
    finally:
        await homeserver.stop()
