"""The textwrap module (Looplab's own implementation)."""
