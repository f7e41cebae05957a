"""The nginx configuration for a facility run: nginx in front, the app's processes behind it on
loopback, each browser kept on one process. Written into the run folder at every start, never /etc.

Why the browser must stay on one process: a Flet session (a visit's answers, the screen it shows)
lives in the memory of the process that holds its WebSocket, and the tab keeps the session's id.
The socket itself never moves, but a tab opens a new socket after a network drop and after a
reload, and asks for its session back: on another process there is none, and a fresh session
starts. After a drop that only loses the visit (the app forgets it, as it does when idle); after
quick exit it would show the app again where the clinician was promised the clock stays. The page
load itself may go anywhere (every process serves the same files): only the sockets must stick."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.web.policy import SECURITY_HEADERS

UPSTREAM = "care_reference"
ROUTE_COOKIE = "care_reference_route"
# A socket is quiet while the clinician reads; the app pings it every 20 s (uvicorn's default),
# and nginx's own 60 s would do, but a proxy is no place to end a session: a shift, then.
SOCKET_TIMEOUT = "12h"
STICKY = ("cookie", "address")


@dataclass(frozen=True)
class Facility:
    """nginx on `listen` (host:port), the app's processes on 127.0.0.1 at `app_ports`."""

    listen: str
    app_ports: tuple[int, ...]
    run_dir: Path
    sticky: str = "cookie"
    tls_certificate: Path | None = None
    tls_key: Path | None = None

    @property
    def tls(self) -> bool:
        return self.tls_certificate is not None


def nginx_conf(facility: Facility) -> str:
    if facility.sticky not in STICKY:
        raise ValueError(f"sticky must be one of {STICKY}, not {facility.sticky!r}")
    run = facility.run_dir.resolve()
    servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for port in facility.app_ports)
    return f"""\
# Written by `python -m app.facility` at every start: edit that, not this file.
worker_processes 1;  # relaying a facility's clinicians is light work; the app's processes do the rest
pid {run}/nginx.pid;
# Lines of level "error" name the client's address and the request line (the screen a clinician
# had open, and when): only nginx's own failures are kept. The app's processes log to app-N.log.
error_log {run}/nginx-error.log crit;

events {{
    worker_connections 4096;
}}

http {{
    # No access log: who opened which screen, and when, would be a log of clinicians' visits.
    access_log off;
    server_tokens off;
    client_body_temp_path {run}/temp/client_body;
    proxy_temp_path {run}/temp/proxy;
    fastcgi_temp_path {run}/temp/fastcgi;
    uwsgi_temp_path {run}/temp/uwsgi;
    scgi_temp_path {run}/temp/scgi;

    map $http_upgrade $connection_upgrade {{
        default upgrade;
        "" close;  # and no keep-alive to the app: each connection is one client's (the app counts it so)
    }}
{_sticky(facility)}
    upstream {UPSTREAM} {{
        # Consistent: a process that stops moves only its own browsers (nginx tries the next).
        hash $care_reference_route consistent;
{servers}
    }}

    server {{
{_listen(facility)}
        # (add_header here, not in http: a level with any add_header inherits none from above.)
        add_header Set-Cookie $care_reference_route_cookie;  # not sent when empty
        location / {{
            proxy_pass http://{UPSTREAM};
            proxy_http_version 1.1;
            # The browser's own Host: the app checks it (allowed names) and matches Origin against it.
            proxy_set_header Host $http_host;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            # Written, not appended: what the client sent in these proves nothing. The app believes
            # them from this proxy only (CARE_REFERENCE_TRUSTED_PROXY, set by app.facility).
            proxy_set_header X-Real-IP $remote_addr;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_buffering off;  # the socket's frames and the client's files pass as they come
            proxy_request_buffering off;
            proxy_read_timeout {SOCKET_TIMEOUT};
            proxy_send_timeout {SOCKET_TIMEOUT};
        }}

        # nginx's own answers carry the app's headers too: a request it refuses (two Host headers,
        # a malformed line), and no process answering (all restarting).
        # (URIs, not named locations: a request line nginx could not read cannot go to a named one.)
        error_page 400 /.care-reference-refused;
        error_page 502 503 504 /.care-reference-unavailable;
{_own_answer("/.care-reference-refused", 400, "Bad request.")}
{_own_answer("/.care-reference-unavailable", 503, "Care Reference is restarting. Try again in a moment.")}
    }}
}}
"""


def _sticky(facility: Facility) -> str:
    if facility.sticky == "address":  # no cookie: the client's address alone (all of a NAT on one process)
        return "\n    map $remote_addr $care_reference_route {\n        default $remote_addr;\n    }\n" \
            "    map $remote_addr $care_reference_route_cookie {\n        default \"\";\n    }\n"
    secure = "; Secure" if facility.tls else ""
    return f"""
    # Each browser stays on one process by a cookie nginx sets: a random number, nothing else,
    # forgotten when the browser closes. Without it, the client's address (a browser refusing cookies).
    map $cookie_{ROUTE_COOKIE} $care_reference_route {{
        "" $remote_addr;
        default $cookie_{ROUTE_COOKIE};
    }}
    map $cookie_{ROUTE_COOKIE} $care_reference_route_cookie {{
        "" "{ROUTE_COOKIE}=$request_id; Path=/; HttpOnly; SameSite=Strict{secure}";
        default "";
    }}
"""


def _listen(facility: Facility) -> str:
    if not facility.tls:
        return f"        listen {facility.listen};\n"
    return (
        f"        listen {facility.listen} ssl;\n"
        f"        ssl_certificate {facility.tls_certificate.resolve()};\n"
        f"        ssl_certificate_key {facility.tls_key.resolve()};\n"
        "        ssl_protocols TLSv1.2 TLSv1.3;\n"
        '        add_header Strict-Transport-Security "max-age=31536000" always;\n'
    )


def _own_answer(location: str, status: int, text: str) -> str:
    headers = "\n".join(f'            add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS.items())
    return (f"        location = {location} {{\n            internal;\n{headers}\n            default_type text/plain;\n"
            f'            return {status} "{text}\\n";\n        }}')  # fmt: skip
