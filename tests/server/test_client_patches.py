"""What the served client no longer does: show "Working..." in English, ask a CDN for Rive's
runtime, ask for a fallback font that is not there, or render on a second thread. Checked on the bytes served, and each
patch must still find what it replaces in the installed flet-web."""

from __future__ import annotations

import pytest

from app.web import client_patches
from tests.server.test_served import get, server  # noqa: F401 (the module's running server)


@pytest.mark.parametrize("name", ["main.dart.wasm", "main.dart.js"])
def test_the_client_is_served_without_working_or_the_cdn(server, name):  # noqa: F811
    url, _process, _log = server
    status, headers, body = get(f"{url}/{name}")
    original = client_patches.client_file(name).read_bytes()
    assert status == 200 and headers["content-type"].startswith(client_patches.MEDIA_TYPES[name])
    assert len(body) == len(original)  # strings keep their length: the wasm build stores it
    assert client_patches.WORKING in original and client_patches.WORKING not in body
    assert b"cdn.jsdelivr.net" in original and b"cdn.jsdelivr.net" not in body
    assert "frame-ancestors 'none'" in headers["content-security-policy"]  # the security headers still apply
    again, again_headers, _ = get(f"{url}/{name}", {"If-None-Match": headers["etag"]})
    assert again == 304 and again_headers["etag"] == headers["etag"]


def test_the_bootstrap_asks_for_the_single_threaded_renderer(server):  # noqa: F811
    url, _process, _log = server
    status, headers, body = get(f"{url}/flutter_bootstrap.js")
    original = client_patches.client_file("flutter_bootstrap.js").read_bytes()
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    assert b"forceSingleThreadedSkwasm: true" not in original
    assert body == original.replace(*client_patches.SINGLE_THREADED) and body.count(b"forceSingleThreadedSkwasm: true") == 1


def test_the_rive_stub_and_the_arabic_fallback_font_are_served_by_the_app(server):  # noqa: F811
    url, _process, _log = server
    for path in client_patches.RIVE_PATHS:
        status, headers, body = get(url + path)
        assert status == 200 and body == client_patches.RIVE_STUB
    status, headers, body = get(url + "/assets/fonts/notosansarabic/v28/any-name.woff2")
    assert status == 200 and body == client_patches.FALLBACK_FONTS["notosansarabic"].read_bytes()


def test_a_changed_client_is_refused_not_patched_silently():
    with pytest.raises(client_patches.ClientChanged):
        client_patches.find_once(b"nothing to see", client_patches.WORKING, b" " * 10, "main.dart.wasm")
    with pytest.raises(client_patches.ClientChanged):
        client_patches.find_once(b"Working... Working...", client_patches.WORKING, b" " * 10, "main.dart.js")
    with pytest.raises(ValueError, match="keep the length"):
        client_patches.find_once(b"Working...", client_patches.WORKING, b"", "main.dart.wasm")


@pytest.mark.parametrize("name", ["main.dart.wasm", "main.dart.js"])
@pytest.mark.parametrize("size", [client_patches.CHUNK, 4096])
def test_the_streamed_build_is_the_original_with_each_replacement_made(name, size):
    served = client_patches.patched(name)
    expected = client_patches.client_file(name).read_bytes()
    for old, new in client_patches.PATCHES[name]:
        expected = expected.replace(old, new)
    assert served.body is None and served.size == len(expected)  # streamed, not held
    assert b"".join(served.chunks(size)) == expected


@pytest.mark.parametrize("size", range(1, 12))
def test_a_replacement_that_spans_pieces_is_laid_over_each_of_them(tmp_path, size):
    source = tmp_path / "build"
    source.write_bytes(b"0123456789abcdefghij")
    served = client_patches.Served("application/wasm", '"x"', 20, source=source, overlays=((3, b"XYZW"), (17, b"QRS")))
    assert b"".join(served.chunks(size)) == b"012XYZW789abcdefgQRS"
