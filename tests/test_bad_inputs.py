"""The bad-input and fault matrix of the command line, one case per row.

Each row is what a user types (or what goes wrong under them), the exit
status, the one line on stderr, and that nothing was lost: an existing output
file keeps its contents and mode, no temporary file is left beside it, no
half-written output appears. Rows that need a real process (Ctrl-C) or a real
full file system (a size-limited tmpfs, root only) follow the table.
"""

from __future__ import annotations

import errno
import io
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.messages import display_path

SOURCE = "發展\n頭髮\n".encode()
CONVERTED = "发展\n头发\n".encode()
OLD_OUTPUT = b"the old output, which must survive"
#: 1,000 random bytes with no zero byte and few control bytes: what GB18030 used to accept.
RANDOM_1000 = bytes(b or 1 for b in random.Random(2).randbytes(1000))
NOT_TEXT = "is not a text encoding (try utf-8, gb18030 or big5)"
SIZE_LIMIT_RANGE = "the size limit must be more than 0 and at most 1048576 MiB"


def _no_space(*args: object) -> None:
    raise OSError(errno.ENOSPC, "Writing canceled by application")


def _interrupt(*args: object) -> None:
    raise KeyboardInterrupt


@dataclass(frozen=True)
class Row:
    """One row: the command ({src}, {out}, {dir} are filled in), what the user sees, what survives."""

    id: str
    args: tuple[str, ...]
    status: int
    message: str  # the last (for status 0, 1 and 130 the only) line of stderr
    source: bytes = SOURCE
    source_name: str = "book.txt"
    stdin: bytes | None = None
    stdout: bytes | None = b""  # None: not checked
    output_after: bytes | None = OLD_OUTPUT  # what {out} holds afterwards
    fault: tuple[str, Callable[..., None]] | None = None  # (attribute to patch, replacement)


def _encoding_rows() -> list[Row]:
    rows = []
    for name in ("base64", "rot13", "hex", "zlib", "bz2", "uu", "quopri", "idna", "punycode"):
        rows.append(
            Row(
                f"encoding-{name}",
                ("convert", "{src}", "-o", "{out}", "--encoding", name),
                1,
                f"zhreader: --encoding: '{name}' {NOT_TEXT}",
            )
        )
    for name in ("unicode_escape", "raw_unicode_escape"):
        rows.append(
            Row(
                f"encoding-{name}-mojibake",
                ("convert", "{src}", "--encoding", name),
                1,
                f"zhreader: --encoding: '{name}' {NOT_TEXT}",
            )
        )
    for name in ("base64", "rot13", "idna", "unicode_escape"):
        rows.append(
            Row(
                f"output-encoding-{name}",
                ("convert", "{src}", "-o", "{out}", "--output-encoding", name),
                1,
                f"zhreader: --output-encoding: '{name}' {NOT_TEXT}",
            )
        )
    return rows


def _size_limit_rows() -> list[Row]:
    rows = [
        Row(
            f"size-limit-{value}",
            ("info", f"--size-limit={value}", "{src}"),
            2,
            f"zhreader info: error: argument --size-limit: {SIZE_LIMIT_RANGE}, not {value}"
            " (see zhreader info --help)",
            stdout=b"",
        )
        for value in ("inf", "nan", "-1", "0", "1e300")
    ]
    rows.append(
        Row(
            "size-limit-rounding",
            ("info", "--size-limit", "0.25", "{src}"),
            1,
            "zhreader: {src}: 256.001 KiB is over the limit of 256.000 KiB",
            source=b"x" * (256 * 1024 + 1),
        )
    )
    return rows


