"""The itertools module (Looplab's own implementation)."""
