"""The ``pilot-tui`` command: the cyclic collector paused from before the first import
of the program to its first screen (see pilot_tui.memory), then the command line."""

from __future__ import annotations

import sys

from pilot_tui.memory import Pause


def main() -> int:
    starting = Pause()
    try:
        from pilot_tui import cli

        return cli.main(starting=starting)
    finally:
        starting.end()


if __name__ == "__main__":
    sys.exit(main())
