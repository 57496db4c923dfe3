"""The package's shape: a Qt-free core, resources in the wheel, safe dependencies."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_76bed5e73f9b646f.txt"


def test_core_does_not_import_qt():
    code = (
        "import sys, importlib, pkgutil, reader.core, reader.cli\n"
        "for m in pkgutil.walk_packages(reader.core.__path__, 'reader.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt'))]\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_import_contracts_hold():
    """import-linter: the core knows no Qt; the document session knows no widget."""
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "2 kept, 0 broken" in done.stdout


def test_the_session_loads_no_widget_module():
    code = (
        "import sys, reader.ui.session\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6.QtWidgets', 'PySide6.QtGui'))]\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_core_sources_never_mention_qt():
    for path in (ROOT / "reader" / "core").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "PyQt" not in text, path


def test_bundled_article_is_a_byte_copy_of_the_seed(article_path):
    if not SEED.exists():
        pytest.skip("shared/ seeds are not beside this checkout")
    assert article_path.read_bytes() == SEED.read_bytes()


def test_wheel_ships_the_article(tmp_path, article_path):
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("zhreader-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        inside = f"reader/resources/documents/{article_path.name}"
        assert inside in names
        assert zf.read(inside) == article_path.read_bytes()
        assert "reader/core/__init__.py" in names
        assert "reader/core/data/guard.tsv" in names  # the guard's reviewed table
        assert "reader/core/data/script_characters.txt" in names  # script detection


def test_installed_wheel_finds_its_resources(tmp_path, article_path):
    """The resources lookup works from a wheel layout (reader/resources beside the code).

    `-S` keeps the editable install's path hook, which points at this checkout, out.
    """
    pkg = tmp_path / "site" / "reader"
    (pkg / "core").mkdir(parents=True)
    (pkg / "resources" / "documents").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "core" / "__init__.py").write_text("")
    source = (ROOT / "reader" / "core" / "resources.py").read_text(encoding="utf-8")
    (pkg / "core" / "resources.py").write_text(source, encoding="utf-8")
    (pkg / "resources" / "documents" / article_path.name).write_bytes(article_path.read_bytes())
    code = "from reader.core.resources import bundled_article_path as p; print(p())"
    done = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=tmp_path / "site",
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(tmp_path / "site")},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(pkg / "resources" / "documents" / article_path.name)


def test_only_the_cpp_opencc_engine_is_installed():
    from importlib import metadata

    import opencc
    from opencc.clib import opencc_clib

    installed = {d.metadata["Name"].lower() for d in metadata.distributions()}
    assert "opencc" in installed
    # Either of these would overwrite the C++ engine's `opencc` import package.
    assert not installed & {"opencc-py", "opencc-python-reimplemented"}
    assert issubclass(opencc.OpenCC, opencc_clib._OpenCC)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal on 3.12+")
def test_void_qt_calls_do_not_drop_references_to_none(qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        label.setText("x")
    assert sys.getrefcount(None) >= before
