"""A full session in the real browser while the server records every file it opens for writing and
every connection it makes: nothing about the patient may be written, logged or sent anywhere."""

from __future__ import annotations

import json
import re
import time

import pytest

from app.settings import ALLOWED_KEYS
from tests.browser.driver import Wizard, desktop_app, serve_app

pytestmark = pytest.mark.browser

AGE = "73"  # the one free-text answer the session types
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    folder = tmp_path_factory.mktemp("audit")
    audit, server_log = folder / "audit.jsonl", folder / "server.log"
    with serve_app(
        tmp_path_factory.mktemp("cwd"),
        module="tests.browser.audited_app",
        AUDIT_LOG=str(audit),
        APP_SERVER_LOG=str(server_log),
    ) as url:
        yield url, audit, server_log, time.time()


def test_a_full_session_leaves_no_trace(browser, audited):
    url, audit, server_log, ready_at = audited
    outgoing = []
    with desktop_app(browser, url) as app:
        app.page.context.on("request", lambda request: outgoing.append(request))
        app.open("/indicators")
        app.page.get_by_role("switch", name="Child and adolescent only").click()
        app.see("The patient is under 18")

        app.go("Next steps")
        app.text("United States").first.click()  # asked on first use, and stored as a setting
        wizard = Wizard(app, "en")
        wizard.fill(AGE, appears_minor="No", sexual_exploitation="Yes", assault_or_abuse="No", serious_injury="Yes",
                    developmental_disability="No", elder="Not sure")  # fmt: skip
        wizard.press("Check capacity")
        for element in ("cap_understanding", "cap_comprehension", "cap_reasoning", "cap_communication"):
            wizard.answer(element, "Not sure")
        wizard.press("Use this result")
        wizard.press("Show result")
        app.see("You must report")

        app.go("Contacts")
        app.choose("العربية")
        app.page.get_by_role("button", name="Show card", exact=True).click()
        app.see("Ask whether carrying a card is safe")
        app.page.get_by_role("button", name="Continue", exact=True).click()
        app.see("أرقام مفيدة")
        app.page.get_by_role("button", name="Close").click()

        app.go("Settings")
        app.page.get_by_role("radio", name="Español").click()
        app.see("Tamaño del texto")
        app.wait_for_storage("language", "es")
        app.page.get_by_role("button", name="Salir").click()
        app.page.get_by_role("button", name="Salir").wait_for(state="detached")

        storage = app.page.evaluate(
            """async () => ({
                local: Object.keys(localStorage),
                session: Object.keys(sessionStorage),
                cookies: document.cookie,
                databases: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [],
            })"""
        )

    # The browser: only the allowed settings, nothing else anywhere.
    assert set(storage["local"]) <= {f"flutter.{key}" for key in ALLOWED_KEYS}, storage
    # Flet keeps an opaque id in sessionStorage (gone with the tab) to reconnect to the server session.
    assert storage["session"] in ([], ["_flet_session_id"])
    assert storage["cookies"] == "" and storage["databases"] == []

    # Nothing left the machine: every request went to the app's own server or was blocked by its CSP.
    external = [r for r in outgoing if not any(host in r.url for host in LOOPBACK)]
    assert all(r.failure == "csp" for r in external), [(r.url, r.failure) for r in external]

    # The server: no file written and no connection made while the session ran, except loopback.
    events = [json.loads(line) for line in audit.read_text().splitlines()]
    # The hook works: it saw Flet write its patched web files at start-up, before serving.
    assert any(e["kind"] == "write" and e["t"] < ready_at for e in events)
    during = [e for e in events if e["t"] >= ready_at]
    assert [e for e in during if e["kind"] == "write"] == []
    assert [e for e in during if e["kind"] == "connect" and not any(h in e["detail"] for h in LOOPBACK)] == []
    assert [e for e in during if e["kind"] == "lookup" and not any(h in e["detail"] for h in LOOPBACK)] == []

    # No answer in any log.
    log = server_log.read_text()
    assert "being served" in log  # the log is the server's own output
    # As a number of its own: "73" was found inside the server's port (127.0.0.1:42739).
    assert AGE not in re.findall(r"\d+(?:\.\d+)*", log)
    assert "sexual" not in log.lower()
