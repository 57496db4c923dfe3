"""Desktop integration on Linux: `zhreader --install-desktop` puts ZhReader in the
application menu and in "Open with" for TXT, Markdown and EPUB files.

pip installs no desktop files, so the command writes them for the user who runs it,
under the XDG data folder ($XDG_DATA_HOME, else ~/.local/share) and nowhere else:

- applications/io.github.zhreader.ZhReader.desktop  (Exec= the absolute launcher path)
- metainfo/io.github.zhreader.ZhReader.metainfo.xml (AppStream: software centres)
- icons/hicolor/SIZExSIZE/apps/io.github.zhreader.ZhReader.png and scalable/apps/….svg

Every file is written atomically; `update-desktop-database` and
`gtk-update-icon-cache` are run on those folders when they are installed.
`--uninstall-desktop` removes exactly these files. No Qt is imported here.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from reader import APP_NAME
from reader.core.files import write_atomically, xdg_data_home
from reader.core.messages import display_path, os_error_reason

APP_ID = "io.github.zhreader.ZhReader"
ICONS_DIR = Path(__file__).resolve().parent / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Where the project lives: the AppStream id's home, and the screenshots in its docs.
HOMEPAGE = "https://github.com/zhreader/zhreader"
SCREENSHOTS = (
    ("simplified.png", "The bundled article in Simplified Chinese, outline open"),
    ("original.png", "The article as written, in mainland Traditional Chinese"),
    ("dark.png", "The dark theme"),
    ("find.png", "Finding 发展 in a Traditional text"),
)
MIME_TYPES = ("text/plain", "text/markdown", "application/epub+zip")

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.4
Name={name}
Name[zh_CN]=中文阅读器
Name[zh_TW]=中文閱讀器
Name[zh_HK]=中文閱讀器
GenericName=Chinese Document Reader
GenericName[zh_CN]=中文文档阅读器
GenericName[zh_TW]=中文文件閱讀器
GenericName[zh_HK]=中文文件閱讀器
Comment=Read Chinese TXT, Markdown and EPUB documents, switching between Traditional and Simplified Chinese
Comment[zh_CN]=阅读中文 TXT、Markdown 和 EPUB 文档，简体与繁体随时切换
Comment[zh_TW]=閱讀中文 TXT、Markdown 與 EPUB 文件，繁體與簡體隨時切換
Comment[zh_HK]=閱讀中文 TXT、Markdown 與 EPUB 文件，繁體與簡體隨時切換
Keywords=Chinese;Traditional;Simplified;OpenCC;novel;ebook;EPUB;Markdown;reader;
Keywords[zh_CN]=中文;简体;繁体;简繁转换;小说;电子书;阅读;阅读器;
Keywords[zh_TW]=中文;繁體;簡體;繁簡轉換;小說;電子書;閱讀;閱讀器;
Keywords[zh_HK]=中文;繁體;簡體;繁簡轉換;小說;電子書;閱讀;閱讀器;
Exec={exec_} %F
TryExec={try_exec}
Icon={app_id}
Terminal=false
Categories=Office;Viewer;
MimeType={mime_types};
StartupNotify=true
StartupWMClass={name}
"""


@dataclass(frozen=True)
class Installation:
    """The files `--install-desktop` writes, under one XDG data folder."""

    data_dir: Path

    @property
    def desktop_file(self) -> Path:
        return self.data_dir / "applications" / f"{APP_ID}.desktop"

    @property
    def metainfo_file(self) -> Path:
        return self.data_dir / "metainfo" / f"{APP_ID}.metainfo.xml"

    @property
    def hicolor(self) -> Path:
        return self.data_dir / "icons" / "hicolor"

    def icon_files(self) -> dict[Path, Path]:
        """Installed icon -> the bundled file it is copied from."""
        files = {
            self.hicolor / f"{s}x{s}" / "apps" / f"{APP_ID}.png": ICONS_DIR
            / "png"
            / f"zhreader-{s}.png"
            for s in ICON_SIZES
        }
        files[self.hicolor / "scalable" / "apps" / f"{APP_ID}.svg"] = ICONS_DIR / "zhreader.svg"
        return files

    def files(self) -> list[Path]:
        return [self.desktop_file, self.metainfo_file, *self.icon_files()]


def data_dir() -> Path:
    """The user's data folder (XDG), where desktop entries, metadata and icons go."""
    return xdg_data_home()


def launcher_command() -> list[str]:
    """The command that starts this installation of ZhReader, with absolute paths: the
    `zhreader` launcher beside the running Python (a virtual environment's bin), the one
    that started this process, or one on PATH; else this Python with `-m reader`."""
    candidates = [Path(sys.executable).with_name("zhreader")]
    if Path(sys.argv[0]).name == "zhreader":
        candidates.insert(0, Path(sys.argv[0]))
    if found := shutil.which("zhreader"):
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "reader"]


