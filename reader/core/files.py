"""Atomic writes: a file is either the old one or the complete new one, never half of each.

Every writer of the reader (text export, PDF, print to file, `zhreader convert -o`)
goes through here: write into a temporary file beside the target, flush it to
disk, then rename it over the target. A full disk or a crash leaves the old
file as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or what the umask gives a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system allows.

    Setting and restoring it (the only portable way) briefly gives files that
    other threads create meanwhile the wrong permissions.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o077)
    os.umask(umask)
    return umask


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block succeeds it replaces `path`.

    For writers that open the file themselves (a PDF writer). The caller must
    have closed the temporary file before the block ends. On any error the
    temporary file is removed and `path` is untouched. A symbolic link is
    kept: the file it points to is replaced. A device or pipe (`/dev/null`,
    a FIFO) cannot be replaced and is yielded itself, to be written directly.
    """
    target = Path(os.path.realpath(path))
    if _is_special(target):
        yield target
        return
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _is_special(path: Path) -> bool:
    """True for an existing device, pipe or socket (not a file, folder or nothing)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` atomically; raises OSError and leaves `path` as it was."""
    with atomic_path(path) as tmp, open(tmp, "wb") as f:
        f.write(data)
        f.flush()


def xdg_data_home() -> Path:
    """$XDG_DATA_HOME when it is an absolute path (the XDG rule), else ~/.local/share."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"
