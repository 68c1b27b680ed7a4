"""``python -m pilot_tui.cli``: the command line, as ``pilot-tui`` runs it."""

import sys

from pilot_tui.cli import main

sys.exit(main())
