"""Helpers shared by the store, safety and crash tests (and the crash bench)."""
