"""`zhreader convert --explain` and `--fixes`, as a script would use them."""

from __future__ import annotations

import json
from pathlib import Path

from reader.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_explain_lists_changed_spans_with_rule_and_alternatives(capsys, write):
    path = write("s.txt", "她剪了发，头发很长。\n")
    code, out, err = run(capsys, "convert", "--explain", "--to", "traditional", str(path))
    assert code == 0 and err == ""
    assert out.splitlines() == [
        "1:3  发 → 發  character, uncertain  | 髮 (秋髮 生髮)",
        "1:5  头 → 頭  character",
        "1:6  发 → 髮  phrase (头发)  | 發 (出發 發出)",
        "1:8  长 → 長  character",
    ]


def test_explain_json_of_the_uncertain_spans_only(capsys, write):
    path = write("s.txt", "她剪了发，头发很长。\n")
    code, out, _ = run(
        capsys, "convert", "--explain", "--uncertain", "--json", "--to", "traditional", str(path)
    )
    rows = json.loads(out)
    assert code == 0 and [(r["source"], r["shown"], r["rule"]) for r in rows] == [
        ("发", "發", "character")
    ]
    assert rows[0]["alternatives"][0]["text"] == "髮"


def test_explain_says_so_when_nothing_is_uncertain(capsys, write):
    path = write("s.txt", "他们来了。\n")
    code, out, err = run(
        capsys, "convert", "--explain", "--uncertain", "--to", "traditional", str(path)
    )
    assert code == 0 and out == ""
    assert err == "zhreader: no uncertain conversions in this text\n"


def test_fixes_file_changes_convert_and_export(capsys, write, tmp_path):
    path = write("s.txt", "她剪了发，头发很长。\n")
    fixes = write("fixes.txt", "剪了发\t剪了髮\n")
    code, out, _ = run(capsys, "convert", "--to", "traditional", "--fixes", str(fixes), str(path))
    assert code == 0 and out == "她剪了髮，頭髮很長。\n"
    code, out, _ = run(capsys, "export", "--to", "traditional", "--fixes", str(fixes), str(path))
    assert code == 0 and "她剪了髮" in out


def test_a_fixes_file_that_is_not_one_gives_one_line(capsys, write):
    path = write("s.txt", "她剪了发\n")
    fixes = write("fixes.json", '{"fixes": 3}')
    code, out, err = run(capsys, "convert", "--fixes", str(fixes), str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "not a fixes file" in err


def test_rules_file_changes_convert_and_export(capsys, write):
    legado = Path(__file__).parent / "data" / "legado_replace_rules.json"
    path = write("s.txt", "她剪了发（本章未完，请点击下一页继续阅读）\n")
    code, out, _ = run(capsys, "convert", "--to", "traditional", "--rules", str(legado), str(path))
    assert code == 0 and out == "她剪了發\n"
    code, out, _ = run(capsys, "export", "--rules", str(legado), str(path))
    assert code == 0 and "本章未完" not in out and "她剪了发" in out  # original script


def test_a_rules_file_that_is_not_one_gives_one_line(capsys, write):
    path = write("s.txt", "她剪了发\n")
    rules = write("rules.json", "[1, 2]")
    code, out, err = run(capsys, "convert", "--rules", str(rules), str(path))
    assert code == 1 and out == "" and err.count("\n") == 1 and "not a rules file" in err
