"""The layers of the package, as the import-linter contracts in pyproject.toml state them:
the core imports no operation and no front end, the operations import the core only, and
only the TUI imports Textual and Rich. A broken contract fails with import-linter's report
(which import, on which line).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the package and pyproject.toml in ``root`` (no cache written)."""
    env = {**os.environ, "PYTHONPATH": str(root), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", LINT, "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_the_contracts_are_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout, result.stdout


def test_the_contracts_catch_a_wrong_import_and_an_unplaced_module(tmp_path: Path) -> None:
    """The contracts see the whole package: a core module that imports the TUI and
    Textual, and a new module in no layer, break them."""
    shutil.copytree(
        ROOT / "pilot_tui", tmp_path / "pilot_tui", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    core = tmp_path / "pilot_tui" / "text.py"
    core.write_text(
        core.read_text(encoding="utf-8") + "\nimport textual\nfrom pilot_tui.tui import app\n",
        encoding="utf-8",
    )
    (tmp_path / "pilot_tui" / "unplaced.py").write_text('"""In no layer."""\n', encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stdout
    assert "0 kept, 2 broken" in report, report
    assert "pilot_tui.text is not allowed to import pilot_tui.tui" in report, report
    assert "pilot_tui.text -> textual" in report, report
    assert "- pilot_tui.unplaced" in report, report
