"""The operator module (Looplab's own implementation)."""
