"""The headless command line, used as a script would use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TRADITIONAL

from reader.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_info_reports_encoding_counts_and_warnings(capsys, article_path):
    code, out, err = run(capsys, "info", str(article_path))
    assert code == 0 and err == ""
    assert "encoding: UTF-8" in out
    assert "lines: 118" in out
    assert "headings: 4" in out
    assert "warnings: none" in out


def test_info_json_for_a_big5_file(capsys, write):
    path = write("big5.txt", TRADITIONAL, "big5")
    code, out, _ = run(capsys, "info", "--json", str(path))
    facts = json.loads(out)
    assert code == 0
    assert facts["encoding"] == "Big5"
    assert facts["lines"] == 2
    assert facts["characters"] == len(TRADITIONAL.replace("\n", ""))


def test_info_of_an_empty_file_names_no_script(capsys, write):
    code, out, _ = run(capsys, "info", "--json", str(write("empty.txt", "")))
    facts = json.loads(out)
    assert code == 0 and facts["script"] == "none" and facts["region"] == "none"


def test_info_tells_about_undecodable_bytes(capsys, write):
    path = write("bad.txt", "好文字。".encode() + b"\xff")
    code, out, _ = run(capsys, "info", str(path))
    assert code == 0
    assert "warnings: 1 place with undecodable bytes in UTF-8" in out


def test_outline_as_indented_list(capsys, article_path):
    code, out, _ = run(capsys, "outline", str(article_path))
    assert code == 0
    assert out.splitlines() == [
        "重慶永川:加快建設西部數字産業基地",
        "  開局 數字産業向陽而生",
        "  變局 重慶雲谷蓬勃而出",
        "  新局 數字文創勢頭強勁",
        "  國際在線版權與信息産品內容銷售的聲明",
    ]


def test_outline_as_json(capsys, write):
    path = write("novel.txt", "書名\n\n第一卷 起\n第一章 甲\n文。\n第二章 乙\n文。")
    code, out, _ = run(capsys, "outline", "--json", str(path))
    assert code == 0
    assert json.loads(out) == [
        {
            "title": "第一卷 起",
            "level": 1,
            "block": 1,
            "line": 3,
            "children": [
                {"title": "第一章 甲", "level": 2, "block": 2, "line": 4, "children": []},
                {"title": "第二章 乙", "level": 2, "block": 4, "line": 6, "children": []},
            ],
        }
    ]


def test_outline_reads_standard_input(capsys, monkeypatch):
    import io

    stdin = io.TextIOWrapper(io.BytesIO("書\n\n第一章 甲\n文。".encode("gb18030")))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "outline", "-")
    assert code == 0 and "  第一章 甲" in out


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a folder"),
        (lambda p: (p / "x.bin").write_bytes(b"\x00\x01" * 50) and p / "x.bin", "binary data"),
    ],
    ids=["missing", "folder", "binary"],
)
def test_document_errors_exit_1_with_one_line(capsys, tmp_path, make, message):
    code, out, err = run(capsys, "info", str(make(tmp_path)))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_size_limit_is_configurable(capsys, write):
    path = write("big.txt", "字" * 2000)
    code, _, err = run(capsys, "info", "--size-limit", "0.001", str(path))
    assert code == 1 and "over the limit" in err


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["outline"])
    assert info.value.code == 2
    assert capsys.readouterr().err == (
        "zhreader outline: error: the following arguments are required: file"
        " (see zhreader outline --help)\n"
    )


def test_a_usage_error_of_the_window_command_is_one_line(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--bogus"])
    assert info.value.code == 2
    assert capsys.readouterr().err == (
        "zhreader: error: unrecognized arguments: --bogus (see zhreader --help)\n"
    )


def test_console_script_and_module_run_headless(article_path):
    script = Path(sys.executable).with_name("zhreader")
    for cmd in ([str(script)], [sys.executable, "-m", "reader"]):
        done = subprocess.run(
            [*cmd, "outline", str(article_path)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert "開局 數字産業向陽而生" in done.stdout


def test_missing_file_from_the_shell_has_no_traceback(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "reader", "info", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().endswith("nope.txt: no such file")
    assert "Traceback" not in done.stderr


def test_convert_to_simplified_prints_utf8(capsys, article_path):
    code, out, err = run(capsys, "convert", str(article_path))
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "重庆永川:加快建设西部数字产业基地"
    assert out.count("\n") == article_path.read_text(encoding="utf-8").count("\n")


def test_convert_with_phrases_to_taiwan(capsys, write):
    path = write("s.txt", "软件和信息", "gbk")
    code, out, _ = run(capsys, "convert", "--to", "taiwan", "--phrases", str(path))
    assert code == 0 and out == "軟體和資訊"
    code, out, _ = run(capsys, "convert", "--to", "taiwan", str(path))
    assert out == "軟件和信息"


def test_convert_with_an_explicit_config(capsys, write):
    path = write("s.txt", "头发")
    code, out, _ = run(capsys, "convert", "--config", "s2hk", str(path))
    assert code == 0 and out == "頭髮"


def test_convert_source_override(capsys, write):
    path = write("t.txt", "發展軟體")
    _, auto, _ = run(capsys, "convert", "--to", "simplified", "--phrases", str(path))
    _, taiwan, _ = run(
        capsys, "convert", "--from", "taiwan", "--to", "simplified", "--phrases", str(path)
    )
    _, plain, _ = run(capsys, "convert", "--to", "simplified", str(path))
    assert plain == "发展软体"
    assert auto == taiwan == "发展软件"


def test_convert_writes_the_output_file_atomically(capsys, write, tmp_path):
    src = write("t.txt", "發展\n頭髮\n")
    out = tmp_path / "out.txt"
    out.write_text("old contents")
    code, stdout, _ = run(capsys, "convert", str(src), "-o", str(out))
    assert code == 0 and stdout == ""
    assert out.read_text(encoding="utf-8") == "发展\n头发\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "t.txt"]


def test_convert_output_encoding(capsys, write, tmp_path):
    src = write("t.txt", "發展")
    out = tmp_path / "out.txt"
    code, _, _ = run(capsys, "convert", str(src), "-o", str(out), "--output-encoding", "gb18030")
    assert code == 0 and out.read_bytes() == "发展".encode("gb18030")


def test_convert_refuses_to_overwrite_its_input(capsys, write):
    src = write("t.txt", "發展")
    code, _, err = run(capsys, "convert", str(src), "-o", str(src))
    assert code == 1 and "refusing to overwrite the input" in err
    assert src.read_text(encoding="utf-8") == "發展"


def test_convert_keeps_the_old_output_when_the_disk_refuses(capsys, write, tmp_path, monkeypatch):
    src = write("t.txt", "發展")
    out = tmp_path / "out.txt"
    out.write_text("keep me")

    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reader.core.files.os.replace", refuse)
    code, _, err = run(capsys, "convert", str(src), "-o", str(out))
    assert code == 1 and "No space left on device" in err and err[-1] == "\n"
    assert out.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "t.txt"]


def test_convert_output_encoding_that_cannot_hold_the_text(capsys, write, tmp_path):
    src = write("t.txt", "頭髮\u00a0")
    code, _, err = run(
        capsys, "convert", str(src), "-o", str(tmp_path / "o.txt"), "--output-encoding", "ascii"
    )
    assert code == 1 and "cannot encode" in err


def test_convert_unknown_output_encoding(capsys, write):
    code, _, err = run(capsys, "convert", str(write("t.txt", "字")), "--output-encoding", "nope")
    assert code == 1 and err == "zhreader: --output-encoding: unknown encoding 'nope'\n"


def test_outline_converted_to_simplified(capsys, article_path):
    code, out, _ = run(capsys, "outline", str(article_path), "--to", "simplified")
    assert code == 0
    assert out.splitlines()[:2] == ["重庆永川:加快建设西部数字产业基地", "  开局 数字产业向阳而生"]


def test_convert_from_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("發展".encode("big5"))))
    code, out, _ = run(capsys, "convert", "-")
    assert code == 0 and out == "发展"


def test_info_prints_the_detected_region(capsys, article_path):
    code, out, _ = run(capsys, "info", str(article_path))
    assert code == 0
    assert "script: traditional" in out
    assert "region: mainland Traditional (confidence" in out and "産 ×" in out


def test_convert_with_phrases_says_why_they_do_nothing(capsys, article_path):
    code, out, err = run(capsys, "convert", "--to", "simplified", "--phrases", str(article_path))
    assert code == 0 and "呼叫中心" in out
    assert err.count("\n") == 1
    assert "--phrases has no effect: mainland Traditional already uses the mainland's words" in err


def test_convert_to_taiwan_with_phrases_converts_mainland_words(capsys, article_path):
    code, out, err = run(capsys, "convert", "--to", "taiwan", "--phrases", str(article_path))
    assert code == 0 and err == ""
    assert "資訊" in out and "信息" not in out
    assert "產" in out and "産" not in out


def test_convert_quotes_option(capsys, write):
    path = write("q.txt", "他说：“我听到‘狼来了’。”\n")
    _, corner, _ = run(capsys, "convert", "--to", "simplified", "--quotes", "corner", str(path))
    _, taiwan, _ = run(capsys, "convert", "--to", "taiwan", str(path))
    _, kept, _ = run(capsys, "convert", "--to", "taiwan", "--quotes", "keep", str(path))
    assert corner == "他说：「我听到『狼来了』。」\n"
    assert taiwan == "他說：「我聽到『狼來了』。」\n"
    assert kept == "他說：“我聽到‘狼來了’。”\n"
    path = write("c.txt", "他說：「好」\n")
    _, curved, _ = run(capsys, "convert", "--to", "simplified", "--quotes", "curved", str(path))
    assert curved == "他说：“好”\n"
