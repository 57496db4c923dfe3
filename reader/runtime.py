"""Interpreter tuning, all of it in one place (no Qt; the core does none of this).

The GIL switch interval, pausing and freezing the cyclic garbage collector
around documents, and handing freed memory back to the system. The window,
its background jobs and the command line call it.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys
from collections.abc import Iterator


def configure_runtime() -> None:
    """Hand the GIL over more often (2 ms, not 5): the GUI thread waits less behind workers."""
    sys.setswitchinterval(0.002)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is built.

    Recognising a novel allocates a hundred thousand small acyclic objects;
    the collector's full passes over them (and over the document still open)
    cost as much as the recognition itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def freeze_open_document() -> None:
    """The open document's objects live as long as it is open: keep the cyclic collector
    from walking them again and again (a full pass over a novel stalls the GUI for 50 ms)."""
    gc.unfreeze()
    gc.freeze()


def return_freed_memory() -> None:
    """Give the heap freed by a closed document back to the system (glibc only)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
