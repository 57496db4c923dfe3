"""Where the bundled resources live: `resources/` beside the package in a source
checkout or editable install, `reader/resources/` inside an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent

BUNDLED_ARTICLE = "yongchuan-digital-industry.txt"


def resources_dir() -> Path:
    """The folder that holds `documents/` and the other bundled files."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "documents").is_dir():
            return candidate
    raise FileNotFoundError("ZhReader's resources folder is missing from this installation")


def bundled_article_path() -> Path:
    """The default document: a Traditional-Chinese article about Yongchuan's digital-industry park."""
    return resources_dir() / "documents" / BUNDLED_ARTICLE
