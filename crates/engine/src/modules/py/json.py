"""The json module (Looplab's own implementation)."""
