"""The dataclasses module (Looplab's own implementation)."""
