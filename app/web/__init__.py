"""The web wing: everything that serves the app to a browser and works around Flet to do so.

- server.py          the ASGI app and uvicorn: only the app's routes, and the layers below
- middleware.py      security headers and the allowed Host names (plain ASGI)
- sockets.py         the /ws endpoint: same-origin only, bounded until registered, no tracebacks
- limits.py          connection, header and open-file bounds at the HTTP layer
- client_patches.py  the compiled client's files as served (no "Working...", no CDN, one thread)
- policy.py          run-time constants shared with the generator: title, CSP, headers, fonts
- index_html.py      the page: flet-web's index.html with the app's policy, cover and scripts
- generate.py        build time: writes assets/index.html, the manifests and the icon font
                     (`python -m app.web.generate`)
- internals.py       the only module that names Flet's, flet-web's or uvicorn's private parts,
                     and the versions they were read from (checked at start-up)
"""
