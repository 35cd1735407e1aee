# An uncaught KeyboardInterrupt ends the program as Ctrl-C would: its
# traceback, then death by SIGINT (a shell says 130).
print("before")
raise KeyboardInterrupt("stop")
