"""pilot-tui: keep a register of pilot projects and write the 'Stand van zaken pilots'."""

__version__ = "0.1.0"