ROWS: list[Row] = [
    *_encoding_rows(),
    *_size_limit_rows(),
    Row(
        "ctrl-c-during-convert",
        ("convert", "{src}", "-o", "{out}"),
        130,
        "zhreader: interrupted",
        fault=("reader.core.convert.convert", _interrupt),  # in the first chunk
    ),
    Row(
        "ctrl-c-while-writing",
        ("convert", "{src}", "-o", "{out}"),
        130,
        "zhreader: interrupted",
        fault=("reader.core.files.os.fsync", _interrupt),
    ),
    Row(
        "undecodable-bytes-warned",
        ("convert", "{src}", "-o", "{out}"),
        0,
        "zhreader: {src}: warning: 1 place with undecodable bytes in UTF-8, shown as �",
        source=SOURCE + b"\xff",
        output_after=CONVERTED + "�".encode(),
    ),
    Row(
        "undecodable-bytes-on-stdin-warned",
        ("convert", "-"),
        0,
        "zhreader: standard input: warning: 1 place with undecodable bytes in UTF-8, shown as �",
        stdin=SOURCE + b"\xff",
        stdout=CONVERTED + "�".encode(),
    ),
    Row(
        "random-bytes-on-stdin",
        ("convert", "-", "-o", "{out}"),
        1,
        "zhreader: standard input: not a text document (binary data or an unknown encoding)",
        stdin=RANDOM_1000,
    ),
    Row(
        "random-bytes-in-a-file",
        ("convert", "{src}"),
        1,
        "zhreader: {src}: not a text document (binary data or an unknown encoding)",
        source=RANDOM_1000,
    ),
    Row(
        "stdin-over-the-limit",
        ("convert", "--size-limit", "0.001", "-", "-o", "{out}"),
        1,
        "zhreader: standard input: over the limit of 1.0 KiB",
        stdin="字".encode() * 1000,
    ),
    Row(
        "utf16-le-without-bom",
        ("convert", "{src}", "-o", "{out}"),
        0,
        "",
        source="發展\n頭髮\n".encode("utf-16-le"),
        output_after=CONVERTED,
    ),
    Row(
        "utf16-be-without-bom",
        ("info", "{src}"),
        0,
        "",
        source="發展\n頭髮\n".encode("utf-16-be"),
        stdout=None,
    ),
    Row(
        "binary-still-refused",
        ("info", "{src}"),
        1,
        "zhreader: {src}: not a text document (binary data)",
        source=b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
    ),
    Row(
        "newline-and-esc-in-a-missing-name",
        ("info", "{dir}/evil\n\x1b[31mred.txt"),
        1,
        "zhreader: {dir}/evil\\n\\x1b[31mred.txt: no such file",
    ),
    Row(
        "esc-in-a-name-with-bad-bytes",
        ("convert", "{src}"),
        0,
        "zhreader: {src}: warning: 1 place with undecodable bytes in UTF-8, shown as �",
        source=SOURCE + b"\xff",
        source_name="\x1b]0;title\x07book.txt",
        stdout=CONVERTED + "�".encode(),
    ),
    Row(
        "output-into-a-missing-folder-named-with-a-newline",
        ("convert", "{src}", "-o", "{dir}/no\nfolder/out.txt"),
        1,
        "zhreader: {dir}/no\\nfolder/out.txt: cannot be written (No such file or directory)",
    ),
    Row(
        "full-disk-on-fsync",
        ("convert", "{src}", "-o", "{out}"),
        1,
        "zhreader: {out}: cannot be written (No space left on device)",
        fault=("reader.core.files.os.fsync", _no_space),
    ),
    Row(
        "full-disk-on-rename",
        ("convert", "{src}", "-o", "{out}"),
        1,
        "zhreader: {out}: cannot be written (No space left on device)",
        fault=("reader.core.files.os.replace", _no_space),
    ),
    Row(
        "export-into-a-missing-folder-named-with-a-newline",
        ("export", "{src}", "-o", "{dir}/no\nfolder/out.txt"),
        1,
        "zhreader: {dir}/no\\nfolder/out.txt: cannot be written (No such file or directory)",
    ),
    Row(
        "export-on-a-full-disk",
        ("export", "{src}", "--format", "html", "-o", "{out}"),
        1,
        "zhreader: {out}: cannot be written (No space left on device)",
        fault=("reader.core.files.os.fsync", _no_space),
    ),
    Row(
        "ctrl-c-during-export",
        ("export", "{src}", "--to", "simplified", "-o", "{out}"),
        130,
        "zhreader: interrupted",
        fault=("reader.core.convert.convert_chunk", _interrupt),
    ),
    Row(
        "export-with-a-non-text-encoding",
        ("export", "{src}", "-o", "{out}", "--encoding", "rot13"),
        1,
        f"zhreader: --encoding: 'rot13' {NOT_TEXT}",
    ),
    Row(
        "empty-output-name",
        ("convert", "{src}", "-o", ""),
        1,
        "zhreader: -o: the output file name is empty",
    ),
    Row("empty-input-name", ("info", ""), 1, "zhreader: the file name is empty"),
    Row(
        "output-is-the-input",
        ("convert", "{out}", "-o", "{out}"),
        1,
        "zhreader: {out}: refusing to overwrite the input file",
    ),
    Row(
        "output-is-a-folder",
        ("convert", "{src}", "-o", "{dir}"),
        1,
        "zhreader: {dir}: cannot be written (Is a directory)",
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_matrix_row(row: Row, tmp_path, capsysbinary, monkeypatch):
    (tmp_path / "src").mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    src = tmp_path / "src" / row.source_name
    src.write_bytes(row.source)
    out = out_dir / "out.txt"
    out.write_bytes(OLD_OUTPUT)
    out.chmod(0o640)
    if row.stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(row.stdin)))
    if row.fault:
        monkeypatch.setattr(*row.fault)
    args = [a.format(src=src, out=out, dir=out_dir) for a in row.args]

    try:
        status = main(args)
    except SystemExit as exit_:
        status = exit_.code
    stdout, stderr = capsysbinary.readouterr()

    err_lines = stderr.decode("utf-8").splitlines()
    assert status == row.status, stderr
    expected = row.message.format(
        src=display_path(src), out=display_path(out), dir=display_path(out_dir)
    )
    if expected:
        assert err_lines == [expected]
    else:
        assert err_lines == []
    assert b"Traceback" not in stderr
    if row.stdout is not None:
        assert stdout == row.stdout
    # Nothing lost: the old output (or the new one), its mode, and no temporary file.
    assert out.read_bytes() == row.output_after
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert sorted(p.name for p in out_dir.iterdir()) == ["out.txt"]
    assert src.read_bytes() == row.source


