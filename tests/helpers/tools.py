"""Running an outside program (LibreOffice, poppler) for the rendering tests."""

from __future__ import annotations

import subprocess
from pathlib import Path


def run_tool(*args: str, cwd: Path) -> str:
    """Run ``args`` in ``cwd``; its standard output, or fail with its error output."""
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"{args[0]}: {done.stderr.strip()}"
    return done.stdout
