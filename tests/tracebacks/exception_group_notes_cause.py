try:
    raise OSError("disk")
except OSError as e:
    g = ExceptionGroup("wrapped", [RuntimeError("r")])
    g.add_note("a note on the group")
    raise g from e