# Devices and pipes are written into, never replaced by a regular file.


def _is_char_device(path: Path) -> bool:
    return stat.S_ISCHR(path.stat().st_mode)


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """/dev/<name>, or as root a private node of it (a regression must not replace /dev/full)."""
    if not hasattr(os, "geteuid") or not Path(f"/dev/{name}").exists():
        pytest.skip(f"needs /dev/{name}")
    if os.geteuid() != 0:
        return Path(f"/dev/{name}")  # a user cannot replace it, whatever the code does
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        node.open("rb").close()
    except OSError as exc:
        pytest.skip(f"no private device node here: {exc.strerror}")
    return node


def test_convert_onto_a_full_device_says_it_is_full(write, tmp_path, capsys):
    full = _device(tmp_path, "full", 7)
    status = main(["convert", str(write("t.txt", "發展")), "-o", str(full)])
    assert status == 1
    assert capsys.readouterr().err == (
        f"zhreader: {full}: cannot be written (No space left on device)\n"
    )
    assert _is_char_device(full)


def test_convert_onto_the_null_device_leaves_it_a_device(write, tmp_path, capsys):
    null = _device(tmp_path, "null", 3)
    assert main(["convert", str(write("t.txt", "發展")), "-o", str(null)]) == 0
    assert capsys.readouterr().err == ""
    assert _is_char_device(null)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_convert_into_a_named_pipe_feeds_the_reader(write, tmp_path, capsys):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    status = main(["convert", str(write("t.txt", "發展")), "-o", str(fifo)])
    reader.join(timeout=10)
    assert status == 0 and received == ["发展".encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


# Modes of the output file: kept when it exists, the umask's when it is new.


@pytest.mark.parametrize("mode", [0o644, 0o600, 0o664, 0o444])
def test_convert_keeps_the_mode_of_an_existing_output(write, tmp_path, capsys, mode):
    src = write("t.txt", "發展")
    out = tmp_path / "out.txt"
    out.write_text("old")
    out.chmod(mode)
    assert main(["convert", str(src), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "发展"
    assert stat.S_IMODE(out.stat().st_mode) == mode


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_convert_gives_a_new_output_the_umask_mode(write, tmp_path, capsys, umask, mode):
    src = write("t.txt", "發展")
    out = tmp_path / "new.txt"
    old = os.umask(umask)
    try:
        assert main(["convert", str(src), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_convert_through_a_symbolic_link_keeps_the_link(write, tmp_path, capsys):
    src = write("t.txt", "發展")
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert main(["convert", str(src), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "发展"


# Ctrl-C in a real process, while it converts.


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


PHRASES_TO_TAIWAN = ("--to", "taiwan", "--phrases")


def _engine_loaded(pid: int) -> bool:
    try:
        return b"opencc_clib" in Path(f"/proc/{pid}/maps").read_bytes()
    except OSError:
        return False


@pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
    reason="needs Linux /proc to see when the conversion starts",
)
def test_ctrl_c_during_a_long_convert(tmp_path):
    src = tmp_path / "long.txt"
    # Long lines and s2twp: reading takes about 0.3 s here, converting about 4 s.
    line = "发展头发，干净的皇后，美国的士兵在区域内存在的都市。" * 80 + "\n"
    src.write_text(line * 18000, encoding="utf-8")
    out = tmp_path / "out.txt"
    out.write_bytes(OLD_OUTPUT)
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "convert", str(src), "-o", str(out), *PHRASES_TO_TAIWAN],
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a shell gives it
        # A terminal's Ctrl-C works even when this test runs in the background of a
        # non-interactive shell, which starts its jobs with SIGINT ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        # The engine's library is loaded while the arguments are parsed; a little later the
        # document has been read and the conversion is under way.
        # (Past 3 s the interpreter is certainly running the command: interrupt anyway.)
        deadline = time.monotonic() + 3
        while not _engine_loaded(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
            os.sched_yield()
        time.sleep(0.3)
        children = _children(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert err.decode() == "zhreader: interrupted\n"
    assert out.read_bytes() == OLD_OUTPUT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long.txt", "out.txt"]
    assert children == []  # the conversion runs in the process itself


# A real full disk: a 64 KiB tmpfs (root only).


@pytest.fixture
def full_disk(tmp_path):
    """A 64 KiB tmpfs mounted in tmp_path, or a skip saying why there is none."""
    mount = shutil.which("mount")
    if sys.platform != "linux" or os.geteuid() != 0 or mount is None:
        pytest.skip("a size-limited tmpfs needs Linux, root and mount(8)")
    point = tmp_path / "small"
    point.mkdir()
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"mount refused a tmpfs: {done.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", str(point)], check=False)


def test_convert_onto_a_really_full_disk_keeps_the_old_output(full_disk, write, capsys):
    src = write("t.txt", "發展頭髮。\n" * 20_000)  # 300 KB of output for 64 KiB of space
    out = full_disk / "out.txt"
    out.write_bytes(OLD_OUTPUT)
    out.chmod(0o644)
    status = main(["convert", str(src), "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 1
    assert err == f"zhreader: {out}: cannot be written (No space left on device)\n"
    assert out.read_bytes() == OLD_OUTPUT
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [p.name for p in full_disk.iterdir()] == ["out.txt"]


# Names in what the commands print, not only in errors.


@pytest.mark.parametrize("command", [["info"], ["info", "--json"], ["outline"]])
def test_a_name_with_control_characters_is_printed_escaped(tmp_path, capsys, command):
    src = tmp_path / "\x1b[2Jwiped\nline.txt"
    src.write_text("正文一段。\n", encoding="utf-8")
    assert main([*command, str(src)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    shown = json.loads(out)["file"] if "--json" in command else out
    assert "\\x1b[2Jwiped\\nline" in shown
