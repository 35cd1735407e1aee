"""The inspect module (Looplab's own implementation)."""
