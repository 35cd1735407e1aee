"""The functools module (Looplab's own implementation)."""
