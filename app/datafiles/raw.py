"""A data file's bytes and text: an unreadable file or one that is not UTF-8 becomes a `DataError`
naming the file and the line of the first bad byte, never a traceback.

Only a regular file is read, and never more than `MAX_BYTES` of it: a content file that is a link
to /dev/zero read on until memory ran out, and a named pipe blocked the reader for good. The kind
of file is checked before it is opened and again on the open descriptor (it may have been swapped
in between), and it is opened without blocking, so a pipe is refused, never waited on."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.datafiles.problems import problem

MAX_BYTES = 2_000_000  # the largest content file is ~60 KB; a file this big is a mistake, not content

_KINDS = {
    stat.S_IFCHR: "a device (such as /dev/zero)",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
}


def _refuse(path: Path, mode: int, size: int) -> None:
    if stat.S_ISDIR(mode):
        raise problem(path, 1, "is a folder, not a file")
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
        raise problem(path, 1, f"is {kind}, not a regular file: only an ordinary file is read as data")
    if size > MAX_BYTES:
        raise problem(path, 1, f"too large to be a data file ({size:,} bytes; at most {MAX_BYTES:,})")


def read_bytes(path: Path) -> bytes:
    try:
        info = os.stat(path)  # follows links: what matters is what is read
        _refuse(path, info.st_mode, info.st_size)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with open(descriptor, "rb", buffering=0, closefd=True) as file:
            info = os.fstat(descriptor)
            _refuse(path, info.st_mode, info.st_size)
            chunks, total = [], 0
            while total <= MAX_BYTES:  # a file that grows while it is read stops here too
                chunk = file.read(MAX_BYTES + 1 - total)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
    except FileNotFoundError:
        raise problem(path, 1, "missing file") from None
    except OSError as error:
        raise problem(path, 1, f"cannot read: {error.strerror or error}") from None
    if total > MAX_BYTES:
        raise problem(path, 1, f"too large to be a data file (more than {MAX_BYTES:,} bytes; at most {MAX_BYTES:,})")
    return b"".join(chunks)


def decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise problem(path, line, f"not UTF-8 text: byte 0x{raw[error.start]:02x} cannot be decoded (save the file as UTF-8)") from None


def read_text(path: Path) -> str:
    return decode(read_bytes(path), path)
