"""What the reader remembers: reading positions by document, pruned, and validated on read."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from reader.ui.settings_store import MAX_POSITIONS, SettingsStore


def store_at(path) -> SettingsStore:
    return SettingsStore(QSettings(str(path), QSettings.Format.IniFormat))


def test_a_position_is_remembered_per_document(settings_path):
    store = store_at(settings_path)
    store.save_position("book-a", 120, 35)
    store.save_position("book-b", 7, 0)
    store.settings.sync()
    again = store_at(settings_path)
    assert again.position("book-a", 1000) == (120, 35)
    assert again.position("book-b", 1000) == (7, 0)
    assert again.position("book-c", 1000) == (0, 0)


def test_a_position_past_the_end_of_a_shorter_document_starts_at_the_top(settings_path):
    store = store_at(settings_path)
    store.save_position("book", 500, 10)
    assert store.position("book", 100) == (0, 0)


def test_the_least_recently_read_positions_are_forgotten_beyond_the_limit(settings_path):
    store = store_at(settings_path)
    for n in range(MAX_POSITIONS + 20):
        store.save_position(f"book-{n}", n, 0)
    store.settings.beginGroup("positions")
    kept = set(store.settings.childKeys())
    store.settings.endGroup()
    assert len(kept) == MAX_POSITIONS
    assert "book-0" not in kept and "book-19" not in kept
    assert {"book-20", f"book-{MAX_POSITIONS + 19}"} <= kept
    assert store.position(f"book-{MAX_POSITIONS + 19}", 10_000) == (MAX_POSITIONS + 19, 0)


def test_reading_a_document_again_keeps_its_position_from_being_pruned(settings_path):
    store = store_at(settings_path)
    store.save_position("favourite", 3, 0)
    for n in range(MAX_POSITIONS - 1):
        store.save_position(f"book-{n}", n, 0)
    store.save_position("favourite", 4, 0)  # read again: now the newest
    store.save_position("one-more", 1, 0)
    assert store.position("favourite", 100) == (4, 0)
    assert store.position("book-0", 100) == (0, 0)


def test_corrupt_positions_fall_back_to_the_top(settings_path):
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text("[positions]\na=garbage\nb=1,-5,3\nc=\n", encoding="utf-8")
    store = store_at(settings_path)
    assert [store.position(k, 100) for k in "abc"] == [(0, 0)] * 3
    store.save_position("d", 2, 0)  # pruning tolerates the old entries
    assert store.position("d", 100) == (2, 0)
