"""The enum module (Looplab's own implementation)."""
