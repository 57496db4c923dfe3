"""Checks made before Qt starts, so users get an install command instead of an abort."""

from __future__ import annotations

import ctypes
import os
import sys

# Debian/Ubuntu packages the Qt `xcb` platform plugin needs and PySide6 does not bring.
XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-image0 "
    "libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1"
)
# The libraries the plugin loads that desktops most often lack: name → soname. Opening them by
# soname asks the dynamic loader's cache (what Qt will do next, so nothing is wasted), where
# `ctypes.util.find_library` ran `ldconfig -p` once per name (30–50 ms before the window).
_XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor.so.0",
    "xcb-icccm": "libxcb-icccm.so.4",
    "xcb-keysyms": "libxcb-keysyms.so.1",
    "xkbcommon-x11": "libxkbcommon-x11.so.0",
    "xcb-image": "libxcb-image.so.0",
}


def _loadable(soname: str) -> bool:
    """True when the dynamic loader finds and opens the library `soname`."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """A one-line explanation when a window cannot be shown here, else None."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if env.get("WAYLAND_DISPLAY") and not platform:
        return None
    if not env.get("DISPLAY"):
        return (
            "no display: run ZhReader in a desktop session "
            "(or set QT_QPA_PLATFORM=offscreen for scripts)"
        )
    missing = [name for name, soname in _XCB_LIBRARIES.items() if not _loadable(soname)]
    if missing:
        return (
            f"Qt needs X11 libraries that are not installed ({', '.join(missing)}); "
            f"on Debian/Ubuntu run: sudo apt-get install {XCB_PACKAGES}"
        )
    return None
