"""The baselines of the whole-process benchmarks, as a real script (a bare interpreter
doing the least the command under test has to do with the same file):

    python tests/bench/baseline.py load PATH            # json.load
    python tests/bench/baseline.py load-dump PATH OUT   # json.load, then json.dump to OUT
"""

from __future__ import annotations

import json
import sys


def main(argv: list[str]) -> int:
    what, path = argv[0], argv[1]
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if what == "load-dump":
        with open(argv[2], "w", encoding="utf-8") as fh:
            json.dump(data, fh)
    elif what != "load":
        raise SystemExit(f"unknown baseline {what!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
