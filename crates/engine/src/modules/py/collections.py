"""The collections module (Looplab's own implementation)."""
