"""Four things Flet's compiled web client does that the app cannot configure, undone where the
client is served (app.web.server), on the bytes of the installed flet-web, in memory:

1. While it waits for the app's first screen it shows "Working..." in English, whatever the
   language. The text becomes blanks (the same length: in the wasm build each string is stored
   with its length), leaving only the spinner.
2. At start it loads Rive's runtime (for animations the app never shows) from cdn.jsdelivr.net.
   The page's policy blocks it, but the browser still tries, and says so in its console. The
   address becomes a path of the app's own (the same length), where a stub answers: its promise
   never settles, which is what Rive's loader saw when the request was blocked.
3. Flutter asks `assets/fonts/<family>/...` for a fallback font when a glyph is missing from a
   text style's fonts; only the fallback for Arabic is ever asked for here, and there was no
   such file (404). The bundled Noto Sans Arabic answers it.
4. On a cross-origin-isolated page (ours: the server sends COOP and COEP) Flutter 3.44's skwasm
   renderer lays text out on the page's thread while a worker rasterises, and the two share a cache
   that is not thread-safe there: under text churn the heap is corrupted and the tab freezes for
   good with a core pinned (flutter/flutter#190039, fixed in 3.47). Seen here in about one language
   switch in ten. flutter_bootstrap.js now asks for the single-threaded renderer.

The strings and the files' place are flet-web's (app.web.internals). Each replacement must be
found exactly once: with a flet-web that changed, the client's file is
not served at all (the server logs why) and tests/server/test_client_patches.py fails, instead of
a patch silently doing nothing. Worked out on first request, not at start-up, which the benchmark
holds to the bare app's pace; nothing is written. Where every replacement keeps its length (the
two builds) only where each one goes is kept, and the file is streamed from flet-web's copy with
them laid over it: held in memory, the 8.5 MB wasm build alone was a sixth of the server's memory.
That first request is on the way to the first screen, so the patched copy is never built for
them either: finding the places and hashing the original take ~15 ms, building it took ~60 more.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app import paths
from app.web.internals import BOOTSTRAP_CONFIG, RIVE_CDN, SINGLE_THREADED_SKWASM, WORKING_TEXT, client_file

WORKING = WORKING_TEXT
RIVE_LOCAL_PREFIX = b"/rive-is-not-used/"
RIVE_LOCAL = RIVE_LOCAL_PREFIX + b"-" * (len(RIVE_CDN) - len(RIVE_LOCAL_PREFIX) - 1) + b"/"
RIVE_STUB = b"window.RiveNative = function () { return new Promise(function () {}); };\n"
SINGLE_THREADED = (BOOTSTRAP_CONFIG, BOOTSTRAP_CONFIG + SINGLE_THREADED_SKWASM)
# For each file: the replacements. In the wasm build a string is stored with its length, so those
# keep it; the bootstrap is plain script.
PATCHES = {
    "main.dart.wasm": [(WORKING, b" " * len(WORKING)), (RIVE_CDN, RIVE_LOCAL)],
    "main.dart.js": [(WORKING, b" " * len(WORKING)), (RIVE_CDN, RIVE_LOCAL)],
    "flutter_bootstrap.js": [SINGLE_THREADED],
}
PATCHED = tuple(PATCHES)
MEDIA_TYPES = {"main.dart.wasm": "application/wasm", "main.dart.js": "text/javascript", "flutter_bootstrap.js": "text/javascript"}
FALLBACK_FONTS = {"notosansarabic": paths.ASSETS_DIR / "fonts" / "NotoSansArabic-Regular.ttf"}


class ClientChanged(RuntimeError):
    """The installed flet-web is not the one these patches were written for."""


# Streamed in pieces this big: each one crosses to a worker thread and back (Starlette reads a
# file's iterator there). Served locally, the 8.5 MB build took 41 ms in 64 KB pieces, 24 ms in
# 128 KB and 11 ms in 512 KB, but 512 KB pieces kept 1.4 MB more of the server's memory; 128 KB none.
CHUNK = 1 << 17


@dataclass(frozen=True)
class Served:
    """A patched file: whole in `body` when small, or `source` with same-length `overlays`
    (offset, bytes) laid over it as it is streamed."""

    media_type: str
    etag: str
    size: int
    body: bytes | None = None
    source: Path | None = None
    overlays: tuple[tuple[int, bytes], ...] = ()

    def chunks(self, size: int = CHUNK) -> Iterator[bytes]:
        if self.body is not None:
            yield self.body
            return
        with open(self.source, "rb") as file:
            start = 0
            while chunk := file.read(size):
                end = start + len(chunk)
                if any(offset < end and offset + len(new) > start for offset, new in self.overlays):
                    chunk = bytearray(chunk)
                    for offset, new in self.overlays:
                        for i in range(max(offset, start), min(offset + len(new), end)):
                            chunk[i - start] = new[i - offset]
                    chunk = bytes(chunk)
                yield chunk
                start = end


def find_once(data: bytes, old: bytes, new: bytes, where: str) -> int:
    """Where `old` is in `data`; it must be there exactly once."""
    if where.endswith(".wasm") and len(old) != len(new):
        raise ValueError("a replacement in the wasm build must keep the length")
    if data.count(old) != 1:
        raise ClientChanged(f"{where}: expected {old[:40]!r} exactly once, found it {data.count(old)} times")
    return data.index(old)


@cache
def patched(name: str) -> Served:
    source = client_file(name)
    original = source.read_bytes()
    places = [(find_once(original, old, new, name), old, new) for old, new in PATCHES[name]]
    digest = hashlib.sha256(original)
    for _offset, old, new in places:
        digest.update(b"\0" + old + b"\0" + new)
    etag = '"' + digest.hexdigest()[:32] + '"'
    if len(original) > CHUNK and all(len(old) == len(new) for _offset, old, new in places):
        overlays = tuple((offset, new) for offset, _old, new in places)
        return Served(MEDIA_TYPES[name], etag, len(original), source=source, overlays=overlays)
    data = original
    for _offset, old, new in places:
        data = data.replace(old, new)
    return Served(MEDIA_TYPES[name], etag, len(data), body=data)


RIVE_PATHS = tuple("/" + (RIVE_LOCAL.decode() + sub).lstrip("/") for sub in ("wasm/rive_native.js", "wasm_compatibility/rive_native.js"))
