"""Matrix I/O and wiring: client, sync loop, dispatch, outbox, scheduler, CLI."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("koopbot")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+src"
