"""The types module (Looplab's own implementation)."""
