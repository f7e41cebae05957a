"""Bounds at the HTTP layer, below the ASGI app: connections per client address and in all,
request headers' time and size (enforced by app.web.internals.BoundedHttpProtocol, which hooks into
uvicorn's own protocol), and the open-files limit (issues 31 and 33). Behind a reverse proxy the
client address is the one the proxy forwards, believed only from a configured proxy (issue 30)."""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import math
import os
import time
from dataclasses import dataclass

log = logging.getLogger(__name__)

HEADER_TIMEOUT_S = 10.0  # CARE_REFERENCE_HEADER_TIMEOUT_SECONDS: from connecting to the headers' end
MAX_HEADER_BYTES = 64 * 1024  # request line and headers; browsers send under 8 KB
# CARE_REFERENCE_MAX_CONNECTIONS_PER_CLIENT. A browser holds about 6 HTTP connections and one
# WebSocket per tab. Behind a reverse proxy every connection comes from the proxy's address: name
# the proxy in CARE_REFERENCE_TRUSTED_PROXY and each clinician is counted by the address it forwards.
MAX_CONNECTIONS_PER_CLIENT = 64
MAX_CONNECTIONS = 1000  # CARE_REFERENCE_MAX_CONNECTIONS; never more than the open-files limit allows
FILES_RESERVED = 100  # files kept for the app itself (content, static files, logs) under the limit
REFUSAL_LOG_INTERVAL_S = 60.0  # at most one log line per client address (and for running out of files) per interval


@dataclass(frozen=True)
class Limits:
    """What one connection and one client address may hold (app.web.internals.BoundedHttpProtocol)."""

    header_timeout: float = HEADER_TIMEOUT_S
    max_header_bytes: int = MAX_HEADER_BYTES
    per_client: int = MAX_CONNECTIONS_PER_CLIENT
    total: int = MAX_CONNECTIONS
    # The reverse proxies whose X-Forwarded-For / X-Real-IP name the client (CARE_REFERENCE_TRUSTED_PROXY,
    # comma-separated IP addresses). None by default: anyone can send those headers.
    trusted_proxies: frozenset[str] = frozenset()

    @classmethod
    def from_env(cls, file_limit: int | None = None) -> Limits:
        env = os.environ
        total = int(env.get("CARE_REFERENCE_MAX_CONNECTIONS", MAX_CONNECTIONS))
        if file_limit is not None:
            total = max(1, min(total, file_limit - FILES_RESERVED))
        return cls(
            header_timeout=float(env.get("CARE_REFERENCE_HEADER_TIMEOUT_SECONDS", HEADER_TIMEOUT_S)),
            per_client=int(env.get("CARE_REFERENCE_MAX_CONNECTIONS_PER_CLIENT", MAX_CONNECTIONS_PER_CLIENT)),
            total=total,
            trusted_proxies=trusted_proxies(env.get("CARE_REFERENCE_TRUSTED_PROXY", "")),
        )


class NotAnAddress(ValueError):
    """CARE_REFERENCE_TRUSTED_PROXY names something that is not an IP address."""


def trusted_proxies(setting: str) -> frozenset[str]:
    """The proxies named in `setting`, each an IP address: a host name would be resolved at every
    connection, and a range would trust more machines than the one proxy meant."""
    addresses = set()
    for item in filter(None, (part.strip() for part in setting.split(","))):
        if (address := _address(item)) is None:
            raise NotAnAddress(f"CARE_REFERENCE_TRUSTED_PROXY: {item!r} is not an IP address")
        addresses.add(address)
    return frozenset(addresses)


def forwarded_client(headers: list[tuple[bytes, bytes]], proxies: frozenset[str]) -> str | None:
    """The client a trusted proxy forwards for: X-Forwarded-For read from the right, the first
    address not itself a trusted proxy (as uvicorn's ProxyHeadersMiddleware reads it; entries further
    left were written by the client and prove nothing), else X-Real-IP. None when neither names an
    IP address."""
    forwarded: list[str] = []
    real_ip = None
    for name, value in headers:
        if name == b"x-forwarded-for":
            forwarded += value.decode("latin-1").split(",")
        elif name == b"x-real-ip":
            real_ip = value.decode("latin-1")
    for entry in reversed(forwarded):
        address = _address(entry)
        if address not in proxies:  # the first entry a trusted proxy did not write decides
            return address or _address(real_ip or "")
    return _address(real_ip or "")


def _address(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


class OncePerInterval:
    """Whether to log now about `key`: at most once per `interval` seconds each (no log flood)."""

    def __init__(self, interval: float = REFUSAL_LOG_INTERVAL_S, keys: int = 1024) -> None:
        self.interval, self.keys, self.last = interval, keys, {}

    def __call__(self, key: str) -> bool:
        now = time.monotonic()
        if now - self.last.get(key, -math.inf) < self.interval:
            return False
        if len(self.last) >= self.keys:  # many addresses: forget the old ones, bounded
            self.last = {k: t for k, t in self.last.items() if now - t < self.interval}
            if len(self.last) >= self.keys:
                return False
        self.last[key] = now
        return True


def raise_file_limit() -> int | None:
    """Raise the open-files soft limit to the hard limit (often 1,024 of 524,288): ~1,100
    connections used to exhaust it. Returns the soft limit in force (None where unknown)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError) as error:
            log.warning("Could not raise the open-files limit from %d to %d: %s", soft, target, error)
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return None if soft == resource.RLIM_INFINITY else soft


def install_loop_exception_handler(loop: asyncio.AbstractEventLoop) -> None:
    """Running out of files: asyncio reports each failed accept() with a traceback, once a second
    for as long as it lasts. Say it in one line, once per interval; pass anything else on."""
    previous = loop.get_exception_handler()
    once = OncePerInterval()

    def handler(loop: asyncio.AbstractEventLoop, context: dict) -> None:
        error = context.get("exception")
        if isinstance(error, OSError) and error.errno in (errno.EMFILE, errno.ENFILE):
            if once("files"):
                log.error("Out of open files (%s): new connections wait until others close", error.strerror)
            return
        if previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handler)

