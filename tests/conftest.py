"""Test set-up: Qt offscreen, and small documents written into tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from reader.core.resources import bundled_article_path

#: Traditional Chinese that Big5 can encode (the article's 産 is not in Big5).
TRADITIONAL = (
    "永川大數據揚帆遠航!誰擁有了大數據,誰就擁有了未來。\n時間回到2008年,西部聲谷正式成立。"
)
SIMPLIFIED = (
    "永川大数据扬帆远航！谁拥有了大数据，谁就拥有了未来。\n时间回到2008年，西部声谷正式成立。"
)


@pytest.fixture
def article_path() -> Path:
    return bundled_article_path()


@pytest.fixture
def write(tmp_path: Path):
    """Write text (str, encoded as given) or bytes to a file in tmp_path and return its path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return _write
