"""Opening files: encodings, newlines, white space, and refusing what is not a document."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import SIMPLIFIED, TRADITIONAL

from reader.core.loading import (
    BinaryDataError,
    FileMissingError,
    NotAFileError,
    TooLargeError,
    UnknownEncodingError,
    UnreadableError,
    decode_bytes,
    detect_encoding,
    load_text,
    text_codec,
)


@pytest.mark.parametrize(
    ("text", "encoded", "codec"),
    [
        (TRADITIONAL, TRADITIONAL.encode("utf-8"), "utf-8"),
        (TRADITIONAL, codecs.BOM_UTF8 + TRADITIONAL.encode("utf-8"), "utf-8"),
        (TRADITIONAL, codecs.BOM_UTF16_LE + TRADITIONAL.encode("utf-16-le"), "utf-16-le"),
        (TRADITIONAL, codecs.BOM_UTF16_BE + TRADITIONAL.encode("utf-16-be"), "utf-16-be"),
        (SIMPLIFIED, SIMPLIFIED.encode("gb18030"), "gb18030"),
        (SIMPLIFIED, SIMPLIFIED.encode("gbk"), "gb18030"),
        (TRADITIONAL, TRADITIONAL.encode("gb18030"), "gb18030"),
        (TRADITIONAL, TRADITIONAL.encode("big5"), "cp950"),
    ],
    ids=["utf8", "utf8-bom", "utf16le", "utf16be", "gb18030", "gbk", "gb18030-trad", "big5"],
)
def test_common_encodings_decode_to_the_original_text(write, text, encoded, codec):
    loaded = load_text(write("doc.txt", encoded))
    assert loaded.text == text
    assert loaded.encoding == codec
    assert loaded.warnings == ()


@pytest.mark.parametrize(
    "text",
    ["誰擁有了大數據,\n誰就擁有了未來。", "中文", "臺灣", "說話", "國家發展"],
)
def test_short_big5_is_not_read_as_gb18030_mojibake(text):
    assert decode_bytes(text.encode("big5")).text == text


@pytest.mark.parametrize("text", ["谁拥有了大数据，\n谁就拥有了未来。", "中文", "发展", "说话"])
def test_short_gbk_is_not_read_as_big5(text):
    assert decode_bytes(text.encode("gbk")).text == text


def test_big5_hkscs_is_used_when_cp950_cannot_decode():
    text = "佢哋喺度食緊嘢,好嘅。\n我哋聽日再嚟。"
    data = text.encode("big5hkscs")
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp950")
    loaded = decode_bytes(data)
    assert loaded.text == text
    assert loaded.encoding == "big5hkscs"


def test_gb18030_four_byte_characters_survive():
    text = "𠀀𪚥是罕用字,€也在。"
    assert decode_bytes(text.encode("gb18030")).text == text


def test_encoding_override_wins_over_detection(write):
    path = write("doc.txt", SIMPLIFIED, "gbk")
    assert load_text(path, encoding="big5").encoding == "cp950"
    assert load_text(path, encoding="GBK").text == SIMPLIFIED


def test_unknown_encoding_name_is_a_clear_error(write):
    with pytest.raises(UnknownEncodingError, match="unknown encoding 'klingon'"):
        load_text(write("doc.txt", "x"), encoding="klingon")


def test_crlf_and_cr_become_newlines(write):
    loaded = load_text(write("doc.txt", "第一行\r\n第二行\r第三行\n"))
    assert loaded.text == "第一行\n第二行\n第三行\n"


def test_nbsp_and_ideographic_space_are_kept_in_the_text(write):
    text = "\u3000\u3000開篇。\n\u00a0國際在線\u00a0電話"
    assert load_text(write("doc.txt", text)).text == text


def test_undecodable_bytes_are_replaced_and_counted(write):
    data = "正常的文字。".encode() + b"\xff\xfe" + "後面也正常。".encode() + b"\xff"
    loaded = load_text(write("doc.txt", data))
    assert loaded.encoding == "utf-8"
    assert loaded.text == "正常的文字。��後面也正常。�"
    assert loaded.warnings == ("3 places with undecodable bytes in UTF-8, shown as �",)


def test_detection_uses_utf8_when_a_multibyte_char_is_cut_at_the_end():
    data = "數據".encode() + "發".encode()[:2]
    assert detect_encoding(data) == "utf-8"


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(FileMissingError, match="no such file"):
        load_text(tmp_path / "gone.txt")


def test_folder_is_refused(tmp_path):
    with pytest.raises(NotAFileError, match="is a folder"):
        load_text(tmp_path)


def test_unreadable_file_is_refused(write, monkeypatch):
    path = write("doc.txt", "文字")

    def deny(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(UnreadableError, match="cannot be read \\(Permission denied\\)"):
        load_text(path)


@pytest.mark.parametrize(
    "data",
    [b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20, bytes(range(0, 32)) * 40, b"PK\x03\x04\x14\x00"],
    ids=["elf", "controls", "zip"],
)
def test_binary_data_is_refused(write, data):
    with pytest.raises(BinaryDataError, match="not a text document"):
        load_text(write("image.bin", data))


def test_file_over_the_size_limit_is_refused(write):
    path = write("big.txt", "字" * 1000)
    with pytest.raises(TooLargeError, match=r"over the limit of 1\.0 KiB"):
        load_text(path, size_limit=1024)
    assert load_text(path, size_limit=4096).text == "字" * 1000


def test_errors_are_one_line_and_name_the_file(tmp_path):
    with pytest.raises(FileMissingError) as info:
        load_text(tmp_path / "gone.txt")
    message = str(info.value)
    assert "\n" not in message
    assert "gone.txt" in message


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_opens(write, article_path, codec):
    text = article_path.read_text(encoding="utf-8")
    loaded = load_text(write("doc.txt", text.encode(codec)))
    assert loaded.encoding == codec
    assert loaded.text == text
    assert loaded.warnings == ()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [TRADITIONAL, SIMPLIFIED, "第一章 一\n", "plain English\n"])
def test_short_utf16_without_a_bom_opens(codec, text):
    loaded = decode_bytes(text.encode(codec))
    assert (loaded.text, loaded.encoding) == (text, codec)


def test_utf16_without_a_bom_cut_at_an_odd_length_warns(write):
    loaded = load_text(write("doc.txt", TRADITIONAL.encode("utf-16-le") + b"\x41"))
    assert loaded.text == TRADITIONAL + "�"
    assert loaded.warnings == ("1 place with undecodable bytes in UTF-16 LE, shown as �",)


def _real_binaries() -> dict[str, bytes]:
    import random
    import sys
    import zlib

    rng = random.Random(7)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2000)
    return {
        "python-executable": Path(sys.executable).resolve().read_bytes()[:65536],
        "zlib-stream": zlib.compress(rng.randbytes(20_000)),
        "png": png,
        "random-with-zeros": rng.randbytes(4096),
        "utf32-le-without-bom": TRADITIONAL.encode("utf-32-le"),
    }


@pytest.mark.parametrize("name", list(_real_binaries()))
def test_ordinary_binary_files_are_still_refused(write, name):
    with pytest.raises(BinaryDataError, match="not a text document"):
        load_text(write("file.bin", _real_binaries()[name]))


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes_without_zeros_are_not_taken_for_gb18030(seed):
    import random

    data = bytes(b or 1 for b in random.Random(seed).randbytes(1000))
    with pytest.raises(BinaryDataError, match="not a text document"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "name",
    [
        "base64",
        "rot13",
        "hex",
        "zlib",
        "bz2",
        "uu",
        "quopri",
        "idna",
        "punycode",
        "unicode_escape",
        "raw_unicode_escape",
        "undefined",
    ],
)
def test_codecs_that_are_no_document_encoding_are_refused(write, name):
    with pytest.raises(UnknownEncodingError, match=f"'{name}' is not a text encoding"):
        load_text(write("doc.txt", "字"), encoding=name)


@pytest.mark.parametrize(("name", "codec"), [("GBK", "gb18030"), ("UTF_16_LE", "utf-16-le")])
def test_text_codec_names_the_codec(name, codec):
    assert text_codec(name) == codec


def test_size_over_the_limit_never_reads_as_equal_to_it(write):
    path = write("big.txt", b"x" * (1024 * 1024 + 1))
    with pytest.raises(TooLargeError) as info:
        load_text(path, size_limit=1024 * 1024)
    assert str(info.value).endswith("1,048,577 bytes is over the limit of 1,048,576 bytes")


def test_messages_show_control_characters_in_file_names_escaped(tmp_path):
    with pytest.raises(FileMissingError) as info:
        load_text(tmp_path / "evil\n\x1b[31mname.txt")
    assert str(info.value).endswith("evil\\n\\x1b[31mname.txt: no such file")


def test_decoding_errors_name_the_file_escaped(write):
    path = write("a\nb.bin", b"\x00\x01" * 50)
    with pytest.raises(BinaryDataError) as info:
        load_text(path)
    assert "\n" not in str(info.value) and "a\\nb.bin" in str(info.value)


def test_a_list_of_rare_characters_in_gb18030_is_not_taken_for_garbage():
    text = "".join(chr(c) for c in range(0x20000, 0x20200)) + "\n" + "㐀㐁㐂㐃㐄㐅"
    loaded = decode_bytes(text.encode("gb18030"))
    assert (loaded.text, loaded.encoding) == (text, "gb18030")


def test_damaged_chinese_text_opens_with_a_warning():
    data = bytearray(TRADITIONAL.encode("gb18030") * 20)
    data[::25] = b"\xff" * len(data[::25])
    loaded = decode_bytes(bytes(data))
    assert loaded.encoding == "gb18030"
    assert loaded.warnings and "undecodable bytes in GB18030" in loaded.warnings[0]
