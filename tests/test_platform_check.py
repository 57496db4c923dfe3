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
    monkeypatch.setattr(platform_check.ctypes.util, "find_library", lambda name: None)
    problem = display_problem({"DISPLAY": ":0"})
    assert problem is not None and "\n" not in problem
    assert f"apt-get install {XCB_PACKAGES}" in problem
    assert "libxcb-cursor0" in problem


@linux_only
def test_no_display_is_explained():
    assert "no display" in display_problem({})


@linux_only
def test_installed_libraries_or_other_platforms_pass(monkeypatch):
    monkeypatch.setattr(platform_check.ctypes.util, "find_library", lambda name: f"lib{name}.so")
    assert display_problem({"DISPLAY": ":0"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None


def test_the_gui_entry_point_prints_the_problem_instead_of_starting(monkeypatch, capsys):
    from reader.cli import main
    from reader.ui import app

    monkeypatch.setattr(app, "display_problem", lambda: "no display: run it in a desktop session")
    assert main([]) == 1
    assert capsys.readouterr().err == "zhreader: no display: run it in a desktop session\n"
