"""What a folder holds, to show that something left it exactly as it was."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any


def folder_state(folder: Path) -> dict[str, Any]:
    """Every file's bytes, every other entry's kind (a FIFO stays a FIFO)."""
    state: dict[str, Any] = {}
    for p in sorted(folder.rglob("*")):
        st = os.lstat(p)
        state[str(p.relative_to(folder))] = (
            p.read_bytes() if stat.S_ISREG(st.st_mode) else stat.S_IFMT(st.st_mode)
        )
    return state
