"""`zhreader --install-desktop`: menu entry, AppStream metadata and icons under the user's
XDG data folder, validated by the freedesktop tools; `--uninstall-desktop` removes them."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader import desktop
from reader.desktop import APP_ID, Installation


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A home folder of its own with XDG_DATA_HOME inside it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    return home


def entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )


def test_install_writes_entry_metadata_and_icons_under_xdg_data_home(home):
    written = desktop.install()
    where = Installation(home / "data")
    assert set(written) == set(where.files())
    assert all(p.is_file() and p.stat().st_size > 0 for p in written)
    keys = entry(where.desktop_file)
    assert keys["Name"] == "ZhReader"
    assert keys["Name[zh_CN]"] == "中文阅读器" and keys["Name[zh_TW]"] == "中文閱讀器"
    assert "简体" in keys["Comment[zh_CN]"] and "繁體" in keys["Comment[zh_TW]"]
    assert keys["MimeType"] == "text/plain;text/markdown;application/epub+zip;"
    assert keys["Categories"] == "Office;Viewer;"
    assert "小说" in keys["Keywords[zh_CN]"] and "小說" in keys["Keywords[zh_TW]"]
    assert keys["Icon"] == APP_ID
    assert keys["StartupWMClass"] == "ZhReader"  # the class of WM_CLASS Qt gives the window
    launcher, files = keys["Exec"].rsplit(" ", 1)
    assert files == "%F" and Path(launcher).is_absolute() and os.access(launcher, os.X_OK)
    for size in desktop.ICON_SIZES:
        icon = where.hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(icon.read_bytes()[16:20], "big") == size  # the PNG's width
    assert (where.hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_text().startswith("<?xml")


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_the_desktop_entry_validates(home, tmp_path):
    desktop.install()
    done = subprocess.run(
        ["desktop-file-validate", str(Installation(home / "data").desktop_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout
    # a launcher in a folder with a space and a quote is quoted as the specification says
    odd = tmp_path / 'my "apps"' / "zhreader"
    odd.parent.mkdir()
    odd.write_text("#!/bin/sh\n")
    odd.chmod(0o755)
    path = tmp_path / "odd.desktop"
    path.write_text(desktop.desktop_entry([str(odd)]), encoding="utf-8")
    done = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout
    assert entry(path)["Exec"] == f'"{tmp_path}/my \\\\"apps\\\\"/zhreader" %F'


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_the_appstream_metadata_validates_offline(home):
    desktop.install()
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(Installation(home / "data").metainfo_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = Installation(home / "data").metainfo_file.read_text(encoding="utf-8")
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text
    assert "<project_license>MIT</project_license>" in text
    assert '<content_rating type="oars-1.1"/>' in text
    for name, _caption in desktop.SCREENSHOTS:  # the pictures it points at are in the repository
        assert (Path(__file__).resolve().parent.parent / "docs" / "screenshots" / name).is_file()


def test_uninstall_removes_only_what_install_wrote(home):
    data = home / "data"
    other = data / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    written = desktop.install()
    assert desktop.uninstall() == written
    assert not any(p.exists() for p in written)
    assert other.read_text() == "[Desktop Entry]\n"
    assert desktop.uninstall() == []


def test_command_line_install_and_uninstall_touch_only_the_data_folder(home):
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    done = cli("--install-desktop", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1 and "application menu" in done.stdout
    assert sorted(p.name for p in home.iterdir()) == ["data"]
    assert Installation(home / "data").desktop_file.is_file()
    done = cli("--uninstall-desktop", env=env)
    assert done.returncode == 0 and done.stdout.count("\n") == 1
    assert not Installation(home / "data").desktop_file.exists()


def test_a_relative_xdg_data_home_is_ignored(home, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")
    assert desktop.data_dir() == home / ".local" / "share"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert desktop.data_dir() == home / ".local" / "share"


def test_a_failed_install_says_why_in_one_line_and_keeps_the_old_entry(home):
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    assert cli("--install-desktop", env=env).returncode == 0
    where = Installation(home / "data")
    where.desktop_file.write_text("[Desktop Entry]\nName=old\n")
    before = where.desktop_file.read_bytes()
    metainfo_dir = where.metainfo_file.parent
    shutil.rmtree(metainfo_dir)
    metainfo_dir.write_text("a file where the folder should be")
    done = cli("--install-desktop", env=env)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("zhreader: cannot install the desktop entry: ")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert where.desktop_file.read_bytes() == before
    assert not [p for p in where.desktop_file.parent.iterdir() if p.name.endswith(".tmp")]


def test_exec_falls_back_to_this_python_with_dash_m(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python3"))
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "reader" / "__main__.py")])
    monkeypatch.setenv("PATH", str(tmp_path))
    assert desktop.launcher_command() == [str(tmp_path / "python3"), "-m", "reader"]
    assert "Exec=" + str(tmp_path / "python3") + " -m reader %F" in desktop.desktop_entry(
        desktop.launcher_command()
    )


@pytest.mark.skipif(not shutil.which("update-desktop-database"), reason="desktop-file-utils")
def test_open_with_lists_zhreader_for_text_markdown_and_epub(home):
    desktop.install()
    cache = (home / "data" / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    for mime in desktop.MIME_TYPES:
        assert f"{mime}={APP_ID}.desktop;" in cache.splitlines()
    desktop.uninstall()
    cache = (home / "data" / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert APP_ID not in cache
