"""The contextlib module (Looplab's own implementation)."""
