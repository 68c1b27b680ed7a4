"""Every user-visible string of the TUI, in Dutch: ``from pilot_tui.tui import strings as S``
and then ``S.NAME``.

One place, so an English UI can be added by swapping these modules' values. The strings
are kept by area (``keys``, ``views``, ``forms``, ``dialogs``, ``messages``); this package
holds them all under one name. Strings with ``{…}`` placeholders are filled with
``str.format``; the values put in are plain text and the result is always rendered as
text, never as markup.
"""

from __future__ import annotations

from typing import Final

from pilot_tui.tui.strings.dialogs import *  # noqa: F403
from pilot_tui.tui.strings.forms import *  # noqa: F403
from pilot_tui.tui.strings.keys import *  # noqa: F403
from pilot_tui.tui.strings.messages import *  # noqa: F403
from pilot_tui.tui.strings.views import *  # noqa: F403

APP_TITLE: Final = "pilot-tui"
