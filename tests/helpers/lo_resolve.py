"""Accept or reject every revision of a Word file in LibreOffice, and save the result.

Run with a Python that has LibreOffice's ``uno`` module (Debian: the system python3 with
python3-uno), not the project's own::

    python3 tests/helpers/lo_resolve.py accept|reject IN.docx OUT.docx PROFILE-DIR

It starts its own headless LibreOffice (with its own profile, on a pipe named after the
process), opens IN, runs "Accept All" or "Reject All" (as a reviewer would in Writer),
saves OUT as Word 2007 XML and prints the number of revisions before and after.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main(mode: str, source: Path, target: Path, profile: Path) -> int:
    pipe = f"pilot-tui-{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        for _ in range(300):  # LibreOffice takes a few seconds to start
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                time.sleep(0.2)
        if ctx is None:
            print("LibreOffice did not answer", file=sys.stderr)
            return 1
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(str(source.resolve())), "_blank", 0, (_prop("Hidden", True),)
        )
        before = doc.Redlines.Count
        command = (
            ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
        )
        helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
        print(before, doc.Redlines.Count)
        doc.storeToURL(
            uno.systemPathToFileUrl(str(target.resolve())),
            (_prop("FilterName", "MS Word 2007 XML"),),
        )
        doc.close(True)
        return 0
    finally:
        if desktop is not None:
            desktop.terminate()
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:  # (it did not stop: this one office, by its id)
            office.kill()
            office.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])))
