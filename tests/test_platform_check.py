"""Before Qt starts: a missing display or missing X11 libraries is explained, not crashed on."""

from __future__ import annotations

import sys

import pytest

from reader.ui import platform_check
from reader.ui.platform_check import XCB_PACKAGES, display_problem

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="X11 check is Linux-only"
)


@linux_only
def test_missing_xcb_libraries_give_the_install_command(monkeypatch):
    monkeypatch.setattr(platform_check, "_loadable", lambda soname: False)
    problem = display_problem({"DISPLAY": ":0"})
    assert problem is not None and "\n" not in problem
    assert f"apt-get install {XCB_PACKAGES}" in problem
    assert "libxcb-cursor0" in problem
    assert "(xcb-cursor, xcb-icccm, xcb-keysyms, xkbcommon-x11, xcb-image)" in problem


@linux_only
def test_a_library_the_loader_cannot_open_is_named(monkeypatch):
    libraries = {**platform_check._XCB_LIBRARIES, "xcb-imaginary": "libxcb-imaginary.so.9"}
    monkeypatch.setattr(platform_check, "_XCB_LIBRARIES", libraries)
    problem = display_problem({"DISPLAY": ":0"})  # the real dynamic loader
    assert problem is not None and "xcb-imaginary)" in problem


@linux_only
def test_the_loader_is_really_asked():
    assert platform_check._loadable("libc.so.6")
    assert not platform_check._loadable("libxcb-imaginary.so.9")


@linux_only
def test_no_display_is_explained():
    assert "no display" in display_problem({})


@linux_only
def test_installed_libraries_or_other_platforms_pass(monkeypatch):
    monkeypatch.setattr(platform_check, "_loadable", lambda soname: True)
    assert display_problem({"DISPLAY": ":0"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None


def test_the_gui_entry_point_prints_the_problem_instead_of_starting(monkeypatch, capsys):
    from reader.cli import main
    from reader.ui import app

    monkeypatch.setattr(app, "display_problem", lambda: "no display: run it in a desktop session")
    assert main([]) == 1
    assert capsys.readouterr().err == "zhreader: no display: run it in a desktop session\n"
