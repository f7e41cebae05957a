"""A data file's bytes and text: an unreadable file or one that is not UTF-8 becomes a `DataError`
naming the file and the line of the first bad byte, never a traceback."""

from __future__ import annotations

from pathlib import Path

from app.datafiles.problems import problem

MAX_BYTES = 2_000_000  # the largest content file is ~60 KB; a file this big is a mistake, not content


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise problem(path, 1, "is a folder, not a file")
        if size > MAX_BYTES:
            raise problem(path, 1, f"too large to be a data file ({size:,} bytes; at most {MAX_BYTES:,})")
        return path.read_bytes()
    except FileNotFoundError:
        raise problem(path, 1, "missing file") from None
    except OSError as error:
        raise problem(path, 1, f"cannot read: {error.strerror or error}") from None


def decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise problem(path, line, f"not UTF-8 text: byte 0x{raw[error.start]:02x} cannot be decoded (save the file as UTF-8)") from None


def read_text(path: Path) -> str:
    return decode(read_bytes(path), path)
