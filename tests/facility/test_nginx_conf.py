"""The nginx configuration app.facility writes: what it must hold for the app to work behind it and
stay discreet, and that nginx itself accepts it (where nginx is installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.facility import supervisor
from app.facility.__main__ import main
from app.facility.nginx import ROUTE_COOKIE, Facility, nginx_conf
from app.web.policy import SECURITY_HEADERS


def facility(tmp_path: Path, **options) -> Facility:
    return Facility(listen="127.0.0.1:8550", app_ports=(40001, 40002), run_dir=tmp_path, **options)


def test_every_process_is_behind_one_sticky_upstream(tmp_path):
    conf = nginx_conf(facility(tmp_path))
    assert "server 127.0.0.1:40001" in conf and "server 127.0.0.1:40002" in conf
    assert "hash $care_reference_route consistent;" in conf
    assert f'"{ROUTE_COOKIE}=$request_id; Path=/; HttpOnly; SameSite=Strict"' in conf


def test_by_address_no_cookie_is_set(tmp_path):
    conf = nginx_conf(facility(tmp_path, sticky="address"))
    assert "$request_id" not in conf and "$cookie_" not in conf


def test_the_socket_is_passed_whole_and_kept_open(tmp_path):
    conf = nginx_conf(facility(tmp_path))
    for line in ("proxy_http_version 1.1;", "proxy_set_header Upgrade $http_upgrade;",
                 "proxy_set_header Connection $connection_upgrade;", "proxy_buffering off;",
                 "proxy_read_timeout 12h;", "proxy_set_header Host $http_host;",
                 "proxy_set_header X-Forwarded-For $remote_addr;"):  # fmt: skip
        assert line in conf


def test_nothing_of_a_visit_is_logged(tmp_path):
    conf = nginx_conf(facility(tmp_path))
    assert "access_log off;" in conf
    assert "error_log " in conf and " crit;" in conf  # "error" lines carry the request line and address
    assert "/etc/" not in conf and "/var/" not in conf  # everything in the run folder


def test_nginxs_own_answers_carry_the_apps_headers(tmp_path):
    conf = nginx_conf(facility(tmp_path))
    for name, value in SECURITY_HEADERS.items():
        assert f'add_header {name} "{value}" always;' in conf


def test_with_the_facilitys_certificate_nginx_speaks_https(tmp_path):
    conf = nginx_conf(facility(tmp_path, tls_certificate=Path("/srv/cert.pem"), tls_key=Path("/srv/key.pem")))
    assert "listen 127.0.0.1:8550 ssl;" in conf and "ssl_certificate /srv/cert.pem;" in conf
    assert "SameSite=Strict; Secure" in conf and "Strict-Transport-Security" in conf


NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (scripts/ensure-test-tools installs it where it may)")
@pytest.mark.parametrize("options", ["cookie", "address", "tls"])
def test_nginx_accepts_the_configuration(tmp_path, options):
    if options == "tls":
        if not shutil.which("openssl"):
            pytest.skip("openssl is not installed: no certificate to try")
        cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                        "-days", "1", "-subj", "/CN=care.example"], check=True, capture_output=True)  # fmt: skip
        chosen = facility(tmp_path, tls_certificate=cert, tls_key=key)
    else:
        chosen = facility(tmp_path, sticky=options)
    (tmp_path / "temp").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(nginx_conf(chosen))
    check = subprocess.run([NGINX, "-t", "-p", tmp_path, "-c", conf, "-e", tmp_path / "error.log"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_without_nginx_it_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(supervisor.os, "access", lambda path, mode: False)
    with pytest.raises(supervisor.CannotServe, match="apt-get install nginx"):
        supervisor.find_nginx()


def test_a_certificate_without_its_key_is_refused(capsys):
    with pytest.raises(SystemExit):
        main(["--workers", "2", "--tls-certificate", "cert.pem"])
    assert "--tls-certificate and --tls-key go together" in capsys.readouterr().err


def test_an_unknown_app_user_is_said_not_raised():
    with pytest.raises(supervisor.CannotServe, match="no user 'no-such-user'"):
        supervisor.as_user("no-such-user")
    assert supervisor.as_user(None) == {}
