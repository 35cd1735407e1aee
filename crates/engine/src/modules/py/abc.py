"""The abc module (Looplab's own implementation)."""