def exec_quote(argument: str) -> str:
    """One argument of a desktop entry's Exec key, quoted as the specification asks."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`=%")
    escaped = argument.replace("%", "%%")
    if not any(c in reserved for c in argument):
        return escaped
    for char in ("\\", '"', "`", "$"):
        escaped = escaped.replace(char, "\\" + char)
    # The desktop file's own string escaping doubles every backslash once more.
    return '"' + escaped.replace("\\", "\\\\") + '"'


def desktop_entry(command: list[str]) -> str:
    """The .desktop file that starts `command` with the files chosen."""
    return DESKTOP_ENTRY.format(
        name=APP_NAME,
        exec_=" ".join(exec_quote(part) for part in command),
        try_exec=command[0],
        app_id=APP_ID,
        mime_types=";".join(MIME_TYPES),
    )


def metainfo() -> str:
    """AppStream metadata: what software centres show about ZhReader."""
    from xml.sax.saxutils import escape  # imports urllib.request: 20 ms the window's start skips

    shots = []
    for i, (name, caption) in enumerate(SCREENSHOTS):
        kind = ' type="default"' if i == 0 else ""
        shots.append(
            f"    <screenshot{kind}>\n      <caption>{escape(caption)}</caption>\n"
            f"      <image>{HOMEPAGE}/raw/main/docs/screenshots/{name}</image>\n"
            "    </screenshot>"
        )
    screenshots = "\n".join(shots)
    mimes = "\n".join(f"    <mediatype>{m}</mediatype>" for m in MIME_TYPES)
    return f"""\
<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>MIT</project_license>
  <name>{APP_NAME}</name>
  <name xml:lang="zh-CN">中文阅读器</name>
  <name xml:lang="zh-TW">中文閱讀器</name>
  <summary>Read Chinese documents in Traditional or Simplified script</summary>
  <summary xml:lang="zh-CN">阅读中文文档，简体与繁体随时切换</summary>
  <summary xml:lang="zh-TW">閱讀中文文件，繁體與簡體隨時切換</summary>
  <developer_name>ZhReader developers</developer_name>
  <description>
    <p>
      ZhReader opens Chinese TXT novels, Markdown and EPUB books in UTF-8, GB18030 or
      Big5, typesets them as a reader expects, and converts the text live between
      Traditional and Simplified Chinese and the Taiwan and Hong Kong standards with OpenCC.
    </p>
    <ul>
      <li>Live script switching: 原文, 简体, 繁體（標準）, 臺灣正體, 香港繁體</li>
      <li>A section outline found in plain text, Markdown headings or the book's contents</li>
      <li>Find across scripts: 发展 finds 發展</li>
      <li>Light, sepia and dark themes; print and PDF export</li>
    </ul>
  </description>
  <launchable type="desktop-id">{APP_ID}.desktop</launchable>
  <url type="homepage">{HOMEPAGE}</url>
  <url type="bugtracker">{HOMEPAGE}/issues</url>
  <provides>
    <binary>zhreader</binary>
{mimes}
  </provides>
  <categories>
    <category>Office</category>
    <category>Viewer</category>
  </categories>
  <keywords>
    <keyword>Chinese</keyword>
    <keyword>OpenCC</keyword>
    <keyword>EPUB</keyword>
    <keyword>novel</keyword>
  </keywords>
  <screenshots>
{screenshots}
  </screenshots>
  <content_rating type="oars-1.1"/>
</component>
"""


def install(data: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the desktop entry, the metadata and the icons; returns the files written."""
    where = Installation(data or data_dir())
    contents = {
        where.desktop_file: desktop_entry(command or launcher_command()).encode("utf-8"),
        where.metainfo_file: metainfo().encode("utf-8"),
        **{target: source.read_bytes() for target, source in where.icon_files().items()},
    }
    for target in contents:  # every folder first: one that cannot be made stops all writes
        target.parent.mkdir(parents=True, exist_ok=True)
    for target, data_ in contents.items():
        write_atomically(target, data_)
    _refresh_caches(where)
    return list(contents)


def uninstall(data: Path | None = None) -> list[Path]:
    """Remove what `install` wrote (nothing else); returns the files removed."""
    where = Installation(data or data_dir())
    removed = []
    for path in where.files():
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    _refresh_caches(where)
    return removed


def _refresh_caches(where: Installation) -> None:
    """Desktops that read caches see the change now (tools run only when installed)."""
    import subprocess  # not at module level: the window imports this module for APP_ID

    commands = []
    if where.desktop_file.parent.is_dir() and shutil.which("update-desktop-database"):
        commands.append(["update-desktop-database", "-q", str(where.desktop_file.parent)])
    if where.hicolor.is_dir() and shutil.which("gtk-update-icon-cache"):
        commands.append(["gtk-update-icon-cache", "-q", "-t", "-f", str(where.hicolor)])
    for command in commands:
        subprocess.run(command, check=False, capture_output=True, timeout=60)


def run_command(installing: bool) -> int:
    """`zhreader --install-desktop` / `--uninstall-desktop`: one line, exit status 0 or 1."""
    if sys.platform in ("win32", "darwin"):
        print(
            "zhreader: desktop entries are for Linux and other freedesktop systems", file=sys.stderr
        )
        return 2
    where = data_dir()
    try:
        if installing:
            written = install(where)
            print(
                f"{APP_NAME} is in the application menu and Open With: "
                f"{display_path(written[0])} (and its metadata and icons)"
            )
        elif removed := uninstall(where):
            print(
                f"{APP_NAME} removed from the application menu ({len(removed)} files under {display_path(where)})"
            )
        else:
            print(f"{APP_NAME} was not installed under {display_path(where)}: nothing to remove")
    except OSError as exc:
        what = "install" if installing else "remove"
        place = f"{display_path(exc.filename)}: " if exc.filename else ""
        print(
            f"zhreader: cannot {what} the desktop entry: {place}{os_error_reason(exc)}",
            file=sys.stderr,
        )
        return 1
    return 0
