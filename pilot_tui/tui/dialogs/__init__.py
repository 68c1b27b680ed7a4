"""The app's dialogs: small typed modal screens (``ModalScreen[T]``) that ask one thing and
are dismissed with the answer (a date, a window, a filter, a choice, a file, yes or no).
They show plain data and never touch the register; the flow that pushed one acts on its
answer. Full screens (the main screen, forms, review, overview, help, the merge
conflicts) are in :mod:`pilot_tui.tui.screens`.
"""
