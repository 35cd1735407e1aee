"""The string module (Looplab's own implementation)."""
