"""A facility run: several processes of the app on one machine behind Debian's nginx, which keeps
each browser on one process (`python -m app.facility`, or `make run WORKERS=N`)."""
