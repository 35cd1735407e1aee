"""The copy module (Looplab's own implementation)."""
