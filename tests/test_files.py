"""Atomic writes: the old file or the whole new one, its mode kept, nothing left behind.

Every writer of the reader goes through `reader.core.files`; a new writer is
added to WRITERS and gets the same tests.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.files import atomic_path, write_atomically


def _through_atomic_path(path: Path, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


WRITERS: dict[str, Callable[[Path, bytes], None]] = {
    "write_atomically": write_atomically,
    "atomic_path": _through_atomic_path,
}


@pytest.fixture(params=list(WRITERS))
def writer(request) -> Callable[[Path, bytes], None]:
    return WRITERS[request.param]


@pytest.mark.parametrize("mode", [0o644, 0o600, 0o444])
def test_an_existing_file_keeps_its_mode(writer, tmp_path, mode):
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    target.chmod(mode)
    writer(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_a_new_file_gets_the_umask_mode(writer, tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        writer(tmp_path / "new.txt", b"new")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == mode


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the umask from /proc")
def test_writing_leaves_the_umask_alone_for_other_threads(writer, tmp_path, monkeypatch):
    def no_umask_changes(mask):
        raise AssertionError("os.umask changes the mask of every thread")

    monkeypatch.setattr(os, "umask", no_umask_changes)
    writer(tmp_path / "new.txt", b"new")
    assert (tmp_path / "new.txt").read_bytes() == b"new"


def test_a_symbolic_link_is_kept_and_its_target_replaced(writer, tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    writer(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


@pytest.mark.parametrize("step", ["fsync", "replace", "chmod"])
def test_a_failure_leaves_the_old_file_and_no_temporary_file(writer, tmp_path, monkeypatch, step):
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    def no_space(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(f"reader.core.files.os.{step}", no_space)
    with pytest.raises(OSError) as info:
        writer(target, b"new")
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
